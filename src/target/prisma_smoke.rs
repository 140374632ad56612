//! The rows of the generated Prisma smoke test: one per table, every column set, created parents
//! first, so that a name or type on which `schema.prisma` and the SQL disagree fails a query.

use heck::ToLowerCamelCase;
use serde::Serialize;

use crate::migrate::schema::{Column, Schema, Table};

/// One table's row in the generated smoke test: created with every column set, read back with
/// its relations, updated (when it has a free text column) and deleted.
#[derive(Debug, Clone, Serialize)]
pub struct SmokeRow {
    /// `post`: the Prisma delegate, and the prefix of the test's variables (`postRow`…).
    pub delegate: String,
    /// Every column the create sets: its key and value (a parent's id for a foreign key).
    pub data: Vec<Value>,
    /// The relations read back with it: the relation field and the parent's delegate.
    pub relations: Vec<Relation>,
    /// A text column the update sets to `'y'`; none without such a column.
    pub update: Option<String>,
}

/// A key and its value in the create's `data`.
#[derive(Debug, Clone, Serialize)]
pub struct Value {
    pub key: String,
    pub value: String,
}

/// A relation of a row to a parent created before it.
#[derive(Debug, Clone, Serialize)]
pub struct Relation {
    pub field: String,
    pub parent: String,
}

/// A value of the column's type that fits every constraint strata writes (lengths ≥ 1).
fn sample(sql_type: &str, enums: &Schema) -> String {
    if let Some(item) = sql_type.strip_suffix("[]") {
        return format!("[{}]", sample(item, enums));
    }
    if let Some(name) = sql_type.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        let first = enums
            .enums
            .get(name)
            .and_then(|values| values.first())
            .cloned()
            .unwrap_or_default();
        return format!("'{first}'");
    }
    if sql_type.starts_with("varchar(") || sql_type == "text" {
        return "'x'".into();
    }
    if sql_type.starts_with("numeric(") {
        return "'1'".into();
    }
    match sql_type {
        "uuid" => "'00000000-0000-4000-8000-000000000001'".into(),
        "integer" => "1".into(),
        "bigint" => "BigInt(1)".into(),
        "double precision" => "1.5".into(),
        "boolean" => "true".into(),
        "date" => "new Date('2024-02-29T00:00:00.000Z')".into(),
        "jsonb" => "{ key: ['value', 1, null] }".into(),
        _ => "new Date('2024-02-29T12:34:56.789Z')".into(),
    }
}

/// Tables in an order where each comes after the tables its required foreign keys point to.
fn creation_order(schema: &Schema) -> Vec<(&String, &Table)> {
    let mut done: Vec<&String> = Vec::new();
    let mut order = Vec::new();
    while order.len() < schema.tables.len() {
        let before = order.len();
        for (name, table) in &schema.tables {
            let ready = table.foreign_keys.iter().all(|key| {
                let required = table
                    .columns
                    .iter()
                    .any(|c| c.name == key.column && c.not_null);
                !required || &key.references_table == name || done.contains(&&key.references_table)
            });
            if !done.contains(&name) && ready {
                done.push(name);
                order.push((name, table));
            }
        }
        if order.len() == before {
            // A cycle of required references: no row of it can be inserted, by Prisma or SQL.
            break;
        }
    }
    order
}

fn is_generated(column: &Column) -> bool {
    matches!(column.name.as_str(), "id" | "created_at" | "updated_at")
}

/// The smoke test's rows for `schema`, in creation order.
#[must_use]
pub fn rows(schema: &Schema, models: &std::collections::BTreeMap<String, String>) -> Vec<SmokeRow> {
    let order = creation_order(schema);
    let created: Vec<&String> = order.iter().map(|(name, _)| *name).collect();
    let mut rows = Vec::new();
    for (position, (name, table)) in order.iter().enumerate() {
        let delegate = models[*name].to_lower_camel_case();
        let mut data = Vec::new();
        let mut relations = Vec::new();
        for column in table.columns.iter().filter(|c| !is_generated(c)) {
            let key = column.name.to_lower_camel_case();
            if let Some(fk) = table.foreign_keys.iter().find(|k| k.column == column.name) {
                let parent = &fk.references_table;
                if created[..position].contains(&parent) {
                    let parent_var = models[parent].to_lower_camel_case();
                    data.push(Value {
                        key,
                        value: format!("{parent_var}Row.id"),
                    });
                    let field = super::prisma_schema::relation_field_of(table, column);
                    relations.push(Relation {
                        field,
                        parent: parent_var,
                    });
                }
                continue;
            }
            let value = sample(&column.sql_type, schema);
            data.push(Value { key, value });
        }
        let update = table
            .columns
            .iter()
            .find(|c| {
                !is_generated(c)
                    && !c.unique
                    && (c.sql_type.starts_with("varchar(") || c.sql_type == "text")
                    && !table.foreign_keys.iter().any(|k| k.column == c.name)
            })
            .map(|c| c.name.to_lower_camel_case());
        rows.push(SmokeRow {
            delegate,
            data,
            relations,
            update,
        });
    }
    rows
}
