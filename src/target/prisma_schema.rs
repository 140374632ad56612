//! `prisma/schema.prisma`, printed from the same database schema strata's SQL migrations create:
//! every table, column, type, default, enum, foreign key and index under its SQL name.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use heck::{ToLowerCamelCase, ToPascalCase};

use crate::migrate::schema::{Column, ForeignKey, Schema, Table};
use crate::model::App;

const HEADER: &str = "\
// Written by strata from strata.toml: edit the manifest, then run `strata generate`.
// Prisma is this app's query client only: strata writes the SQL migrations (drizzle/), and every
// name and type below equals theirs. `npm run db:client` generates the client from this file.

generator client {
  provider = \"prisma-client\"
  output   = \"../src/generated/prisma\"
}

datasource db {
  provider = \"postgresql\"
}
";

/// The Prisma model name of each table: a resource's type name, or the auth table's.
#[must_use]
pub fn model_names(app: &App) -> BTreeMap<String, String> {
    let mut names: BTreeMap<String, String> = [
        ("users", "User"),
        ("sessions", "Session"),
        ("accounts", "Account"),
        ("auth_attempts", "AuthAttempt"),
    ]
    .into_iter()
    .map(|(table, model)| (table.to_string(), model.to_string()))
    .collect();
    for resource in &app.resources {
        names.insert(resource.names.table.clone(), resource.names.pascal.clone());
    }
    names
}

/// The whole schema file of `schema`, `app`'s database schema, with `models` (from
/// [`model_names`]) naming its tables.
#[must_use]
pub fn schema_prisma(schema: &Schema, models: &BTreeMap<String, String>) -> String {
    let mut out = HEADER.to_string();
    for (name, values) in &schema.enums {
        out.push('\n');
        let _ = writeln!(out, "enum {} {{", name.to_pascal_case());
        for value in values {
            let _ = writeln!(out, "  {value}");
        }
        let _ = writeln!(out, "\n  @@map(\"{name}\")\n}}");
    }
    for (table_name, table) in &schema.tables {
        out.push('\n');
        out.push_str(&model(table_name, table, schema, models));
    }
    out
}

/// A field line: name, type, attributes; aligned by [`aligned`].
type Line = [String; 3];

/// One `model` block.
fn model(
    table_name: &str,
    table: &Table,
    schema: &Schema,
    models: &BTreeMap<String, String>,
) -> String {
    let mut lines: Vec<Line> = Vec::new();
    let (forward, mut taken) = forward_fields(table);
    for column in &table.columns {
        lines.push(scalar(table_name, column));
        if let Some(key) = table.foreign_keys.iter().find(|k| k.column == column.name) {
            lines.push(forward_relation(
                &forward[&column.name],
                table_name,
                column,
                key,
                models,
            ));
        }
    }
    for (source_name, source) in &schema.tables {
        for key in source
            .foreign_keys
            .iter()
            .filter(|k| k.references_table == table_name)
        {
            let single = source
                .foreign_keys
                .iter()
                .filter(|k| k.references_table == table_name)
                .count()
                == 1;
            let plural = source_name.to_lower_camel_case();
            let wanted = if single {
                plural
            } else {
                format!("{plural}By{}", relation_field(&key.column).to_pascal_case())
            };
            let field = unique_name(wanted, &mut taken);
            lines.push([
                field,
                format!("{}[]", models[source_name]),
                format!("@relation(\"{}\")", relation_name(source_name, key)),
            ]);
        }
    }
    let mut block = aligned(&lines);
    block.push('\n');
    for index in &table.indexes {
        let fields: Vec<String> = index
            .columns
            .iter()
            .map(|c| c.to_lower_camel_case())
            .collect();
        let kind = if index.unique { "unique" } else { "index" };
        let _ = writeln!(
            block,
            "  @@{kind}([{}], map: \"{}\")",
            fields.join(", "),
            index.name
        );
    }
    let _ = writeln!(block, "  @@map(\"{table_name}\")");
    format!("model {} {{\n{block}}}\n", models[table_name])
}

/// The relation field of each foreign key column (`author_id` → `author`), and every field name
/// the model then has.
fn forward_fields(table: &Table) -> (BTreeMap<String, String>, Vec<String>) {
    let mut taken: Vec<String> = table
        .columns
        .iter()
        .map(|c| c.name.to_lower_camel_case())
        .collect();
    let mut fields = BTreeMap::new();
    for column in &table.columns {
        if table.foreign_keys.iter().any(|k| k.column == column.name) {
            let field = unique_name(relation_field(&column.name), &mut taken);
            fields.insert(column.name.clone(), field);
        }
    }
    (fields, taken)
}

/// The relation field beside a foreign key column of `table`.
#[must_use]
pub fn relation_field_of(table: &Table, column: &Column) -> String {
    forward_fields(table)
        .0
        .remove(&column.name)
        .unwrap_or_else(|| relation_field(&column.name))
}

/// `author_id` → `author`: the relation field beside the foreign key column.
fn relation_field(column: &str) -> String {
    column
        .strip_suffix("_id")
        .unwrap_or(column)
        .to_lower_camel_case()
}

/// `name`, or `nameRecord`, `nameRecord2`… when the model already has a field of that name.
fn unique_name(name: String, taken: &mut Vec<String>) -> String {
    let mut candidate = name.clone();
    let mut counter = 1;
    while taken.contains(&candidate) {
        candidate = if counter == 1 {
            format!("{name}Record")
        } else {
            format!("{name}Record{counter}")
        };
        counter += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// Both ends of a relation carry this name, so that two relations between the same models
/// (an owner and a `ref:user`) stay apart.
fn relation_name(table: &str, key: &ForeignKey) -> String {
    format!("{table}_{}", key.column)
}

fn forward_relation(
    field: &str,
    table_name: &str,
    column: &Column,
    key: &ForeignKey,
    models: &BTreeMap<String, String>,
) -> Line {
    let on_delete = match key.on_delete.as_str() {
        "set null" => "SetNull",
        "restrict" => "Restrict",
        "no action" => "NoAction",
        _ => "Cascade",
    };
    [
        field.to_string(),
        format!(
            "{}{}",
            models[&key.references_table],
            if column.not_null { "" } else { "?" }
        ),
        format!(
            "@relation(\"{}\", fields: [{}], references: [{}], onDelete: {on_delete}, onUpdate: NoAction, map: \"{}\")",
            relation_name(table_name, key),
            key.column.to_lower_camel_case(),
            key.references_column.to_lower_camel_case(),
            key.name
        ),
    ]
}

/// A column as a Prisma scalar field.
fn scalar(table_name: &str, column: &Column) -> Line {
    let (base, list) = match column.sql_type.strip_suffix("[]") {
        Some(item) => (item, true),
        None => (column.sql_type.as_str(), false),
    };
    let (ty, native) = prisma_type(base);
    let mut attributes: Vec<String> = Vec::new();
    if column.primary_key {
        attributes.push("@id".into());
    }
    if let Some(default) = &column.default {
        attributes.push(format!("@default({})", prisma_default(default, &ty)));
    }
    if column.name == "updated_at" {
        attributes.push("@updatedAt".into());
    }
    if column.unique {
        attributes.push(format!(
            "@unique(map: \"{}\")",
            crate::migrate::unique_name(table_name, &column.name)
        ));
    }
    let field = column.name.to_lower_camel_case();
    if field != column.name {
        attributes.push(format!("@map(\"{}\")", column.name));
    }
    if let Some(native) = native {
        attributes.push(native);
    }
    let suffix = if list {
        "[]"
    } else if column.not_null {
        ""
    } else {
        "?"
    };
    [field, format!("{ty}{suffix}"), attributes.join(" ")]
}

/// The Prisma type of a PostgreSQL type, and its `@db.*` attribute when Prisma's default differs.
fn prisma_type(sql: &str) -> (String, Option<String>) {
    if let Some(length) = sql
        .strip_prefix("varchar(")
        .and_then(|s| s.strip_suffix(')'))
    {
        return ("String".into(), Some(format!("@db.VarChar({length})")));
    }
    if let Some(size) = sql
        .strip_prefix("numeric(")
        .and_then(|s| s.strip_suffix(')'))
    {
        return ("Decimal".into(), Some(format!("@db.Decimal({size})")));
    }
    if let Some(name) = sql.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        return (name.to_pascal_case(), None);
    }
    let (ty, native) = match sql {
        "uuid" => ("String", Some("@db.Uuid")),
        "integer" => ("Int", None),
        "bigint" => ("BigInt", None),
        "double precision" => ("Float", None),
        "boolean" => ("Boolean", None),
        "date" => ("DateTime", Some("@db.Date")),
        crate::migrate::from_model::TIMESTAMP => ("DateTime", Some("@db.Timestamptz(3)")),
        "jsonb" => ("Json", None),
        _ => ("String", None),
    };
    (ty.into(), native.map(str::to_string))
}

/// A column default as Prisma writes it: literals as literals, anything the database computes
/// (`gen_random_uuid()`, a cast) as `dbgenerated`.
fn prisma_default(sql: &str, ty: &str) -> String {
    if sql == "now()" {
        return "now()".into();
    }
    let plain = matches!(ty, "Int" | "BigInt" | "Float" | "Boolean")
        && (sql.parse::<f64>().is_ok() || sql == "true" || sql == "false");
    if plain {
        return sql.into();
    }
    if let Some(text) = sql.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        let text = text.replace("''", "'");
        let is_enum = !matches!(
            ty,
            "String" | "Int" | "BigInt" | "Float" | "Boolean" | "Decimal" | "DateTime" | "Json"
        );
        if is_enum {
            return text;
        }
        if ty == "String" {
            return format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
        }
    }
    format!(
        "dbgenerated(\"{}\")",
        sql.replace('\\', "\\\\").replace('"', "\\\"")
    )
}

/// Field lines as `prisma format` aligns them: names, then types, in columns.
fn aligned(lines: &[Line]) -> String {
    let name_width = lines.iter().map(|l| l[0].len()).max().unwrap_or(0);
    let type_width = lines.iter().map(|l| l[1].len()).max().unwrap_or(0);
    let mut out = String::new();
    for [name, ty, attributes] in lines {
        let line = format!("  {name:name_width$} {ty:type_width$} {attributes}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_literals_where_prisma_has_them_and_the_sql_elsewhere() {
        assert_eq!(prisma_default("now()", "DateTime"), "now()");
        assert_eq!(prisma_default("0", "BigInt"), "0");
        assert_eq!(prisma_default("false", "Boolean"), "false");
        assert_eq!(prisma_default("'draft'", "PostStatus"), "draft");
        assert_eq!(
            prisma_default("'it''s \"x\"'", "String"),
            "\"it's \\\"x\\\"\""
        );
        assert_eq!(
            prisma_default("gen_random_uuid()", "String"),
            "dbgenerated(\"gen_random_uuid()\")"
        );
        assert_eq!(
            prisma_default("'0.00'", "Decimal"),
            "dbgenerated(\"'0.00'\")"
        );
        assert_eq!(
            prisma_default("'{\"a\":1}'::jsonb", "Json"),
            "dbgenerated(\"'{\\\"a\\\":1}'::jsonb\")"
        );
    }

    #[test]
    fn types_carry_their_native_attribute_when_prisma_would_pick_another() {
        assert_eq!(
            prisma_type("varchar(80)").1.as_deref(),
            Some("@db.VarChar(80)")
        );
        assert_eq!(
            prisma_type("numeric(4, 2)").1.as_deref(),
            Some("@db.Decimal(4, 2)")
        );
        assert_eq!(prisma_type("date").1.as_deref(), Some("@db.Date"));
        assert_eq!(prisma_type("text"), ("String".to_string(), None));
        assert_eq!(prisma_type("\"post_status\"").0, "PostStatus");
    }

    #[test]
    fn a_field_name_the_model_already_has_gets_a_suffix() {
        let mut taken = vec!["author".to_string(), "authorRecord".to_string()];
        assert_eq!(unique_name("author".into(), &mut taken), "authorRecord2");
        assert_eq!(unique_name("editor".into(), &mut taken), "editor");
        assert_eq!(relation_field("author_id"), "author");
    }
}
