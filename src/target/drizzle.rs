//! What a resource's Drizzle table needs beyond the model: each column's builder expression, the
//! builders and tables it imports, and its indexes.

use serde::Serialize;

use super::typescript::quote;
use crate::model::EnumNames;
use crate::model::field_type::DefaultValue;
use crate::model::names::sql_identifier;
use crate::model::{Field, FieldType, Resource};

/// The Drizzle side of one resource's table.
#[derive(Debug, Clone, Serialize)]
pub struct DrizzleTable {
    /// What it imports from `drizzle-orm/pg-core`, sorted: `boolean`, `index`, `pgTable`…
    pub builders: Vec<String>,
    /// The tables its references point to, and their modules: (`users`, `./user`).
    pub references: Vec<TableImport>,
    /// Its columns after `id` and `userId`: the key and the builder expression
    /// (`varchar('title', { length: 200 }).notNull()`).
    pub columns: Vec<Column>,
    /// `index('posts_user_id_idx').on(table.userId)`
    pub indexes: Vec<String>,
}

/// A table another module defines.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct TableImport {
    pub table: String,
    pub module: String,
}

/// A column of `pgTable`.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub key: String,
    pub expression: String,
}

/// The Drizzle table of `resource`.
#[must_use]
pub fn table(resource: &Resource) -> DrizzleTable {
    let names = &resource.names;
    let mut builders: Vec<String> = ["index", "pgTable", "timestamp", "uuid"]
        .map(String::from)
        .to_vec();
    let mut references = Vec::new();
    let mut indexes = Vec::new();
    if resource.owned {
        references.push(TableImport {
            table: "users".into(),
            module: "./user".into(),
        });
        indexes.push(index(&names.table, "user_id", "userId"));
    }
    let mut columns = Vec::new();
    for field in &resource.fields {
        let (expression, imports) = column(field, &names.plural_camel);
        builders.extend(imports);
        columns.push(Column {
            key: field.names.camel.clone(),
            expression,
        });
        if let Some(target) = &field.target {
            let import = referenced_table(target);
            if import.table != names.plural_camel && !references.contains(&import) {
                references.push(import);
            }
        }
        if field.indexed() {
            indexes.push(index(&names.table, &field.names.column, &field.names.camel));
        }
    }
    indexes.push(index(&names.table, "created_at", "createdAt"));
    builders.sort_by_key(|b| b.trim_start_matches("type ").to_lowercase());
    builders.dedup();
    references.sort();
    DrizzleTable {
        builders,
        references,
        columns,
        indexes,
    }
}

fn referenced_table(target: &crate::model::RefTarget) -> TableImport {
    if target.is_user {
        TableImport {
            table: "users".into(),
            module: "./user".into(),
        }
    } else {
        TableImport {
            table: target.names.plural_camel.clone(),
            module: format!("./{}", target.names.kebab),
        }
    }
}

fn index(table: &str, column: &str, key: &str) -> String {
    let name = sql_identifier(format!("{table}_{column}_idx"));
    format!("index('{name}').on(table.{key})")
}

/// A field's column builder expression, and the builders it imports.
fn column(field: &Field, own_table: &str) -> (String, Vec<String>) {
    let spec = &field.spec;
    let enumeration = field.enumeration.as_ref();
    let (head, mut imports) = column_head(&spec.ty, &quote(&field.names.column), enumeration);
    let mut calls = Vec::new();
    if !spec.optional {
        calls.push(".notNull()".to_string());
    }
    if spec.unique {
        calls.push(".unique()".to_string());
    }
    if let Some(default) = &spec.default {
        calls.push(default_call(&spec.ty, default));
    }
    if let (FieldType::Ref { .. }, Some(target)) = (&spec.ty, &field.target) {
        let table = referenced_table(target).table;
        let on_delete = if spec.optional { "set null" } else { "cascade" };
        // A table that refers to itself needs its column's type spelled out.
        let annotation = if table == own_table {
            imports.push("type AnyPgColumn".to_string());
            "(): AnyPgColumn"
        } else {
            "()"
        };
        calls.push(format!(
            ".references({annotation} => {table}.id, {{ onDelete: '{on_delete}' }})"
        ));
    }
    (format!("{head}{}", calls.concat()), imports)
}

fn column_head(
    ty: &FieldType,
    column: &str,
    enumeration: Option<&EnumNames>,
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

fn default_call(ty: &FieldType, default: &DefaultValue) -> String {
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
