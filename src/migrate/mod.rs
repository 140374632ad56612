//! Schema changes become numbered SQL migrations in Drizzle's folder format (with its journal),
//! so the app applies them with Drizzle's own migrator on PGlite and PostgreSQL alike.

mod auth_tables;
pub mod deferred;
pub mod diff;
pub mod from_model;
pub mod renames;
pub mod schema;
pub mod snapshot;
mod sql;

use serde_json::json;

pub use diff::{Step, diff};
pub use from_model::schema_of;
pub use sql::unique_name;

use crate::hash::sha256;

/// One migration strata wrote, as the ledger records it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MigrationRecord {
    /// `0001_add_posts`
    pub tag: String,
    /// The journal's `when`: strictly increasing, deterministic.
    pub when: u64,
    /// SHA-256 of the SQL as written, to notice later edits.
    pub sha256: String,
}

/// The migrations folder of the generated app.
pub const FOLDER: &str = "drizzle";
/// Drizzle's journal of migrations.
pub const JOURNAL: &str = "drizzle/meta/_journal.json";
/// The `when` of the first migration (2026-01-01T00:00:00Z): fixed, so output is deterministic.
const FIRST_WHEN: u64 = 1_767_225_600_000;

/// A migration to write in this run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMigration {
    pub record: MigrationRecord,
    /// `drizzle/0001_add_comments.sql`
    pub path: String,
    pub sql: String,
    pub steps: Vec<Step>,
}

/// The next migration after `previous`, made of `steps`; `None` when there is nothing to do.
#[must_use]
pub fn next_migration(previous: &[MigrationRecord], steps: Vec<Step>) -> Option<NewMigration> {
    if steps.is_empty() {
        return None;
    }
    let index = previous.len();
    let name = if index == 0 {
        "init".to_string()
    } else {
        slug(&steps[0].summary)
    };
    let tag = format!("{index:04}_{name}");
    let sql = statements(&steps);
    let when = previous
        .iter()
        .map(|m| m.when + 1000)
        .max()
        .unwrap_or(FIRST_WHEN);
    Some(NewMigration {
        path: format!("{FOLDER}/{tag}.sql"),
        record: MigrationRecord {
            tag,
            when,
            sha256: sha256(&sql),
        },
        sql,
        steps,
    })
}

/// Joins statements the way drizzle-kit does, with its breakpoint marker between them.
fn statements(steps: &[Step]) -> String {
    let mut sql = steps
        .iter()
        .map(|s| s.sql.as_str())
        .collect::<Vec<_>>()
        .join("--> statement-breakpoint\n");
    if !sql.ends_with('\n') {
        sql.push('\n');
    }
    sql
}

fn slug(summary: &str) -> String {
    let words: String = summary
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let mut slug = words
        .split('_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    slug.truncate(48);
    slug.trim_end_matches('_').to_string()
}

/// The text of `drizzle/meta/_journal.json` for these migrations.
#[must_use]
pub fn journal(migrations: &[MigrationRecord]) -> String {
    let entries: Vec<_> = migrations
        .iter()
        .enumerate()
        .map(|(idx, m)| json!({ "idx": idx, "version": "7", "when": m.when, "tag": m.tag, "breakpoints": true }))
        .collect();
    let document = json!({ "version": "7", "dialect": "postgresql", "entries": entries });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests;
