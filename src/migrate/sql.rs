//! SQL statements in drizzle-kit's spelling, so strata's migrations read like drizzle-kit's.

use super::schema::{Column, ForeignKey, Index, Table};

pub(super) fn column_definition(column: &Column) -> String {
    let mut sql = format!("\"{}\" {}", column.name, column.sql_type);
    if column.primary_key {
        sql.push_str(" PRIMARY KEY");
    }
    if let Some(default) = &column.default {
        sql.push_str(&format!(" DEFAULT {default}"));
    }
    if column.not_null {
        sql.push_str(" NOT NULL");
    }
    sql
}

/// The name of a column's UNIQUE constraint, as drizzle-kit names it.
pub fn unique_name(table: &str, column: &str) -> String {
    crate::model::names::sql_identifier(format!("{table}_{column}_unique"))
}

pub(super) fn create_enum(name: &str, values: &[String]) -> String {
    let values: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
    format!(
        "CREATE TYPE \"public\".\"{name}\" AS ENUM({});",
        values.join(", ")
    )
}

pub(super) fn create_table(name: &str, table: &Table) -> String {
    let mut lines: Vec<String> = table
        .columns
        .iter()
        .map(|c| format!("\t{}", column_definition(c)))
        .collect();
    for column in table.columns.iter().filter(|c| c.unique) {
        lines.push(format!(
            "\tCONSTRAINT \"{}\" UNIQUE(\"{}\")",
            unique_name(name, &column.name),
            column.name
        ));
    }
    format!("CREATE TABLE \"{name}\" (\n{}\n);\n", lines.join(",\n"))
}

pub(super) fn add_foreign_key(table: &str, fk: &ForeignKey) -> String {
    format!(
        "ALTER TABLE \"{table}\" ADD CONSTRAINT \"{}\" FOREIGN KEY (\"{}\") REFERENCES \"public\".\"{}\"(\"{}\") ON DELETE {} ON UPDATE no action;",
        fk.name, fk.column, fk.references_table, fk.references_column, fk.on_delete
    )
}

pub(super) fn create_index(table: &str, index: &Index) -> String {
    let unique = if index.unique { "UNIQUE " } else { "" };
    let columns: Vec<String> = index.columns.iter().map(|c| format!("\"{c}\"")).collect();
    format!(
        "CREATE {unique}INDEX \"{}\" ON \"{table}\" USING btree ({});",
        index.name,
        columns.join(",")
    )
}
