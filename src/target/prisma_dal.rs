//! What a resource's Prisma DAL needs beyond its fields: where Prisma's values differ from the
//! DAL's types (a `Decimal`, a `BigInt`, a `date` read as a `Date`, JSON nulls) and how to cross,
//! and how each sortable field's cursor value is read back.

use serde::Serialize;

use crate::model::{Field, FieldType, Resource};

/// The Prisma side of one resource's DAL.
#[derive(Debug, Clone, Serialize)]
pub struct PrismaResource {
    /// The properties of `to<Resource>(row)` that convert Prisma's row into the DAL's type; none
    /// when the rows Prisma returns already are.
    pub row_entries: Vec<Property>,
    /// The properties a create's `data` converts (after `...values`).
    pub create_entries: Vec<Property>,
    /// The properties an update's `data` converts (after `...changes`).
    pub update_entries: Vec<Property>,
    /// The list query's filters on its fields (the owner's comes from the template).
    pub filters: Vec<Property>,
    /// How each sort field's cursor value is read back: `'datetime'`, or an enum's values.
    pub sort_kinds: Vec<Property>,
    /// What the DAL imports from `@/dal/values`, sorted.
    pub value_imports: Vec<String>,
}

/// `key: value` in an object literal.
#[derive(Debug, Clone, Serialize)]
pub struct Property {
    pub key: String,
    pub value: String,
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

/// `key: head(args)`; the helper it calls goes in `imports`.
fn property(key: &str, (head, args): Call, imports: &mut Vec<String>) -> Property {
    let helper = args
        .last()
        .and_then(|a| a.split("=> ").nth(1))
        .unwrap_or(&head);
    imports.push(helper.split('(').next().unwrap_or_default().to_string());
    Property {
        key: key.to_string(),
        value: format!("{head}({})", args.join(", ")),
    }
}

fn data(resource: &Resource, kind: Write, imports: &mut Vec<String>) -> Vec<Property> {
    let source = match kind {
        Write::Create => "values",
        Write::Update => "changes",
    };
    resource
        .fields
        .iter()
        .filter_map(|field| {
            let call = write(field, &format!("{source}.{}", field.names.camel), kind)?;
            Some(property(&field.names.camel, call, imports))
        })
        .collect()
}

/// The sort kind of a sortable field, as `@/dal/pagination` reads cursor values.
fn sort_kind(field: &Field) -> String {
    let kind = match &field.spec.ty {
        FieldType::Integer | FieldType::Bigint | FieldType::Float => "number",
        FieldType::Decimal { .. } => "decimal",
        FieldType::Boolean => "boolean",
        FieldType::Date => "date",
        FieldType::Datetime => "datetime",
        FieldType::Enum { values } => {
            let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
            return format!("[{}]", quoted.join(", "));
        }
        _ => "text",
    };
    format!("'{kind}'")
}

/// The Prisma DAL's code for `resource`.
#[must_use]
pub fn resource(resource: &Resource) -> PrismaResource {
    let mut imports = Vec::new();
    let row_entries: Vec<Property> = resource
        .fields
        .iter()
        .filter(|f| !f.spec.private)
        .filter_map(|field| {
            let call = read(&field.spec.ty, &format!("row.{}", field.names.camel))?;
            Some(property(&field.names.camel, call, &mut imports))
        })
        .collect();
    let create_entries = data(resource, Write::Create, &mut imports);
    let update_entries = data(resource, Write::Update, &mut imports);
    let mut filters = Vec::new();
    for key in &resource.filterable {
        let Some(field) = resource.fields.iter().find(|f| &f.names.camel == key) else {
            continue;
        };
        let value = format!("options.{key}");
        filters.push(match &field.spec.ty {
            FieldType::Date => property(key, ("dateValue".into(), vec![value]), &mut imports),
            _ => Property {
                key: key.clone(),
                value,
            },
        });
    }
    let sort_kinds = resource
        .sortable
        .iter()
        .map(|key| Property {
            key: key.clone(),
            value: match resource.fields.iter().find(|f| &f.names.camel == key) {
                Some(field) => sort_kind(field),
                None => "'datetime'".to_string(),
            },
        })
        .collect();
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
