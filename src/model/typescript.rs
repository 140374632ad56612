//! The TypeScript each field becomes: its Drizzle column, its Zod schemas, and its enum type.

use serde::Serialize;

use super::field_type::{DefaultValue, FieldType};
use super::{FieldNames, FieldSpec, RefTarget};

/// Code fragments for one field, ready for the templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldCode {
    /// `varchar('title', { length: 200 }).notNull()`
    pub drizzle: String,
    /// The Drizzle builder functions the column needs, for the import line.
    pub drizzle_imports: Vec<String>,
    /// `z.string().min(1).max(200)` (with `.optional()` when the field may be omitted on create).
    pub zod: String,
    /// The query-string filter schema, for filterable fields.
    pub zod_filter: Option<String>,
    /// For enum fields: `postStatus`, the pgEnum's TypeScript name.
    pub enum_ts: Option<String>,
    /// For enum fields: `post_status`, the database type's name.
    pub enum_sql: Option<String>,
    /// For enum fields: `['draft', 'review', 'live']`.
    pub enum_values_ts: Option<String>,
    /// The field gets a plain (non-unique) index: `index` or a `ref`.
    pub indexed: bool,
    /// A valid value for tests: a TypeScript expression of the row number `n` (refs use the
    /// variable `<camel>` holding the target's id).
    pub example: String,
    /// A value the create schema refuses, for validation tests (`None` for json, which takes any).
    pub invalid: Option<String>,
}

fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// Builds the code of a field of resource `resource_camel`/`resource_snake`.
#[must_use]
pub fn field_code(
    resource_camel: &str,
    resource_snake: &str,
    names: &FieldNames,
    spec: &FieldSpec,
    target: Option<&RefTarget>,
) -> FieldCode {
    let column = quote(&names.column);
    let (builder, mut imports) = column_builder(&spec.ty, &column, resource_camel, names);
    let mut drizzle = builder;
    if !spec.optional {
        drizzle.push_str(".notNull()");
    }
    if spec.unique {
        drizzle.push_str(".unique()");
    }
    if let Some(default) = &spec.default {
        drizzle.push_str(&drizzle_default(&spec.ty, default));
    }
    if let (FieldType::Ref { .. }, Some(target)) = (&spec.ty, target) {
        let table = if target.is_user {
            "users".to_string()
        } else {
            target.names.plural_camel.clone()
        };
        let on_delete = if spec.optional { "set null" } else { "cascade" };
        drizzle.push_str(&format!(
            ".references(() => {table}.id, {{ onDelete: '{on_delete}' }})"
        ));
    }
    imports.sort();
    imports.dedup();
    let enum_values = match &spec.ty {
        FieldType::Enum { values } => Some(format!(
            "[{}]",
            values
                .iter()
                .map(|v| quote(v))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        _ => None,
    };
    let is_enum = enum_values.is_some();
    let mut zod = zod_input(&spec.ty, spec, enum_values.as_deref());
    if spec.optional {
        zod.push_str(".nullable()");
    }
    if spec.optional || spec.default.is_some() {
        zod.push_str(".optional()");
    }
    FieldCode {
        drizzle,
        drizzle_imports: imports,
        zod_filter: spec
            .ty
            .is_filterable()
            .then(|| zod_filter(&spec.ty, enum_values.as_deref())),
        zod,
        enum_ts: is_enum.then(|| format!("{resource_camel}{}", heck::AsPascalCase(&names.snake))),
        enum_sql: is_enum.then(|| format!("{resource_snake}_{}", names.snake)),
        indexed: spec.index || matches!(spec.ty, FieldType::Ref { .. }),
        example: super::examples::example(spec, &names.label, enum_values.as_deref()),
        enum_values_ts: enum_values,
        invalid: super::examples::invalid(&spec.ty),
    }
}

fn column_builder(
    ty: &FieldType,
    column: &str,
    resource_camel: &str,
    names: &FieldNames,
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
            format!("timestamp({column}, {{ withTimezone: true }})"),
            vec!["timestamp".into()],
        ),
        FieldType::Uuid | FieldType::Ref { .. } => simple("uuid"),
        FieldType::Json => simple("jsonb"),
        FieldType::Enum { .. } => (
            format!(
                "{resource_camel}{}({column})",
                heck::AsPascalCase(&names.snake)
            ),
            vec!["pgEnum".into()],
        ),
        FieldType::Array { of } => {
            let (item, imports) = column_builder(of, column, resource_camel, names);
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

fn bounds(spec: &FieldSpec) -> String {
    let mut out = String::new();
    if let Some(min) = &spec.min {
        out.push_str(&format!(".min({min})"));
    }
    if let Some(max) = &spec.max {
        out.push_str(&format!(".max({max})"));
    }
    out
}

fn zod_input(ty: &FieldType, spec: &FieldSpec, enum_values: Option<&str>) -> String {
    let required_text = if spec.min.is_none() && !spec.optional {
        ".min(1)"
    } else {
        ""
    };
    match ty {
        FieldType::String { max } => {
            let min = spec
                .min
                .as_ref()
                .map_or(required_text.to_string(), |m| format!(".min({m})"));
            format!("z.string(){min}.max({max})")
        }
        FieldType::Text => format!("z.string(){required_text}{}", bounds(spec)),
        FieldType::Email => format!("z.email(){}", bounds(spec)),
        FieldType::Url => format!("z.url({{ protocol: /^https?$/ }}){}", bounds(spec)),
        FieldType::Integer => format!("z.int32(){}", bounds(spec)),
        FieldType::Bigint => format!("z.int(){}", bounds(spec)),
        FieldType::Float => format!("z.number(){}", bounds(spec)),
        FieldType::Decimal { precision, scale } => format!("decimal({precision}, {scale})"),
        FieldType::Boolean => "z.boolean()".to_string(),
        FieldType::Date => "z.iso.date()".to_string(),
        FieldType::Datetime => {
            "z.iso.datetime({ offset: true }).transform((value) => new Date(value))".to_string()
        }
        FieldType::Uuid | FieldType::Ref { .. } => "z.uuid()".to_string(),
        FieldType::Json => "z.json()".to_string(),
        FieldType::Enum { .. } => format!("z.enum({})", enum_values.unwrap_or("[]")),
        FieldType::Array { of } => {
            let item = FieldSpec {
                ty: (**of).clone(),
                min: None,
                max: None,
                optional: true,
                ..spec.clone()
            };
            format!("z.array({}){}", zod_input(of, &item, None), bounds(spec))
        }
    }
}

fn zod_filter(ty: &FieldType, enum_values: Option<&str>) -> String {
    let schema = match ty {
        FieldType::Boolean => "z.stringbool()".to_string(),
        FieldType::Integer => "z.coerce.number().pipe(z.int32())".to_string(),
        FieldType::Bigint => "z.coerce.number().pipe(z.int())".to_string(),
        FieldType::Float => "z.coerce.number()".to_string(),
        FieldType::Decimal { precision, scale } => format!("decimal({precision}, {scale})"),
        FieldType::Date => "z.iso.date()".to_string(),
        FieldType::Datetime => {
            "z.iso.datetime({ offset: true }).transform((value) => new Date(value))".to_string()
        }
        FieldType::Uuid | FieldType::Ref { .. } => "z.uuid()".to_string(),
        FieldType::Email => "z.email()".to_string(),
        FieldType::Enum { .. } => format!("z.enum({})", enum_values.unwrap_or("[]")),
        _ => "z.string()".to_string(),
    };
    format!("{schema}.optional()")
}
