//! The TypeScript each field becomes: its Drizzle column, its Zod schemas, its DTO type.

use heck::{ToLowerCamelCase, ToPascalCase};
use serde::Serialize;

use super::field_type::{DefaultValue, FieldType};
use super::layout;
use super::{FieldNames, FieldSpec, RefTarget};

/// Code fragments for one field, ready for the templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldCode {
    /// The column entry of `pgTable`, laid out at four spaces: `title: varchar(…).notNull(),`
    pub drizzle: String,
    /// The Drizzle builder functions the column needs, for the import line.
    pub drizzle_imports: Vec<String>,
    /// The create-schema entry, laid out at two spaces: `title: z.string().min(1).max(200),`
    pub zod: String,
    /// The list-query filter entry, for filterable fields.
    pub zod_filter: Option<String>,
    /// The type in the DTO: `string | null`, `PostStatus`…
    pub ts_type: String,
    /// The type of the field's list filter (`boolean` for `?published=true`).
    pub filter_ts_type: String,
    /// The line in the insert type: `title: string` or `body?: string | null`.
    pub ts_new: String,
    /// For enum fields: names of its pgEnum, TS type and values constant.
    pub enumeration: Option<EnumCode>,
    /// The field gets a plain (non-unique) index: `index` or a `ref`.
    pub indexed: bool,
    /// A valid value for tests: a TypeScript expression of the row number `n` (refs: empty).
    pub example: String,
    /// A value the create schema refuses (`None` for json, which takes any value).
    pub invalid: Option<String>,
}

/// The names one enum field gives rise to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnumCode {
    /// `postStatus`: the pgEnum.
    pub pg: String,
    /// `post_status`: the database type.
    pub sql: String,
    /// `PostStatus`: the TypeScript union type.
    pub ts_type: String,
    /// `postStatusValues`: the values as a const array.
    pub values_const: String,
    /// `['draft', 'review', 'live']`
    pub values_ts: String,
    /// `'draft'`, `'review'`, `'live'`
    pub values_quoted: Vec<String>,
    /// `'draft' | 'review' | 'live'`
    pub union_ts: String,
}

pub(crate) fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// Builds the code of a field of the resource whose snake-case name is `resource_snake`.
#[must_use]
pub fn field_code(
    resource_snake: &str,
    resource_table_camel: &str,
    names: &FieldNames,
    spec: &FieldSpec,
    target: Option<&RefTarget>,
) -> FieldCode {
    let enumeration = match &spec.ty {
        FieldType::Enum { values } => {
            let base = format!("{resource_snake}_{}", names.snake);
            let quoted: Vec<String> = values.iter().map(|v| quote(v)).collect();
            Some(EnumCode {
                pg: base.to_lower_camel_case(),
                ts_type: base.to_pascal_case(),
                values_const: format!("{}Values", base.to_lower_camel_case()),
                values_ts: format!("[{}]", quoted.join(", ")),
                values_quoted: quoted.clone(),
                union_ts: quoted.join(" | "),
                sql: base,
            })
        }
        _ => None,
    };
    let (head, mut imports) = column_head(&spec.ty, &quote(&names.column), enumeration.as_ref());
    let mut calls = Vec::new();
    if !spec.optional {
        calls.push(".notNull()".to_string());
    }
    if spec.unique {
        calls.push(".unique()".to_string());
    }
    if let Some(default) = &spec.default {
        calls.push(drizzle_default(&spec.ty, default));
    }
    if let (FieldType::Ref { .. }, Some(target)) = (&spec.ty, target) {
        let table = if target.is_user {
            "users".to_string()
        } else {
            target.names.plural_camel.clone()
        };
        let on_delete = if spec.optional { "set null" } else { "cascade" };
        let annotation = if table == resource_table_camel {
            "(): AnyPgColumn"
        } else {
            "()"
        };
        if table == resource_table_camel {
            imports.push("type AnyPgColumn".to_string());
        }
        calls.push(format!(
            ".references({annotation} => {table}.id, {{ onDelete: '{on_delete}' }})"
        ));
    }
    let zod_calls = zod_input(&spec.ty, spec, enumeration.as_ref());
    let base_type = ts_type(&spec.ty, enumeration.as_ref());
    let filter_ts_type = base_type.clone();
    let ts_type = if spec.optional {
        format!("{base_type} | null")
    } else {
        base_type
    };
    let ts_new = if spec.optional || spec.default.is_some() {
        format!("{}?: {ts_type}", names.camel)
    } else {
        format!("{}: {ts_type}", names.camel)
    };
    FieldCode {
        drizzle: layout::chain(&names.camel, &head, &calls, ",", 4),
        drizzle_imports: imports,
        zod: format!("{}: {},", names.camel, zod_calls.concat()),
        zod_filter: spec.ty.is_filterable().then(|| {
            format!(
                "{}: {}.optional(),",
                names.camel,
                zod_filter(&spec.ty, spec, enumeration.as_ref())
            )
        }),
        filter_ts_type,
        ts_type,
        ts_new,
        indexed: spec.index || matches!(spec.ty, FieldType::Ref { .. }),
        example: super::examples::example(
            spec,
            &names.label,
            enumeration.as_ref().map(|e| e.values_ts.as_str()),
        ),
        invalid: super::examples::invalid(&spec.ty),
        enumeration,
    }
}

fn column_head(
    ty: &FieldType,
    column: &str,
    enumeration: Option<&EnumCode>,
) -> (String, Vec<String>) {
    let simple = |function: &str| (format!("{function}({column})"), vec![function.to_string()]);
    match ty {
        FieldType::String { max } => (
            format!("varchar({column}, {{ length: {max} }})"),
            vec!["varchar".into()],
        ),
        FieldType::Text | FieldType::Url | FieldType::Email => simple("text"),
        FieldType::Integer => simple("integer"),
        FieldType::Bigint => (
            format!("bigint({column}, {{ mode: 'number' }})"),
            vec!["bigint".into()],
        ),
        FieldType::Float => simple("doublePrecision"),
        FieldType::Decimal { precision, scale } => (
            format!("numeric({column}, {{ precision: {precision}, scale: {scale} }})"),
            vec!["numeric".into()],
        ),
        FieldType::Boolean => simple("boolean"),
        FieldType::Date => simple("date"),
        FieldType::Datetime => (
            format!("timestamp({column}, {{ withTimezone: true, precision: 3 }})"),
            vec!["timestamp".into()],
        ),
        FieldType::Uuid | FieldType::Ref { .. } => simple("uuid"),
        FieldType::Json => simple("jsonb"),
        FieldType::Enum { .. } => (
            format!("{}({column})", enumeration.map_or("", |e| e.pg.as_str())),
            vec!["pgEnum".into()],
        ),
        FieldType::Array { of } => {
            let (item, imports) = column_head(of, column, None);
            (format!("{item}.array()"), imports)
        }
    }
}

fn drizzle_default(ty: &FieldType, default: &DefaultValue) -> String {
    match default {
        DefaultValue::Text(text) => format!(".default({})", quote(text)),
        DefaultValue::Integer(n) => format!(".default({n})"),
        DefaultValue::Number(n) if matches!(ty, FieldType::Decimal { .. }) => {
            format!(".default({})", quote(n))
        }
        DefaultValue::Number(n) => format!(".default({n})"),
        DefaultValue::Boolean(b) => format!(".default({b})"),
        DefaultValue::Now => ".defaultNow()".to_string(),
        DefaultValue::Timestamp(date) => format!(".default({})", quote(date)),
        DefaultValue::RandomUuid => ".defaultRandom()".to_string(),
        DefaultValue::Json(json) => format!(".default({json})"),
    }
}

fn ts_type(ty: &FieldType, enumeration: Option<&EnumCode>) -> String {
    match ty {
        FieldType::Integer | FieldType::Bigint | FieldType::Float => "number".into(),
        FieldType::Boolean => "boolean".into(),
        FieldType::Datetime => "Date".into(),
        FieldType::Json => "unknown".into(),
        FieldType::Enum { .. } => {
            enumeration.map_or_else(|| "string".into(), |e| e.ts_type.clone())
        }
        FieldType::Array { of } => format!("{}[]", ts_type(of, None)),
        _ => "string".into(),
    }
}

fn bounds(spec: &FieldSpec) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(min) = &spec.min {
        out.push(format!(".min({min})"));
    }
    if let Some(max) = &spec.max {
        out.push(format!(".max({max})"));
    }
    out
}

/// The create schema of a field as a head and chained calls.
fn zod_input(ty: &FieldType, spec: &FieldSpec, enumeration: Option<&EnumCode>) -> Vec<String> {
    let mut calls = zod_type(ty, spec, enumeration);
    if spec.optional {
        calls.push(".nullable()".into());
    }
    if spec.optional || spec.default.is_some() {
        calls.push(".optional()".into());
    }
    calls
}

fn zod_type(ty: &FieldType, spec: &FieldSpec, enumeration: Option<&EnumCode>) -> Vec<String> {
    let with_bounds = |head: &str| {
        let mut calls = vec![head.to_string()];
        calls.extend(bounds(spec));
        calls
    };
    match ty {
        FieldType::String { max } => {
            let min = spec.min.clone().unwrap_or_else(|| {
                if spec.optional {
                    String::new()
                } else {
                    "1".into()
                }
            });
            let mut calls = vec!["z.string()".to_string()];
            if !min.is_empty() {
                calls.push(format!(".min({min})"));
            }
            calls.push(format!(".max({max})"));
            calls
        }
        FieldType::Text if spec.min.is_none() && !spec.optional => {
            let mut calls = vec!["z.string()".to_string(), ".min(1)".to_string()];
            calls.extend(bounds(spec));
            calls
        }
        FieldType::Text => with_bounds("z.string()"),
        FieldType::Email => with_bounds("z.email()"),
        FieldType::Url => with_bounds("urlSchema"),
        FieldType::Integer => with_bounds("z.int32()"),
        FieldType::Bigint => with_bounds("z.int()"),
        FieldType::Float => with_bounds("z.number()"),
        FieldType::Decimal { precision, scale } => {
            vec![format!("decimalSchema({precision}, {scale})")]
        }
        FieldType::Boolean => vec!["z.boolean()".into()],
        FieldType::Date => vec!["z.iso.date()".into()],
        FieldType::Datetime => vec!["dateTimeSchema".into()],
        FieldType::Uuid | FieldType::Ref { .. } => vec!["z.uuid()".into()],
        FieldType::Json => vec!["z.json()".into()],
        FieldType::Enum { .. } => vec![format!(
            "z.enum({})",
            enumeration.map_or("[]", |e| e.values_const.as_str())
        )],
        FieldType::Array { of } => {
            let item = FieldSpec {
                ty: (**of).clone(),
                min: None,
                max: None,
                optional: true,
                ..spec.clone()
            };
            let mut calls = vec![format!("z.array({})", zod_type(of, &item, None).concat())];
            calls.extend(bounds(spec));
            calls
        }
    }
}

fn zod_filter(ty: &FieldType, spec: &FieldSpec, enumeration: Option<&EnumCode>) -> String {
    match ty {
        FieldType::Boolean => "z.stringbool()".to_string(),
        FieldType::Integer => "z.coerce.number().pipe(z.int32())".to_string(),
        FieldType::Bigint => "z.coerce.number().pipe(z.int())".to_string(),
        FieldType::Float => "z.coerce.number()".to_string(),
        FieldType::String { max } => format!("z.string().max({max})"),
        FieldType::Enum { .. }
        | FieldType::Decimal { .. }
        | FieldType::Date
        | FieldType::Datetime
        | FieldType::Uuid
        | FieldType::Ref { .. }
        | FieldType::Email => zod_type(ty, spec, enumeration)[0].clone(),
        _ => "z.string()".to_string(),
    }
}
