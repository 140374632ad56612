//! Unit tests of the schema diff: each kind of change becomes its SQL, destructive ones flagged.

use super::schema::{Column, Schema, Table};
use super::*;

fn table(columns: Vec<Column>) -> Table {
    Table {
        columns,
        ..Table::default()
    }
}

fn posts(extra: Vec<Column>) -> Schema {
    let mut columns = vec![
        from_model::id_column(),
        Column::new("title", "varchar(200)").not_null(),
    ];
    columns.extend(extra);
    let mut schema = Schema::default();
    schema.tables.insert("posts".into(), table(columns));
    schema
}

#[test]
fn creating_from_nothing_makes_tables_then_constraints() {
    let mut new = posts(vec![Column::new("author_id", "uuid").not_null()]);
    let t = new.tables.get_mut("posts").unwrap();
    t.foreign_key("posts", "author_id", "users", "cascade");
    t.index("posts", "author_id", false);
    let steps = diff(&Schema::default(), &new);
    let sql: Vec<&str> = steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql[0],
        "CREATE TABLE \"posts\" (\n\t\"id\" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,\n\t\"title\" varchar(200) NOT NULL,\n\t\"author_id\" uuid NOT NULL\n);\n"
    );
    assert_eq!(
        sql[1],
        "ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_id_users_id_fk\" FOREIGN KEY (\"author_id\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE cascade ON UPDATE no action;"
    );
    assert_eq!(
        sql[2],
        "CREATE INDEX \"posts_author_id_idx\" ON \"posts\" USING btree (\"author_id\");"
    );
    assert!(steps.iter().all(|s| !s.destructive));
}

#[test]
fn adding_a_column_with_a_default_is_safe() {
    let steps = diff(
        &posts(vec![]),
        &posts(vec![
            Column::new("views", "integer").not_null().default("0"),
        ]),
    );
    assert_eq!(steps.len(), 1);
    assert_eq!(
        steps[0].sql,
        "ALTER TABLE \"posts\" ADD COLUMN \"views\" integer DEFAULT 0 NOT NULL;"
    );
    assert!(!steps[0].destructive && !steps[0].needs_empty_table);
}

#[test]
fn a_required_column_without_default_needs_an_empty_table() {
    let steps = diff(
        &posts(vec![]),
        &posts(vec![Column::new("slug", "text").not_null()]),
    );
    assert!(steps[0].needs_empty_table);
}

#[test]
fn dropping_columns_and_tables_is_destructive() {
    let steps = diff(
        &posts(vec![Column::new("views", "integer")]),
        &posts(vec![]),
    );
    assert_eq!(steps[0].sql, "ALTER TABLE \"posts\" DROP COLUMN \"views\";");
    assert!(steps[0].destructive);
    let steps = diff(&posts(vec![]), &Schema::default());
    assert_eq!(steps[0].sql, "DROP TABLE \"posts\" CASCADE;");
    assert!(steps[0].destructive);
}

#[test]
fn type_changes_are_destructive_and_flags_are_not() {
    let before = posts(vec![Column::new("views", "integer")]);
    let after = posts(vec![
        Column::new("views", "bigint")
            .not_null()
            .unique()
            .default("0"),
    ]);
    let steps = diff(&before, &after);
    let sql: Vec<&str> = steps.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        [
            "ALTER TABLE \"posts\" ALTER COLUMN \"views\" SET DATA TYPE bigint USING \"views\"::bigint;",
            "ALTER TABLE \"posts\" ALTER COLUMN \"views\" SET DEFAULT 0;",
            "ALTER TABLE \"posts\" ALTER COLUMN \"views\" SET NOT NULL;",
            "ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_views_unique\" UNIQUE(\"views\");",
        ]
    );
    assert_eq!(
        steps.iter().map(|s| s.destructive).collect::<Vec<_>>(),
        [true, false, false, false]
    );
}

#[test]
fn enum_values_are_added_in_place() {
    let mut old = Schema::default();
    old.enums.insert("post_status".into(), vec!["draft".into()]);
    let mut new = old.clone();
    new.enums
        .insert("post_status".into(), vec!["draft".into(), "live".into()]);
    let steps = diff(&old, &new);
    assert_eq!(
        steps[0].sql,
        "ALTER TYPE \"public\".\"post_status\" ADD VALUE 'live';"
    );
    assert!(!steps[0].destructive);
    let back = diff(&new, &old);
    assert!(back.iter().all(|s| s.destructive));
    assert!(
        back.iter()
            .any(|s| s.sql == "DROP TYPE \"public\".\"post_status\";")
    );
}

#[test]
fn migrations_are_numbered_and_deterministic() {
    let steps = diff(&Schema::default(), &posts(vec![]));
    let first = next_migration(&[], steps.clone()).unwrap();
    assert_eq!(first.path, "drizzle/0000_init.sql");
    assert_eq!(first, next_migration(&[], steps).unwrap());
    let second = next_migration(
        std::slice::from_ref(&first.record),
        diff(
            &posts(vec![]),
            &posts(vec![Column::new("views", "integer")]),
        ),
    )
    .unwrap();
    assert_eq!(second.record.tag, "0001_add_column_posts_views");
    assert_eq!(second.record.when, first.record.when + 1000);
    assert!(next_migration(&[], Vec::new()).is_none());
    let journal = journal(&[first.record, second.record]);
    assert!(journal.contains("\"tag\": \"0001_add_column_posts_views\""));
}

#[test]
fn widening_a_varchar_is_safe_and_narrowing_is_not() {
    let wide = diff(&posts(vec![]), &{
        let mut schema = posts(vec![]);
        schema.tables.get_mut("posts").unwrap().columns[1].sql_type = "varchar(300)".into();
        schema
    });
    assert_eq!(
        wide[0].sql,
        "ALTER TABLE \"posts\" ALTER COLUMN \"title\" SET DATA TYPE varchar(300);"
    );
    assert!(!wide[0].destructive);
    let narrow = diff(&posts(vec![]), &{
        let mut schema = posts(vec![]);
        schema.tables.get_mut("posts").unwrap().columns[1].sql_type = "varchar(100)".into();
        schema
    });
    assert!(narrow[0].destructive);
}

#[test]
fn indexes_come_and_go_with_the_index_modifier() {
    let mut indexed = posts(vec![]);
    indexed
        .tables
        .get_mut("posts")
        .unwrap()
        .index("posts", "title", false);
    let added = diff(&posts(vec![]), &indexed);
    assert_eq!(
        added[0].sql,
        "CREATE INDEX \"posts_title_idx\" ON \"posts\" USING btree (\"title\");"
    );
    let dropped = diff(&indexed, &posts(vec![]));
    assert_eq!(dropped[0].sql, "DROP INDEX \"posts_title_idx\";");
    assert!(!dropped[0].destructive);
}
