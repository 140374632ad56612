//! What a resource's Prisma DAL needs beyond its fields: where Prisma's values differ from the
//! DAL's types (a `Decimal`, a `BigInt`, a `date` read as a `Date`, JSON nulls) and how to cross,
//! and how each sortable field's cursor value is read back.

use serde::Serialize;

use crate::model::layout::wrap;
use crate::model::{Field, FieldType, Resource};

/// The Prisma side of one resource's DAL.
#[derive(Debug, Clone, Serialize)]
pub struct PrismaResource {
    /// The properties of `to<Resource>(row)` that convert Prisma's row into the DAL's type, laid
    /// out at four spaces; none when the rows Prisma returns already are.
    pub row_entries: Vec<String>,
    /// The properties a create's `data` converts (after `...values`), at six spaces.
    pub create_entries: Vec<String>,
    /// The properties an update's `data` converts (after `...changes`), at six spaces.
    pub update_entries: Vec<String>,
    /// The list query's filters (`userId: options.ownerId`), at six spaces.
    pub filters: Vec<String>,
    /// `createdAt: 'datetime',`: how each sort field's cursor value is read back, at two spaces.
    pub sort_kinds: Vec<String>,
    /// What the DAL imports from `@/dal/values`, sorted.
    pub value_imports: Vec<String>,
}

/// A conversion: the function and its arguments.
type Call = (String, Vec<String>);

/// How Prisma's value of a field becomes the DAL's; `None`: it already is.
fn read(ty: &FieldType, value: &str) -> Option<Call> {
    let call = |head: &str, args: Vec<String>| Some((head.to_string(), args));
    match ty {
        FieldType::Decimal { scale, .. } => {
            call("decimalText", vec![value.into(), scale.to_string()])
        }
        FieldType::Bigint => call("bigintNumber", vec![value.into()]),
        FieldType::Date => call("dateText", vec![value.into()]),
        FieldType::Array { of } => {
            let (head, args) = read(of, "item")?;
            call(
                &format!("{value}.map"),
                vec![format!("(item) => {head}({})", args.join(", "))],
            )
        }
        _ => None,
    }
}

/// Whether a value goes into a create (every required field set) or an update (a field left
/// undefined stays as it is).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Write {
    Create,
    Update,
}

/// How the DAL's value of a field becomes Prisma's input; `None`: it already is.
fn write(field: &Field, value: &str, kind: Write) -> Option<Call> {
    let call = |head: &str, args: Vec<String>| Some((head.to_string(), args));
    match &field.spec.ty {
        FieldType::Date => call("dateValue", vec![value.into()]),
        FieldType::Array { of } if matches!(**of, FieldType::Date) => call(
            &format!(
                "{value}{}.map",
                if kind == Write::Update { "?" } else { "" }
            ),
            vec!["(item) => dateValue(item)".into()],
        ),
        FieldType::Json if field.spec.optional => call("nullableJsonInput", vec![value.into()]),
        FieldType::Json if kind == Write::Create => call("jsonInput", vec![value.into()]),
        FieldType::Json => call("jsonUpdate", vec![value.into()]),
        _ => None,
    }
}

/// `key: head(args),` as prettier lays it out at `indent`; the helper it calls goes in `imports`.
fn property(key: &str, (head, args): Call, indent: usize, imports: &mut Vec<String>) -> String {
    let helper = args
        .last()
        .and_then(|a| a.split("=> ").nth(1))
        .unwrap_or(&head);
    imports.push(helper.split('(').next().unwrap_or_default().to_string());
    crate::model::statement_layout::assign_call(&format!("{key}:"), &head, &args, ",", indent)
}

fn data(resource: &Resource, kind: Write, imports: &mut Vec<String>) -> Vec<String> {
    let source = match kind {
        Write::Create => "values",
        Write::Update => "changes",
    };
    resource
        .fields
        .iter()
        .filter_map(|field| {
            let call = write(field, &format!("{source}.{}", field.names.camel), kind)?;
            Some(property(&field.names.camel, call, 6, imports))
        })
        .collect()
}

/// `key: kind,`: the sort kind of a sortable field, as `@/dal/pagination` reads cursor values,
/// at two spaces.
fn sort_kind(key: &str, field: &Field) -> String {
    let kind = match &field.spec.ty {
        FieldType::Integer | FieldType::Bigint | FieldType::Float => "number",
        FieldType::Decimal { .. } => "decimal",
        FieldType::Boolean => "boolean",
        FieldType::Date => "date",
        FieldType::Datetime => "datetime",
        FieldType::Enum { values } => {
            let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
            return wrap(&format!("{key}: ["), &quoted, "],", 2, false);
        }
        _ => "text",
    };
    format!("{key}: '{kind}',")
}

/// The Prisma DAL's code for `resource`.
#[must_use]
pub fn resource(resource: &Resource) -> PrismaResource {
    let mut imports = Vec::new();
    let row_entries: Vec<String> = resource
        .fields
        .iter()
        .filter(|f| !f.spec.private)
        .filter_map(|field| {
            let call = read(&field.spec.ty, &format!("row.{}", field.names.camel))?;
            Some(property(&field.names.camel, call, 4, &mut imports))
        })
        .collect();
    let create_entries = data(resource, Write::Create, &mut imports);
    let update_entries = data(resource, Write::Update, &mut imports);
    let mut filters = Vec::new();
    if resource.owned {
        filters.push("userId: options.ownerId,".to_string());
    }
    for field in resource
        .fields
        .iter()
        .filter(|f| !f.spec.private && f.code.zod_filter.is_some())
    {
        let key = &field.names.camel;
        let value = format!("options.{key}");
        filters.push(match &field.spec.ty {
            FieldType::Date => property(key, ("dateValue".into(), vec![value]), 6, &mut imports),
            _ => crate::model::statement_layout::property(key, &value, 6),
        });
    }
    let mut sort_kinds = vec![
        "createdAt: 'datetime',".to_string(),
        "updatedAt: 'datetime',".to_string(),
    ];
    for key in resource.code.sort_fields.iter().skip(2) {
        if let Some(field) = resource.fields.iter().find(|f| &f.names.camel == key) {
            sort_kinds.push(sort_kind(key, field));
        }
    }
    imports.sort();
    imports.dedup();
    PrismaResource {
        row_entries,
        create_entries,
        update_entries,
        filters,
        sort_kinds,
        value_imports: imports,
    }
}
