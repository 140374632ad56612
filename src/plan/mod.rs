//! The plan: what each file should become, decided before anything is written.

pub mod classify;
pub mod ledger;
pub mod overrides;

use serde::Serialize;

pub use classify::{Inputs, classify};
pub use ledger::Ledger;

/// What apply does with one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// A new file: write it.
    Create,
    /// strata's own file, not edited since: overwrite it.
    Update,
    /// The render equals the disk: nothing to do.
    Identical,
    /// Edited by hand and the template output did not change, or deleted by hand: leave it.
    Keep,
    /// Edited by hand and the template output changed: write the clean three-way merge.
    Merge,
    /// The merge overlaps: write it with conflict markers and exit 1.
    Conflict,
    /// No longer generated and not edited: remove it.
    Delete,
}

impl Action {
    /// The status verb printed for this action.
    #[must_use]
    pub fn verb(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Identical => "identical",
            Action::Keep => "keep",
            Action::Merge => "merge",
            Action::Conflict => "conflict",
            Action::Delete => "delete",
        }
    }

    /// Whether apply touches the disk for this action.
    #[must_use]
    pub fn writes(self) -> bool {
        matches!(
            self,
            Action::Create | Action::Update | Action::Merge | Action::Conflict | Action::Delete
        )
    }
}

/// One file of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Relative to the app root, `/`-separated.
    pub path: String,
    pub action: Action,
    /// The template it is rendered from (`None` for deletions of files no longer generated).
    pub template: Option<String>,
    /// Why, when the verb alone does not say (`edited by hand`, `deleted by hand`…).
    pub reason: Option<String>,
    /// The text apply writes (for create, update, merge and conflict).
    #[serde(skip)]
    pub write: Option<String>,
    /// The text on disk before the run, for diffs.
    #[serde(skip)]
    pub before: Option<String>,
    /// The new render, which becomes the merge base in the ledger.
    #[serde(skip)]
    pub render: Option<String>,
}

/// Every change of a run, sorted by path, and the ledger to store after applying it.
#[derive(Debug, Clone)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub ledger: Ledger,
    /// Files not rendered because nothing they are rendered from changed.
    pub unchanged: usize,
}

impl Plan {
    /// Whether any file is left with conflict markers.
    #[must_use]
    pub fn has_conflicts(&self) -> bool {
        self.changes.iter().any(|c| c.action == Action::Conflict)
    }

    /// How many files each verb covers, in verb order.
    #[must_use]
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        let all = [
            Action::Create,
            Action::Update,
            Action::Merge,
            Action::Conflict,
            Action::Delete,
            Action::Keep,
            Action::Identical,
        ];
        all.iter()
            .map(|action| {
                (
                    action.verb(),
                    self.changes.iter().filter(|c| c.action == *action).count(),
                )
            })
            .chain([("unchanged", self.unchanged)])
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}
