//! Classifies each file by comparing the new render, the disk and the ledger's merge base.

use std::collections::{BTreeMap, BTreeSet};

use super::ledger::{FileRecord, Ledger};
use super::{Action, Change, Plan};
use crate::hash::sha256;
use crate::merge::has_markers;
use crate::render::catalog::Rendered;

/// What classification reads: the renders, and how to look at the disk and the merge bases.
pub struct Inputs<'a, D, B>
where
    D: Fn(&str) -> Option<String>,
    B: Fn(&str) -> Option<String>,
{
    /// Every file the manifest renders, by path.
    pub desired: &'a BTreeMap<String, Rendered>,
    pub ledger: &'a Ledger,
    /// The current text of a file, `None` if absent.
    pub disk: D,
    /// The merge base of a file, `None` if the ledger has none.
    pub base: B,
    /// Overwrite edited files instead of merging.
    pub force: bool,
    /// Tracked files left out of `desired` because their render cannot have changed: they keep
    /// their ledger records and are neither read nor touched.
    pub unchanged: &'a BTreeSet<String>,
}

/// Builds the plan. Pure: reads only through `inputs`.
pub fn classify<D, B>(inputs: &Inputs<'_, D, B>) -> Plan
where
    D: Fn(&str) -> Option<String>,
    B: Fn(&str) -> Option<String>,
{
    let mut ledger = inputs.ledger.clone();
    let mut changes = Vec::new();
    for (path, rendered) in inputs.desired {
        let change = classify_file(path, rendered, inputs);
        if change.action == Action::Conflict && change.write.is_none() {
            // Unresolved: the record (and its merge base) stay as they were until it is.
            changes.push(change);
            continue;
        }
        let keeps_record =
            !(change.action == Action::Keep && change.reason.as_deref() == Some(DELETED));
        if keeps_record || inputs.ledger.files.contains_key(path) {
            ledger.files.insert(
                path.clone(),
                FileRecord {
                    template: rendered.template.clone(),
                    sha256: sha256(&rendered.content),
                    conflict: change.action == Action::Conflict,
                    pack: None,
                    source: None,
                },
            );
        }
        changes.push(change);
    }
    for (path, record) in &inputs.ledger.files {
        if inputs.unchanged.contains(path) && record.conflict {
            // Not rendered this run, but a conflict strata wrote is looked at every run.
            match (inputs.disk)(path) {
                Some(disk) if has_markers(&disk) => changes.push(unresolved(path, record, disk)),
                _ => {
                    if let Some(kept) = ledger.files.get_mut(path) {
                        kept.conflict = false;
                    }
                }
            }
            continue;
        }
        if inputs.desired.contains_key(path) || inputs.unchanged.contains(path) {
            continue;
        }
        ledger.files.remove(path);
        let Some(disk) = (inputs.disk)(path) else {
            continue;
        };
        let unedited = sha256(&disk) == record.sha256;
        let (action, reason) = if unedited || inputs.force {
            (Action::Delete, None)
        } else {
            (
                Action::Keep,
                Some("no longer generated, but edited by hand: left in place".to_string()),
            )
        };
        changes.push(Change {
            path: path.clone(),
            action,
            template: Some(record.template.clone()),
            reason,
            write: None,
            before: Some(disk),
            render: None,
        });
    }
    changes.sort_by(|a, b| a.path.cmp(&b.path));
    Plan {
        changes,
        ledger,
        unchanged: inputs.unchanged.len(),
    }
}

const DELETED: &str = "deleted by hand; --force brings it back";

/// Said of a file whose conflict markers are still there.
pub const UNRESOLVED: &str = "conflict markers not yet resolved";

/// A file left with the conflict markers strata wrote: nothing is written until they are gone.
fn unresolved(path: &str, record: &FileRecord, disk: String) -> Change {
    Change {
        path: path.to_string(),
        action: Action::Conflict,
        template: Some(record.template.clone()),
        reason: Some(UNRESOLVED.to_string()),
        write: None,
        before: Some(disk),
        render: None,
    }
}

fn classify_file<D, B>(path: &str, rendered: &Rendered, inputs: &Inputs<'_, D, B>) -> Change
where
    D: Fn(&str) -> Option<String>,
    B: Fn(&str) -> Option<String>,
{
    let new = &rendered.content;
    let disk = (inputs.disk)(path);
    let tracked = inputs.ledger.files.contains_key(path);
    let change = |action: Action, write: Option<String>, reason: Option<&str>| Change {
        path: path.to_string(),
        action,
        template: Some(rendered.template.clone()),
        reason: reason.map(str::to_string),
        write,
        before: disk.clone(),
        render: Some(new.clone()),
    };
    let Some(current) = disk.as_deref() else {
        if tracked && !inputs.force {
            return change(Action::Keep, None, Some(DELETED));
        }
        return change(Action::Create, Some(new.clone()), None);
    };
    if current == new {
        return change(Action::Identical, None, None);
    }
    if let Some(record) = inputs.ledger.files.get(path)
        && record.conflict
        && !inputs.force
        && has_markers(current)
    {
        return unresolved(path, record, current.to_string());
    }
    if inputs.force {
        return change(Action::Update, Some(new.clone()), Some("--force"));
    }
    let base = (inputs.base)(path);
    match base.as_deref() {
        Some(base) if base == current => change(Action::Update, Some(new.clone()), None),
        Some(base) if base == new => change(Action::Keep, None, Some("edited by hand")),
        Some(base) => match crate::merge::three_way(base, current, new) {
            Ok(merged) => change(Action::Merge, Some(merged), Some("edited by hand; merged")),
            Err(conflicted) => change(
                Action::Conflict,
                Some(conflicted),
                Some("edited by hand; the changes overlap"),
            ),
        },
        None if tracked => match crate::merge::three_way("", current, new) {
            Ok(merged) => change(
                Action::Merge,
                Some(merged),
                Some("merge base missing; merged"),
            ),
            Err(conflicted) => change(
                Action::Conflict,
                Some(conflicted),
                Some("merge base missing"),
            ),
        },
        None => {
            let conflicted = crate::merge::two_way(current, new);
            change(
                Action::Conflict,
                Some(conflicted),
                Some("exists but was not written by strata"),
            )
        }
    }
}
