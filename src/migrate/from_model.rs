//! The schema an app model describes: the auth tables plus one table per resource.

use super::schema::{Column, Schema, Table};
use crate::model::{App, DefaultValue, Field, FieldType, Resource};

/// `timestamp (3) with time zone`: millisecond precision, as JavaScript dates carry.
pub const TIMESTAMP: &str = "timestamp (3) with time zone";

/// The full database schema of `app`.
#[must_use]
pub fn schema_of(app: &App) -> Schema {
    let mut schema = Schema::default();
    if app.auth.enabled {
        super::auth_tables::add(&mut schema, &app.auth);
    }
    for resource in &app.resources {
        add_resource(&mut schema, resource);
    }
    schema
}

pub(super) fn timestamps() -> [Column; 2] {
    [
        Column::new("created_at", TIMESTAMP)
            .not_null()
            .default("now()"),
        Column::new("updated_at", TIMESTAMP)
            .not_null()
            .default("now()"),
    ]
}

pub(super) fn id_column() -> Column {
    Column::new("id", "uuid")
        .primary_key()
        .default("gen_random_uuid()")
}

fn add_resource(schema: &mut Schema, resource: &Resource) {
    let name = &resource.names.table;
    let mut table = Table::default();
    table.columns.push(id_column());
    if resource.owned {
        table
            .columns
            .push(Column::new("user_id", "uuid").not_null());
        table.foreign_key(name, "user_id", "users", "cascade");
        table.index(name, "user_id", false);
    }
    for field in &resource.fields {
        if let (FieldType::Enum { values }, Some(enumeration)) =
            (&field.spec.ty, &field.enumeration)
        {
            schema.enums.insert(enumeration.sql.clone(), values.clone());
        }
        table.columns.push(column_of(field));
        if let Some(target) = &field.target {
            let target_table = if target.is_user {
                "users"
            } else {
                target.names.table.as_str()
            };
            let on_delete = if field.spec.optional {
                "set null"
            } else {
                "cascade"
            };
            table.foreign_key(name, &field.names.column, target_table, on_delete);
        }
        if field.indexed() {
            table.index(name, &field.names.column, false);
        }
    }
    table.columns.extend(timestamps());
    table.index(name, "created_at", false);
    schema.tables.insert(name.clone(), table);
}

fn column_of(field: &Field) -> Column {
    let enum_name = field.enumeration.as_ref().map(|e| e.sql.as_str());
    let mut column = Column::new(&field.names.column, &sql_type(&field.spec.ty, enum_name));
    column.not_null = !field.spec.optional;
    column.unique = field.spec.unique;
    column.default = field
        .spec
        .default
        .as_ref()
        .map(|d| sql_default(&field.spec.ty, d));
    column
}

/// The column type as drizzle-kit writes it.
#[must_use]
pub fn sql_type(ty: &FieldType, enum_name: Option<&str>) -> String {
    match ty {
        FieldType::String { max } => format!("varchar({max})"),
        FieldType::Text | FieldType::Email | FieldType::Url => "text".into(),
        FieldType::Integer => "integer".into(),
        FieldType::Bigint => "bigint".into(),
        FieldType::Float => "double precision".into(),
        FieldType::Decimal { precision, scale } => format!("numeric({precision}, {scale})"),
        FieldType::Boolean => "boolean".into(),
        FieldType::Date => "date".into(),
        FieldType::Datetime => TIMESTAMP.into(),
        FieldType::Uuid | FieldType::Ref { .. } => "uuid".into(),
        FieldType::Json => "jsonb".into(),
        FieldType::Enum { .. } => format!("\"{}\"", enum_name.unwrap_or_default()),
        FieldType::Array { of } => format!("{}[]", sql_type(of, None)),
    }
}

fn sql_default(ty: &FieldType, default: &DefaultValue) -> String {
    let quote = |text: &str| format!("'{}'", text.replace('\'', "''"));
    match default {
        DefaultValue::Text(text) => quote(text),
        DefaultValue::Integer(n) => n.to_string(),
        DefaultValue::Number(n) if matches!(ty, FieldType::Decimal { .. }) => quote(n),
        DefaultValue::Number(n) => n.clone(),
        DefaultValue::Boolean(b) => b.to_string(),
        DefaultValue::Now => "now()".into(),
        DefaultValue::Timestamp(date) => quote(date),
        DefaultValue::RandomUuid => "gen_random_uuid()".into(),
        DefaultValue::Json(json) => format!("{}::jsonb", quote(json)),
    }
}
