//! Applies a plan all-or-nothing: every file is staged in a temporary sibling and renamed into
//! place only once all are staged; then the ledger and merge bases are stored. A new app is
//! written whole in a hidden sibling folder that one rename puts in place. What a killed run
//! left behind is removed by the next ([`leftovers`]).

pub mod leftovers;

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};
use crate::hash::sha256;
use crate::plan::Plan;
use crate::plan::ledger::{self, Ledger};

/// A write staged next to its destination.
struct Staged {
    temp: PathBuf,
    destination: PathBuf,
}

/// Joins a generated relative path to the app root, refusing anything that could escape it.
///
/// # Errors
/// [`Error::PathEscape`] for absolute paths, `..`, or empty components.
pub fn safe_join(root: &Path, relative: &str) -> Result<PathBuf> {
    let escape = |help: &str| Error::PathEscape {
        path: relative.to_string(),
        help: help.to_string(),
    };
    if relative.is_empty() || relative.contains('\0') || relative.contains('\\') {
        return Err(escape("generated paths are non-empty and use / only"));
    }
    let path = Path::new(relative);
    for component in path.components() {
        match component {
            Component::Normal(_) => {}
            Component::ParentDir => {
                return Err(escape(
                    "remove the `..`: names may not contain path separators",
                ));
            }
            _ => return Err(escape("use a relative path inside the app directory")),
        }
    }
    Ok(root.join(path))
}

/// Writes the plan's files, deletions, merge bases and ledger under `root`.
///
/// # Errors
/// An I/O error; nothing is left half-written (staged files are removed).
pub fn apply(root: &Path, plan: &Plan, previous: &Ledger) -> Result<()> {
    let mut writes: Vec<(PathBuf, &str)> = Vec::new();
    let mut removals: Vec<PathBuf> = Vec::new();
    for change in &plan.changes {
        let destination = safe_join(root, &change.path)?;
        if let Some(text) = &change.write {
            writes.push((destination, text));
        } else if change.action == crate::plan::Action::Delete {
            removals.push(destination);
            removals.push(ledger::base_path(root, &change.path));
        }
        if let Some(render) = &change.render {
            let unchanged = previous
                .files
                .get(&change.path)
                .is_some_and(|r| r.sha256 == sha256(render));
            let base = ledger::base_path(root, &change.path);
            if !unchanged || !base.is_file() {
                writes.push((
                    safe_join(root, &format!("{}/{}", ledger::BASE_DIR, change.path))?,
                    render,
                ));
            }
        }
    }
    let ledger_text = plan.ledger.to_json();
    if plan.ledger != *previous || !root.join(ledger::FILE).is_file() {
        writes.push((root.join(ledger::FILE), &ledger_text));
    }
    if removals.is_empty() && !root.exists() {
        return write_new_tree(root, &writes);
    }
    if writes.is_empty() && removals.is_empty() {
        return Ok(());
    }
    let marker = leftovers::RunMarker::start(root)
        .map_err(|e| Error::io("writing", root.join(ledger::DIR), e))?;
    let staged = stage_all(&writes)?;
    let journal = leftovers::Journal {
        renames: staged
            .iter()
            .map(|item| {
                (
                    marker.relative(&item.temp),
                    marker.relative(&item.destination),
                )
            })
            .collect(),
        removals: removals.iter().map(|path| marker.relative(path)).collect(),
    };
    if let Err(e) = marker.staged(&journal) {
        for item in &staged {
            let _ = std::fs::remove_file(&item.temp);
        }
        return Err(Error::io("writing", root.join(ledger::DIR), e));
    }
    for item in &staged {
        std::fs::rename(&item.temp, &item.destination)
            .map_err(|e| Error::io("renaming into place", &item.destination, e))?;
    }
    for path in removals {
        match std::fs::remove_file(&path) {
            Ok(()) => remove_empty_parents(root, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io("removing", path, e)),
        }
    }
    drop(marker);
    Ok(())
}

/// Writes a tree that does not exist yet into a hidden sibling folder, then renames that folder
/// to `root`: the app appears complete, or not at all.
fn write_new_tree(root: &Path, writes: &[(PathBuf, &str)]) -> Result<()> {
    let name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parent = root.parent().unwrap_or(Path::new("."));
    let mut created_dirs: Vec<PathBuf> = Vec::new();
    let missing: Vec<PathBuf> = parent
        .ancestors()
        .take_while(|dir| !dir.as_os_str().is_empty() && !dir.exists())
        .map(Path::to_path_buf)
        .collect();
    created_dirs.extend(missing.into_iter().rev());
    leftovers::sweep_beside(parent);
    let staging = parent.join(leftovers::temp_name(&name));
    let written = std::fs::create_dir_all(&staging)
        .map_err(|e| Error::io("creating directory", &staging, e))
        .and_then(|()| write_tree(root, &staging, writes))
        .and_then(|()| {
            std::fs::rename(&staging, root).map_err(|e| Error::io("renaming into place", root, e))
        });
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
        for dir in created_dirs.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }
    written
}

fn write_tree(root: &Path, staging: &Path, writes: &[(PathBuf, &str)]) -> Result<()> {
    let mut known_dirs: HashSet<PathBuf> = HashSet::from([staging.to_path_buf()]);
    for (destination, text) in writes {
        let relative = destination.strip_prefix(root).unwrap_or(destination);
        let path = staging.join(relative);
        let dir = path.parent().unwrap_or(staging);
        if !known_dirs.contains(dir) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("creating directory", dir, e))?;
            known_dirs.extend(dir.ancestors().map(Path::to_path_buf));
        }
        std::fs::write(&path, text).map_err(|e| Error::io("writing", destination, e))?;
    }
    Ok(())
}

fn stage_all(writes: &[(PathBuf, &str)]) -> Result<Vec<Staged>> {
    let mut staged = Vec::with_capacity(writes.len());
    let mut created_dirs: Vec<PathBuf> = Vec::new();
    let mut known_dirs: HashSet<PathBuf> = HashSet::new();
    for (destination, text) in writes {
        match stage(destination, text, &mut created_dirs, &mut known_dirs) {
            Ok(item) => staged.push(item),
            Err(error) => {
                for item in &staged {
                    let _ = std::fs::remove_file(&item.temp);
                }
                for dir in created_dirs.iter().rev() {
                    let _ = std::fs::remove_dir(dir);
                }
                return Err(error);
            }
        }
    }
    Ok(staged)
}

fn stage(
    destination: &Path,
    text: &str,
    created_dirs: &mut Vec<PathBuf>,
    known_dirs: &mut HashSet<PathBuf>,
) -> Result<Staged> {
    let parent = destination.parent().unwrap_or(Path::new("."));
    // Most files share a folder with the one before: look each folder up once.
    if !known_dirs.contains(parent) {
        let missing: Vec<PathBuf> = parent
            .ancestors()
            .take_while(|dir| !known_dirs.contains(*dir) && !dir.exists())
            .map(Path::to_path_buf)
            .collect();
        std::fs::create_dir_all(parent).map_err(|e| Error::io("creating directory", parent, e))?;
        created_dirs.extend(missing.into_iter().rev());
        known_dirs.extend(parent.ancestors().map(Path::to_path_buf));
    }
    let name = destination
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = parent.join(leftovers::temp_name(&name));
    std::fs::write(&temp, text).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Error::io("writing", destination, e)
    })?;
    Ok(Staged {
        temp,
        destination: destination.to_path_buf(),
    })
}

fn remove_empty_parents(root: &Path, file: &Path) {
    for dir in file.ancestors().skip(1) {
        if dir == root || !dir.starts_with(root) || std::fs::remove_dir(dir).is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_escape() {
        let root = Path::new("/app");
        assert_eq!(
            safe_join(root, "src/a.ts").unwrap(),
            Path::new("/app/src/a.ts")
        );
        for bad in ["../x", "src/../../x", "/etc/passwd", "", "a\\b"] {
            assert!(
                matches!(safe_join(root, bad), Err(Error::PathEscape { .. })),
                "{bad}"
            );
        }
    }
}
