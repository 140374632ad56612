//! The database schema the manifest describes: tables, columns, indexes, foreign keys, enums.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Every enum type and table, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schema {
    pub enums: BTreeMap<String, Vec<String>>,
    pub tables: BTreeMap<String, Table>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// In declaration order.
    pub columns: Vec<Column>,
    pub indexes: Vec<Index>,
    pub foreign_keys: Vec<ForeignKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    /// As PostgreSQL and drizzle-kit spell it: `varchar(200)`, `timestamp with time zone`.
    pub sql_type: String,
    pub not_null: bool,
    pub primary_key: bool,
    pub unique: bool,
    /// The SQL default expression (`now()`, `'draft'`, `false`).
    pub default: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub name: String,
    pub columns: Vec<String>,
    pub unique: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignKey {
    pub name: String,
    pub column: String,
    pub references_table: String,
    pub references_column: String,
    /// `cascade`, `set null`…
    pub on_delete: String,
}

impl Column {
    pub(crate) fn new(name: &str, sql_type: &str) -> Self {
        Column {
            name: name.to_string(),
            sql_type: sql_type.to_string(),
            not_null: false,
            primary_key: false,
            unique: false,
            default: None,
        }
    }
    pub(crate) fn not_null(mut self) -> Self {
        self.not_null = true;
        self
    }
    pub(crate) fn unique(mut self) -> Self {
        self.unique = true;
        self
    }
    pub(crate) fn default(mut self, sql: &str) -> Self {
        self.default = Some(sql.to_string());
        self
    }
    pub(crate) fn primary_key(mut self) -> Self {
        self.primary_key = true;
        self.not_null = true;
        self
    }
}

impl Table {
    /// Adds a plain index on one column, named as drizzle-kit names it.
    pub(crate) fn index(&mut self, table: &str, column: &str, unique: bool) {
        self.indexes.push(Index {
            name: crate::model::names::sql_identifier(format!("{table}_{column}_idx")),
            columns: vec![column.to_string()],
            unique,
        });
    }

    /// Adds a foreign key named as drizzle-kit names it.
    pub(crate) fn foreign_key(&mut self, table: &str, column: &str, target: &str, on_delete: &str) {
        self.foreign_keys.push(ForeignKey {
            name: crate::model::names::sql_identifier(format!("{table}_{column}_{target}_id_fk")),
            column: column.to_string(),
            references_table: target.to_string(),
            references_column: "id".to_string(),
            on_delete: on_delete.to_string(),
        });
    }
}
