//! The schema half of a run: the migration from the recorded schema to the manifest's, with
//! destructive steps held back until the user consents.

use crate::error::{Error, Result};
use crate::migrate::{self, NewMigration};
use crate::model::App;
use crate::plan::Ledger;
use crate::plan::ledger::MigrationRecord;

/// The schema a run reaches and the migration that gets there.
pub(super) struct SchemaPlan {
    /// What the database will hold: the manifest's schema, plus drops still waiting for consent.
    pub schema: migrate::schema::Schema,
    /// Destructive steps left out for want of `--allow-destructive`.
    pub deferred: Vec<migrate::Step>,
    pub migration: Option<NewMigration>,
    /// Every migration, the new one last.
    pub migrations: Vec<MigrationRecord>,
}

impl SchemaPlan {
    /// The drizzle-kit snapshot of the new migration, chained to the previous one.
    pub fn snapshot(&self, previous: &Ledger) -> Option<String> {
        let migration = self.migration.as_ref()?;
        let previous_id = previous.migrations.last().map_or_else(
            || migrate::snapshot::NO_PREVIOUS.to_string(),
            |m| migrate::snapshot::id(&m.tag),
        );
        Some(migrate::snapshot::document(
            &self.schema,
            &migrate::snapshot::id(&migration.record.tag),
            &previous_id,
        ))
    }
}

/// Diffs the recorded schema against the manifest's. Without consent, drops wait: the database
/// keeps what the manifest dropped, until a run with --allow-destructive (the recorded schema
/// keeps it too, so that run writes the drops).
pub(super) fn plan_schema(
    previous: &Ledger,
    app: &App,
    allow_destructive: bool,
) -> Result<SchemaPlan> {
    let target = migrate::schema_of(app);
    let first = previous.migrations.is_empty();
    let (renamed, mut steps) = migrate::renames::apply(&previous.schema, app);
    let (schema, deferred) = if allow_destructive || first {
        (target, Vec::new())
    } else {
        let kept = migrate::deferred::keep_dropped(&renamed, &target);
        let drops = migrate::diff(&kept, &target);
        (kept, drops)
    };
    steps.extend(migrate::diff(&renamed, &schema));
    check_consent(&steps, first, allow_destructive)?;
    let migration = migrate::next_migration(&previous.migrations, steps);
    let mut migrations = previous.migrations.clone();
    migrations.extend(migration.iter().map(|m| m.record.clone()));
    Ok(SchemaPlan {
        schema,
        deferred,
        migration,
        migrations,
    })
}

fn check_consent(steps: &[migrate::Step], first: bool, allowed: bool) -> Result<()> {
    if allowed || first {
        return Ok(());
    }
    if let Some(step) = steps.iter().find(|s| s.destructive) {
        return Err(Error::Destructive {
            message: format!("this change would {}, which loses data", step.summary),
            help: "pass --allow-destructive to write that migration, or undo the manifest change"
                .to_string(),
        });
    }
    if let Some(step) = steps.iter().find(|s| s.needs_empty_table) {
        return Err(Error::Destructive {
            message: format!("this change would {}: a required column without a default fails on a table that has rows", step.summary),
            help: "give the field a default (default=…), make it optional (?), or pass --allow-destructive if the table is empty".to_string(),
        });
    }
    Ok(())
}
