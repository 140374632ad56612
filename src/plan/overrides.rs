//! The app's own template overrides (`.strata/templates/`) when the templates below them change
//! (the team's pack, or strata's own): merged three ways like any generated file, from the text
//! each was ejected or last merged from.

use std::collections::BTreeMap;
use std::path::Path;

use super::ledger::{Ledger, base_path};
use super::{Action, Change};
use crate::error::Result;
use crate::hash::sha256;
use crate::merge::three_way;
use crate::render::pack::{Pack, read_tree};
use crate::render::{OVERRIDE_DIR, TEMPLATES};

/// The app's overrides as this run renders them, and what it writes of them.
#[derive(Debug, Default)]
pub struct Overrides {
    /// Every override of the app: (template name, text to render with).
    pub texts: Vec<(String, String)>,
    /// The overrides this run rewrites: merged, or left with conflict markers.
    pub changes: Vec<Change>,
    /// Template name → SHA-256 of each override's merge base after this run.
    pub bases: BTreeMap<String, String>,
}

/// Said of an override strata starts keeping a merge base for.
const ADOPTED: &str = "later changes to the template below it will merge into it";

/// The text an override of `name` replaces: the pack's, else strata's own. A name from before
/// the Drizzle templates moved under `_drizzle/` finds the template under its name now.
#[must_use]
pub fn lower_layer(name: &str, pack: Option<&Pack>) -> Option<String> {
    let moved = crate::render::catalog::moved_to_drizzle_dir(name);
    let names: Vec<&str> = std::iter::once(name).chain(moved.as_deref()).collect();
    names.iter().find_map(|name| {
        pack.and_then(|p| p.templates.iter().find(|(n, _)| n == name))
            .map(|(_, text)| text.clone())
            .or_else(|| {
                TEMPLATES
                    .get_file(name)
                    .and_then(|file| file.contents_utf8())
                    .map(str::to_string)
            })
    })
}

/// Reads the app's overrides and merges into each the changes of the layer below since its
/// base. An override without a recorded base (ejected before strata kept one, or written by
/// hand) is left as it is and takes the layer below as it is now for its base: changes after
/// this run merge into it.
///
/// # Errors
/// An I/O error reading the overrides or their bases.
pub fn merge(root: &Path, ledger: &Ledger, pack: Option<&Pack>) -> Result<Overrides> {
    let mut out = Overrides::default();
    for (name, text) in read_tree(&root.join(OVERRIDE_DIR))? {
        let path = format!("{OVERRIDE_DIR}/{name}");
        let Some(lower) = lower_layer(&name, pack) else {
            // Replaces no template: the renderer says so, naming it.
            out.texts.push((name, text));
            continue;
        };
        let Some(recorded) = ledger.templates.get(&name) else {
            out.bases.insert(name.clone(), sha256(&lower));
            out.changes.push(Change {
                path,
                action: Action::Keep,
                template: Some(name.clone()),
                reason: Some(ADOPTED.to_string()),
                write: None,
                before: Some(text.clone()),
                render: Some(lower),
            });
            out.texts.push((name, text));
            continue;
        };
        let base = std::fs::read_to_string(base_path(root, &path))
            .ok()
            .filter(|base| sha256(base) == *recorded);
        let Some(base) = base.filter(|base| *base != lower) else {
            out.bases.insert(name.clone(), recorded.clone());
            out.texts.push((name, text));
            continue;
        };
        out.bases.insert(name.clone(), sha256(&lower));
        let (action, write, reason, rendered) = match three_way(&base, &text, &lower) {
            Ok(merged) => (
                Action::Merge,
                merged.clone(),
                "the templates below it changed; merged",
                merged,
            ),
            // Rendered as it was this once; the markers stop every later run until resolved.
            Err(conflicted) => (
                Action::Conflict,
                conflicted,
                "the templates below it changed where it differs from them",
                text.clone(),
            ),
        };
        out.changes.push(Change {
            path,
            action,
            template: Some(name.clone()),
            reason: Some(reason.to_string()),
            write: Some(write),
            before: Some(text),
            render: Some(lower),
        });
        out.texts.push((name, rendered));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app_with_override(base: &str, text: &str) -> (tempfile::TempDir, Ledger) {
        let dir = tempfile::tempdir().unwrap();
        let name = "src/lib/utils.ts";
        let path = format!("{OVERRIDE_DIR}/{name}");
        std::fs::create_dir_all(dir.path().join(&path).parent().unwrap()).unwrap();
        std::fs::write(dir.path().join(&path), text).unwrap();
        let copy = base_path(dir.path(), &path);
        std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
        std::fs::write(copy, base).unwrap();
        let mut ledger = Ledger::default();
        ledger.templates.insert(name.to_string(), sha256(base));
        (dir, ledger)
    }

    fn pack_with(text: &str) -> Pack {
        Pack {
            display: "../pack".into(),
            revision: "r".into(),
            templates: vec![("src/lib/utils.ts".into(), text.into())],
            defaults: crate::render::pack::Defaults::default(),
        }
    }

    #[test]
    fn a_change_below_merges_into_the_override() {
        let base = "a\nb\nc\nd\ne\n";
        let (dir, ledger) = app_with_override(base, "a\nb by the app\nc\nd\ne\n");
        let lower = "a\nb\nc\nd\ne by the pack\n";
        let merged = merge(dir.path(), &ledger, Some(&pack_with(lower))).unwrap();
        assert_eq!(merged.changes.len(), 1);
        assert_eq!(merged.changes[0].action, Action::Merge);
        assert_eq!(merged.texts[0].1, "a\nb by the app\nc\nd\ne by the pack\n");
        assert_eq!(merged.bases["src/lib/utils.ts"], sha256(lower));
    }

    #[test]
    fn overlapping_changes_conflict_and_render_as_before() {
        let (dir, ledger) = app_with_override("a\nb\nc\n", "a\nb by the app\nc\n");
        let merged = merge(
            dir.path(),
            &ledger,
            Some(&pack_with("a\nb by the pack\nc\n")),
        )
        .unwrap();
        assert_eq!(merged.changes[0].action, Action::Conflict);
        assert!(crate::merge::has_markers(
            merged.changes[0].write.as_deref().unwrap()
        ));
        assert_eq!(merged.texts[0].1, "a\nb by the app\nc\n");
    }

    #[test]
    fn an_override_without_a_base_takes_the_layer_below_as_it_is_now() {
        let (dir, _) = app_with_override("a\n", "a by the app\n");
        let merged = merge(dir.path(), &Ledger::default(), Some(&pack_with("b\n"))).unwrap();
        assert_eq!(merged.changes[0].action, Action::Keep);
        assert_eq!(merged.changes[0].render.as_deref(), Some("b\n"));
        assert_eq!(merged.texts[0].1, "a by the app\n");
        assert_eq!(merged.bases["src/lib/utils.ts"], sha256("b\n"));
    }

    #[test]
    fn an_unchanged_layer_below_leaves_the_override_alone() {
        let (dir, ledger) = app_with_override("a\n", "a by the app\n");
        let merged = merge(dir.path(), &ledger, Some(&pack_with("a\n"))).unwrap();
        assert!(merged.changes.is_empty());
        assert_eq!(
            merged.texts,
            [("src/lib/utils.ts".to_string(), "a by the app\n".to_string())]
        );
    }
}
