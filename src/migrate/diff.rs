//! The difference between two schemas, as ordered SQL steps with the destructive ones flagged.

use serde::Serialize;

use super::schema::{Column, Schema, Table};
use super::sql;

/// One statement of a migration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub sql: String,
    /// What it does, in words, for the plan output.
    pub summary: String,
    /// It can lose data (drop, type change) and needs `--allow-destructive`.
    pub destructive: bool,
    /// It fails on a table with rows (a required column without a default), unless the table is empty.
    pub needs_empty_table: bool,
}

pub(super) fn step(sql: String, summary: String) -> Step {
    Step {
        sql,
        summary,
        destructive: false,
        needs_empty_table: false,
    }
}

fn destructive(sql: String, summary: String) -> Step {
    Step {
        sql,
        summary,
        destructive: true,
        needs_empty_table: false,
    }
}

/// The steps that take a database from `old` to `new`.
#[must_use]
pub fn diff(old: &Schema, new: &Schema) -> Vec<Step> {
    let mut steps = Vec::new();
    for (name, values) in &new.enums {
        match old.enums.get(name) {
            None => steps.push(step(
                sql::create_enum(name, values),
                format!("create enum {name}"),
            )),
            Some(before) => {
                for value in values.iter().filter(|v| !before.contains(v)) {
                    steps.push(step(
                        format!("ALTER TYPE \"public\".\"{name}\" ADD VALUE '{value}';"),
                        format!("add value {value} to enum {name}"),
                    ));
                }
                if before.iter().any(|v| !values.contains(v)) {
                    recreate_enum(name, values, new, &mut steps);
                }
            }
        }
    }
    let created: Vec<&String> = new
        .tables
        .keys()
        .filter(|name| !old.tables.contains_key(*name))
        .collect();
    for name in &created {
        steps.push(step(
            sql::create_table(name, &new.tables[*name]),
            format!("create table {name}"),
        ));
    }
    for (name, table) in &new.tables {
        if let Some(before) = old.tables.get(name) {
            alter_table(name, before, table, &mut steps);
        }
    }
    for name in &created {
        let table = &new.tables[*name];
        for fk in &table.foreign_keys {
            steps.push(step(
                sql::add_foreign_key(name, fk),
                format!("add foreign key {}", fk.name),
            ));
        }
        for index in &table.indexes {
            steps.push(step(
                sql::create_index(name, index),
                format!("create index {}", index.name),
            ));
        }
    }
    for name in old
        .tables
        .keys()
        .filter(|name| !new.tables.contains_key(*name))
    {
        steps.push(destructive(
            format!("DROP TABLE \"{name}\" CASCADE;"),
            format!("drop table {name}"),
        ));
    }
    for name in old
        .enums
        .keys()
        .filter(|name| !new.enums.contains_key(*name))
    {
        steps.push(destructive(
            format!("DROP TYPE \"public\".\"{name}\";"),
            format!("drop enum {name}"),
        ));
    }
    steps
}

/// PostgreSQL cannot drop an enum value: the columns go through text while the type is rebuilt.
fn recreate_enum(name: &str, values: &[String], schema: &Schema, steps: &mut Vec<Step>) {
    let column_type = format!("\"{name}\"");
    let enum_type = format!("\"public\".\"{name}\"");
    let users: Vec<(&String, &Column)> = schema
        .tables
        .iter()
        .flat_map(|(table, t)| {
            t.columns
                .iter()
                .filter(|c| c.sql_type == column_type)
                .map(move |c| (table, c))
        })
        .collect();
    let mut sql = Vec::new();
    for (table, column) in &users {
        sql.push(format!(
            "ALTER TABLE \"{table}\" ALTER COLUMN \"{}\" SET DATA TYPE text;",
            column.name
        ));
        if column.default.is_some() {
            sql.push(format!(
                "ALTER TABLE \"{table}\" ALTER COLUMN \"{}\" DROP DEFAULT;",
                column.name
            ));
        }
    }
    sql.push(format!("DROP TYPE {enum_type};"));
    sql.push(sql::create_enum(name, values));
    for (table, column) in &users {
        sql.push(format!("ALTER TABLE \"{table}\" ALTER COLUMN \"{0}\" SET DATA TYPE {enum_type} USING \"{0}\"::{enum_type};", column.name));
        if let Some(default) = &column.default {
            sql.push(format!(
                "ALTER TABLE \"{table}\" ALTER COLUMN \"{}\" SET DEFAULT {default};",
                column.name
            ));
        }
    }
    for statement in sql {
        steps.push(destructive(
            statement,
            format!("rebuild enum {name} without its removed values"),
        ));
    }
}

fn alter_table(name: &str, old: &Table, new: &Table, steps: &mut Vec<Step>) {
    let find =
        |table: &Table, column: &str| table.columns.iter().find(|c| c.name == column).cloned();
    for column in &new.columns {
        match find(old, &column.name) {
            None => {
                let mut added = step(
                    format!(
                        "ALTER TABLE \"{name}\" ADD COLUMN {};",
                        sql::column_definition(column)
                    ),
                    format!("add column {name}.{}", column.name),
                );
                added.needs_empty_table = column.not_null && column.default.is_none();
                steps.push(added);
                if column.unique {
                    steps.push(step(
                        format!(
                            "ALTER TABLE \"{name}\" ADD CONSTRAINT \"{}\" UNIQUE(\"{}\");",
                            sql::unique_name(name, &column.name),
                            column.name
                        ),
                        format!("make {name}.{} unique", column.name),
                    ));
                }
            }
            Some(before) => alter_column(name, &before, column, steps),
        }
    }
    for fk in old
        .foreign_keys
        .iter()
        .filter(|fk| !new.foreign_keys.contains(fk))
    {
        steps.push(step(
            format!("ALTER TABLE \"{name}\" DROP CONSTRAINT \"{}\";", fk.name),
            format!("drop foreign key {}", fk.name),
        ));
    }
    for index in old.indexes.iter().filter(|i| !new.indexes.contains(i)) {
        steps.push(step(
            format!("DROP INDEX \"{}\";", index.name),
            format!("drop index {}", index.name),
        ));
    }
    for column in old.columns.iter().filter(|c| find(new, &c.name).is_none()) {
        steps.push(destructive(
            format!("ALTER TABLE \"{name}\" DROP COLUMN \"{}\";", column.name),
            format!("drop column {name}.{}", column.name),
        ));
    }
    for fk in new
        .foreign_keys
        .iter()
        .filter(|fk| !old.foreign_keys.contains(fk))
    {
        steps.push(step(
            sql::add_foreign_key(name, fk),
            format!("add foreign key {}", fk.name),
        ));
    }
    for index in new.indexes.iter().filter(|i| !old.indexes.contains(i)) {
        steps.push(step(
            sql::create_index(name, index),
            format!("create index {}", index.name),
        ));
    }
}

/// Whether every value of type `old` fits `new` unchanged (a longer varchar, or text).
fn widens(old: &str, new: &str) -> bool {
    let length = |t: &str| {
        t.strip_prefix("varchar(")
            .and_then(|r| r.strip_suffix(')'))
            .and_then(|n| n.parse::<u32>().ok())
    };
    match (length(old), length(new)) {
        (Some(before), Some(after)) => after >= before,
        (Some(_), None) => new == "text",
        _ => false,
    }
}

fn alter_column(table: &str, old: &Column, new: &Column, steps: &mut Vec<Step>) {
    let column = &new.name;
    let alter = format!("ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\"");
    if old.sql_type != new.sql_type {
        let summary = format!(
            "change type of {table}.{column} from {} to {}",
            old.sql_type, new.sql_type
        );
        if widens(&old.sql_type, &new.sql_type) {
            steps.push(step(
                format!("{alter} SET DATA TYPE {};", new.sql_type),
                summary,
            ));
        } else {
            steps.push(destructive(
                format!(
                    "{alter} SET DATA TYPE {} USING \"{column}\"::{};",
                    new.sql_type, new.sql_type
                ),
                summary,
            ));
        }
    }
    if old.default != new.default {
        match &new.default {
            Some(default) => steps.push(step(
                format!("{alter} SET DEFAULT {default};"),
                format!("set default of {table}.{column}"),
            )),
            None => steps.push(step(
                format!("{alter} DROP DEFAULT;"),
                format!("drop default of {table}.{column}"),
            )),
        }
    }
    if old.not_null != new.not_null {
        if new.not_null {
            let mut required = step(
                format!("{alter} SET NOT NULL;"),
                format!("make {table}.{column} required"),
            );
            required.needs_empty_table = new.default.is_none();
            steps.push(required);
        } else {
            steps.push(step(
                format!("{alter} DROP NOT NULL;"),
                format!("make {table}.{column} optional"),
            ));
        }
    }
    if old.unique != new.unique {
        let constraint = sql::unique_name(table, column);
        if new.unique {
            steps.push(step(
                format!(
                    "ALTER TABLE \"{table}\" ADD CONSTRAINT \"{constraint}\" UNIQUE(\"{column}\");"
                ),
                format!("make {table}.{column} unique"),
            ));
        } else {
            steps.push(step(
                format!("ALTER TABLE \"{table}\" DROP CONSTRAINT \"{constraint}\";"),
                format!("drop unique on {table}.{column}"),
            ));
        }
    }
}
