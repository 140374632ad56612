//! Drops wait for consent: without `--allow-destructive`, tables, columns and enums the manifest
//! no longer has stay in the database (columns made nullable so the app's inserts still work),
//! and the schema the ledger records keeps them, so a later run with consent drops them.

use super::schema::Schema;

/// `new` plus everything of `old` that `new` drops.
#[must_use]
pub fn keep_dropped(old: &Schema, new: &Schema) -> Schema {
    let mut kept = new.clone();
    for (name, values) in &old.enums {
        kept.enums
            .entry(name.clone())
            .or_insert_with(|| values.clone());
    }
    for (name, table) in &old.tables {
        let Some(current) = kept.tables.get_mut(name) else {
            kept.tables.insert(name.clone(), table.clone());
            continue;
        };
        for column in &table.columns {
            if current.columns.iter().all(|c| c.name != column.name) {
                let mut retained = column.clone();
                retained.not_null = false;
                current.columns.push(retained);
            }
        }
        for key in &table.foreign_keys {
            let column_retained = current.columns.iter().any(|c| c.name == key.column);
            if column_retained && !current.foreign_keys.iter().any(|k| k.name == key.name) {
                current.foreign_keys.push(key.clone());
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::super::diff;
    use super::super::schema::{Column, Table};
    use super::*;

    #[test]
    fn dropped_columns_stay_nullable_and_dropped_tables_stay() {
        let mut old = Schema::default();
        let columns = vec![
            Column::new("id", "uuid").primary_key(),
            Column::new("title", "text").not_null(),
        ];
        old.tables.insert(
            "posts".into(),
            Table {
                columns: columns.clone(),
                ..Table::default()
            },
        );
        old.tables.insert(
            "tags".into(),
            Table {
                columns,
                ..Table::default()
            },
        );
        let mut new = Schema::default();
        new.tables.insert(
            "posts".into(),
            Table {
                columns: vec![Column::new("id", "uuid").primary_key()],
                ..Table::default()
            },
        );
        let kept = keep_dropped(&old, &new);
        assert!(kept.tables.contains_key("tags"));
        let steps = diff(&old, &kept);
        assert_eq!(
            steps.iter().map(|s| s.sql.as_str()).collect::<Vec<_>>(),
            ["ALTER TABLE \"posts\" ALTER COLUMN \"title\" DROP NOT NULL;"]
        );
        let drops = diff(&kept, &new);
        assert!(drops.iter().all(|s| s.destructive));
        assert_eq!(drops.len(), 2);
    }
}
