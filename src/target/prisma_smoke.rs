//! The rows of the generated Prisma smoke test: one per table, every column set, created parents
//! first, so that a name or type on which `schema.prisma` and the SQL disagree fails a query.

use heck::ToLowerCamelCase;
use serde::Serialize;

use crate::migrate::schema::{Column, Schema, Table};
use crate::model::layout::wrap;
use crate::model::object_layout::{Entry, call_with_object, object_call};

/// One table's row in the smoke test: its statements, laid out at four spaces.
#[derive(Debug, Clone, Serialize)]
pub struct SmokeRow {
    /// `const postRow = await db.post.create({ data: { … } })`: every column set (its parents'
    /// ids included).
    pub create: String,
    /// `const postRead = await db.post.findUniqueOrThrow({ … })`, with its relations.
    pub read: String,
    /// That the row read back is the row created, and each relation holds its parent.
    pub read_checks: Vec<String>,
    /// An update of a text column to `'y'`, and its check; none without such a column.
    pub update: Option<[String; 2]>,
    /// The delete (children before parents) and its check.
    pub delete: [String; 2],
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

/// The statements of one row's round trip through Prisma, given its columns and its relations
/// (relation field, parent's variable).
fn smoke_row(
    delegate: &str,
    data: Vec<Entry>,
    relations: &[(String, String)],
    update: Option<String>,
) -> SmokeRow {
    const INDENT: usize = 4;
    let row = format!("{delegate}Row");
    let read = format!("{delegate}Read");
    let where_row = || {
        Entry::Object(
            "where".into(),
            vec![Entry::property("id", format!("{row}.id"))],
        )
    };
    let mut read_entries = vec![where_row()];
    if !relations.is_empty() {
        let includes = relations
            .iter()
            .map(|(field, _)| Entry::property(field, "true"));
        read_entries.push(Entry::Object("include".into(), includes.collect()));
    }
    let mut read_checks = vec![wrap(
        &format!("expect({read}).toMatchObject("),
        std::slice::from_ref(&row),
        ")",
        INDENT,
        false,
    )];
    if !relations.is_empty() {
        let parents: Vec<Entry> = relations
            .iter()
            .map(|(field, parent)| {
                Entry::Object(
                    field.clone(),
                    vec![Entry::property("id", format!("{parent}Row.id"))],
                )
            })
            .collect();
        read_checks.push(call_with_object(
            &format!("expect({read}).toMatchObject"),
            &parents,
            "",
            INDENT,
        ));
    }
    let update = update.map(|column| {
        let changed = format!("{delegate}Update");
        let data = Entry::Object("data".into(), vec![Entry::property(&column, "'y'")]);
        [
            object_call(
                &format!("const {changed} ="),
                &format!("await db.{delegate}.update"),
                &[where_row(), data],
                "",
                INDENT,
            ),
            call_with_object(
                &format!("expect({changed}).toMatchObject"),
                &[Entry::property(&column, "'y'")],
                "",
                INDENT,
            ),
        ]
    });
    let deleted = format!("{delegate}Deleted");
    SmokeRow {
        create: object_call(
            &format!("const {row} ="),
            &format!("await db.{delegate}.create"),
            &[Entry::Object("data".into(), data)],
            "",
            INDENT,
        ),
        read: object_call(
            &format!("const {read} ="),
            &format!("await db.{delegate}.findUniqueOrThrow"),
            &read_entries,
            "",
            INDENT,
        ),
        read_checks,
        update,
        delete: [
            object_call(
                &format!("const {deleted} ="),
                &format!("await db.{delegate}.deleteMany"),
                &[where_row()],
                "",
                INDENT,
            ),
            format!("expect({deleted}.count).toBe(1)"),
        ],
    }
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
                    data.push(Entry::property(&key, format!("{parent_var}Row.id")));
                    let field = super::prisma_schema::relation_field_of(table, column);
                    relations.push((field, parent_var));
                }
                continue;
            }
            data.push(Entry::property(&key, sample(&column.sql_type, schema)));
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
        rows.push(smoke_row(&delegate, data, &relations, update));
    }
    rows
}
