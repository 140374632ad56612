//! drizzle-kit's snapshot of the schema after each migration (`drizzle/meta/NNNN_snapshot.json`),
//! so that `drizzle-kit generate` run in the app afterwards finds nothing to do.

use serde_json::{Map, Value, json};

use super::schema::{Column, Schema, Table};
use crate::hash::sha256;

/// The snapshot's path for a migration tag (`0001_add_posts` → `drizzle/meta/0001_snapshot.json`).
#[must_use]
pub fn path(tag: &str) -> String {
    let number = tag.split('_').next().unwrap_or(tag);
    format!("{}/meta/{number}_snapshot.json", super::FOLDER)
}

/// A UUID derived from the tag, so that snapshots are the same bytes on every run.
#[must_use]
pub fn id(tag: &str) -> String {
    let hex = sha256(tag);
    let variant = ["8", "9", "a", "b"][usize::from(hex.as_bytes()[16] % 4)];
    format!(
        "{}-{}-4{}-{variant}{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// The id drizzle-kit gives the (absent) snapshot before the first.
pub const NO_PREVIOUS: &str = "00000000-0000-0000-0000-000000000000";

/// The snapshot document of `schema`, chained to the previous snapshot's id.
#[must_use]
pub fn document(schema: &Schema, id: &str, previous: &str) -> String {
    let tables: Map<String, Value> = schema
        .tables
        .iter()
        .map(|(name, table)| (format!("public.{name}"), table_json(name, table)))
        .collect();
    let enums: Map<String, Value> = schema
        .enums
        .iter()
        .map(|(name, values)| {
            (
                format!("public.{name}"),
                json!({ "name": name, "schema": "public", "values": values }),
            )
        })
        .collect();
    let document = json!({
        "id": id,
        "prevId": previous,
        "version": "7",
        "dialect": "postgresql",
        "tables": tables,
        "enums": enums,
        "schemas": {},
        "sequences": {},
        "roles": {},
        "policies": {},
        "views": {},
        "_meta": { "columns": {}, "schemas": {}, "tables": {} }
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn table_json(name: &str, table: &Table) -> Value {
    let columns: Map<String, Value> = table
        .columns
        .iter()
        .map(|c| (c.name.clone(), column_json(c)))
        .collect();
    let indexes: Map<String, Value> = table
        .indexes
        .iter()
        .map(|index| {
            let columns: Vec<Value> = index.columns.iter().map(|c| json!({ "expression": c, "isExpression": false, "asc": true, "nulls": "last" })).collect();
            let entry = json!({ "name": index.name, "columns": columns, "isUnique": index.unique, "concurrently": false, "method": "btree", "with": {} });
            (index.name.clone(), entry)
        })
        .collect();
    let foreign_keys: Map<String, Value> = table
        .foreign_keys
        .iter()
        .map(|fk| {
            let entry = json!({
                "name": fk.name, "tableFrom": name, "tableTo": fk.references_table,
                "columnsFrom": [fk.column], "columnsTo": [fk.references_column],
                "onDelete": fk.on_delete, "onUpdate": "no action"
            });
            (fk.name.clone(), entry)
        })
        .collect();
    let unique: Map<String, Value> = table
        .columns
        .iter()
        .filter(|c| c.unique)
        .map(|c| {
            let constraint = super::sql::unique_name(name, &c.name);
            (
                constraint.clone(),
                json!({ "name": constraint, "nullsNotDistinct": false, "columns": [c.name] }),
            )
        })
        .collect();
    json!({
        "name": name,
        "schema": "",
        "columns": columns,
        "indexes": indexes,
        "foreignKeys": foreign_keys,
        "compositePrimaryKeys": {},
        "uniqueConstraints": unique,
        "policies": {},
        "checkConstraints": {},
        "isRLSEnabled": false
    })
}

fn column_json(column: &Column) -> Value {
    let mut entry = Map::new();
    entry.insert("name".into(), json!(column.name));
    match column
        .sql_type
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
    {
        Some(enum_name) => {
            entry.insert("type".into(), json!(enum_name));
            entry.insert("typeSchema".into(), json!("public"));
        }
        None => {
            entry.insert("type".into(), json!(column.sql_type));
        }
    }
    entry.insert("primaryKey".into(), json!(column.primary_key));
    entry.insert("notNull".into(), json!(column.not_null));
    if let Some(default) = &column.default {
        entry.insert("default".into(), default_json(default));
    }
    Value::Object(entry)
}

/// drizzle-kit keeps boolean and number defaults as JSON values, the rest as SQL text.
fn default_json(sql: &str) -> Value {
    match sql {
        "true" => json!(true),
        "false" => json!(false),
        _ => match sql.parse::<i64>() {
            Ok(n) => json!(n),
            Err(_) => sql
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map_or_else(|| json!(sql), |f| json!(f)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_uuids() {
        let id = id("0000_init");
        assert_eq!(id, super::id("0000_init"));
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert_ne!(id, super::id("0001_next"));
        assert_eq!(
            path("0001_add_column_posts_views"),
            "drizzle/meta/0001_snapshot.json"
        );
    }

    #[test]
    fn defaults_keep_drizzle_kits_types() {
        assert_eq!(default_json("false"), json!(false));
        assert_eq!(default_json("0"), json!(0));
        assert_eq!(default_json("0.5"), json!(0.5));
        assert_eq!(default_json("'draft'"), json!("'draft'"));
        assert_eq!(default_json("now()"), json!("now()"));
    }
}
