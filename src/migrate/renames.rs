//! `renamed_from` on a resource or a field: the table, column, enum types and unique constraints
//! are renamed in place (no data is lost), before the rest of the schema is compared.

use super::diff::{Step, step};
use super::schema::Schema;
use super::sql::unique_name;
use crate::model::App;

/// `old` as it is after the renames `app` asks for, and the statements that rename it so.
/// A rename whose old name is no longer in `old` (it already happened) does nothing.
#[must_use]
pub fn apply(old: &Schema, app: &App) -> (Schema, Vec<Step>) {
    let mut schema = old.clone();
    let mut steps = Vec::new();
    for resource in &app.resources {
        let table = &resource.names.table;
        if let Some(before) = &resource.renamed_from {
            if let Some(moved) = schema
                .tables
                .remove(&before.table)
                .filter(|_| !schema.tables.contains_key(table))
            {
                steps.push(step(
                    format!("ALTER TABLE \"{}\" RENAME TO \"{table}\";", before.table),
                    format!("rename table {} to {table}", before.table),
                ));
                for column in moved.columns.iter().filter(|c| c.unique) {
                    rename_constraint(
                        &mut steps,
                        table,
                        &unique_name(&before.table, &column.name),
                        &unique_name(table, &column.name),
                    );
                }
                schema.tables.insert(table.clone(), moved);
                for other in schema.tables.values_mut() {
                    for key in other
                        .foreign_keys
                        .iter_mut()
                        .filter(|k| k.references_table == before.table)
                    {
                        key.references_table.clone_from(table);
                    }
                }
                for field in &resource.fields {
                    if let Some(enumeration) = &field.enumeration {
                        let column = field
                            .renamed_from_column
                            .as_deref()
                            .unwrap_or(&field.names.column);
                        rename_enum(
                            &mut schema,
                            &mut steps,
                            &format!("{}_{column}", before.snake),
                            &enumeration.sql,
                        );
                    }
                }
            }
        }
        for field in &resource.fields {
            let (Some(before), Some(enumeration)) =
                (&field.renamed_from_column, &field.enumeration)
            else {
                continue;
            };
            rename_enum(
                &mut schema,
                &mut steps,
                &format!("{}_{before}", resource.names.snake),
                &enumeration.sql,
            );
        }
        let Some(current) = schema.tables.get_mut(table) else {
            continue;
        };
        for field in &resource.fields {
            let Some(before) = &field.renamed_from_column else {
                continue;
            };
            let after = &field.names.column;
            let exists = |name: &str| current.columns.iter().any(|c| c.name == name);
            if !exists(before) || exists(after) {
                continue;
            }
            steps.push(step(
                format!("ALTER TABLE \"{table}\" RENAME COLUMN \"{before}\" TO \"{after}\";"),
                format!("rename column {table}.{before} to {after}"),
            ));
            let mut unique = false;
            for column in current.columns.iter_mut().filter(|c| c.name == *before) {
                column.name.clone_from(after);
                unique = column.unique;
            }
            for index in &mut current.indexes {
                for name in index.columns.iter_mut().filter(|n| *n == before) {
                    name.clone_from(after);
                }
            }
            for key in current
                .foreign_keys
                .iter_mut()
                .filter(|k| k.column == *before)
            {
                key.column.clone_from(after);
            }
            if unique {
                rename_constraint(
                    &mut steps,
                    table,
                    &unique_name(table, before),
                    &unique_name(table, after),
                );
            }
        }
    }
    (schema, steps)
}

/// Renames enum type `old` to `new` (and every column of that type), if `old` exists and `new`
/// does not yet.
fn rename_enum(schema: &mut Schema, steps: &mut Vec<Step>, old: &str, new: &str) {
    if old == new || schema.enums.contains_key(new) {
        return;
    }
    let Some(values) = schema.enums.remove(old) else {
        return;
    };
    steps.push(step(
        format!("ALTER TYPE \"public\".\"{old}\" RENAME TO \"{new}\";"),
        format!("rename enum {old} to {new}"),
    ));
    schema.enums.insert(new.to_string(), values);
    let (before, after) = (format!("\"{old}\""), format!("\"{new}\""));
    for column in schema
        .tables
        .values_mut()
        .flat_map(|t| t.columns.iter_mut())
        .filter(|c| c.sql_type == before)
    {
        column.sql_type.clone_from(&after);
    }
}

fn rename_constraint(steps: &mut Vec<Step>, table: &str, before: &str, after: &str) {
    steps.push(step(
        format!("ALTER TABLE \"{table}\" RENAME CONSTRAINT \"{before}\" TO \"{after}\";"),
        format!("rename constraint {before} to {after}"),
    ));
}
