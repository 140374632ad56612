//! What a killed run leaves behind, and its removal by the next run. Every temporary name strata
//! writes is `.<name>.strata-<pid>.tmp`; a run that writes into an existing app first drops a
//! marker of that form in `.strata/`, so the next run knows to look through the tree only when a
//! run died there. Only leftovers whose process is gone are removed, never a live run's.

use std::path::{Path, PathBuf};

use crate::plan::ledger::DIR as STATE_DIR;

/// The marker's own name, before the common suffix.
const MARKER_NAME: &str = "run";
/// Top-level folders a sweep of the app does not enter: strata writes nothing there, and they
/// can be large.
const NOT_OURS: [&str; 5] = ["node_modules", ".git", ".next", ".data", "out"];

/// The temporary sibling of `name` for this process.
#[must_use]
pub fn temp_name(name: &str) -> String {
    format!(".{name}.strata-{}.tmp", std::process::id())
}

/// The pid in a temporary name strata made (`.<name>.strata-<pid>.tmp`), if it is one.
#[must_use]
pub fn owner(file_name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (name, pid) = rest.rsplit_once(".strata-")?;
    if name.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` may still be running. Where that cannot be known (no `/proc`), every
/// process counts as running: a leftover is kept rather than a live run's file removed.
#[must_use]
pub fn is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc_root = Path::new("/proc");
    if !proc_root.join("self").exists() {
        return true;
    }
    proc_root.join(pid.to_string()).exists()
}

/// Whether `path` is a leftover of a run that is no longer running.
fn is_dead_leftover(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .and_then(owner)
        .is_some_and(|pid| !is_running(pid))
}

/// Removes one leftover, a file or a whole staging folder; a failure leaves it for a later run.
fn remove(path: &Path, is_dir: bool) {
    let _ = if is_dir {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
}

/// Removes the staging folders that dead `strata new` runs left in `parent`, the folder a new
/// app is written beside.
pub fn sweep_beside(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if is_dead_leftover(&path) {
            remove(&path, entry.file_type().is_ok_and(|t| t.is_dir()));
        }
    }
}

/// A run's marker in an existing app: present from before its first temporary file is written
/// until its last is renamed into place. Dropping it removes the marker.
pub struct RunMarker {
    path: PathBuf,
}

impl RunMarker {
    /// Removes what dead runs left in the app at `root` (walking the tree only when one of their
    /// markers is there), then marks this run.
    ///
    /// # Errors
    /// The marker cannot be written (the app cannot be written either, then).
    pub fn start(root: &Path) -> std::io::Result<Self> {
        let state = root.join(STATE_DIR);
        if has_dead_marker(&state) {
            sweep_app(root);
        }
        std::fs::create_dir_all(&state)?;
        let path = state.join(temp_name(MARKER_NAME));
        std::fs::write(&path, "")?;
        Ok(RunMarker { path })
    }
}

impl Drop for RunMarker {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn has_dead_marker(state: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(state) else {
        return false;
    };
    entries.flatten().any(|entry| {
        entry
            .file_name()
            .to_str()
            .and_then(owner)
            .is_some_and(|pid| !is_running(pid))
    })
}

/// Removes every dead run's temporary file under `root`, and the folders it made that hold
/// nothing else; the markers go last, so that a sweep cut short is done again by the run after.
fn sweep_app(root: &Path) {
    let state = root.join(STATE_DIR);
    let marker_prefix = format!(".{MARKER_NAME}.strata-");
    let walk = walkdir::WalkDir::new(root)
        .follow_links(false)
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() != 1
                || !(entry.file_type().is_dir()
                    && entry
                        .file_name()
                        .to_str()
                        .is_some_and(|name| NOT_OURS.contains(&name)))
        });
    let mut markers = Vec::new();
    for entry in walk.flatten() {
        if entry.depth() == 0 || !is_dead_leftover(entry.path()) {
            continue;
        }
        let is_marker = entry.path().parent() == Some(state.as_path())
            && entry
                .file_name()
                .to_str()
                .is_some_and(|name| name.starts_with(&marker_prefix));
        if is_marker {
            markers.push(entry.into_path());
        } else {
            remove(entry.path(), entry.file_type().is_dir());
            super::remove_empty_parents(root, entry.path());
        }
    }
    for marker in markers {
        remove(&marker, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_pid_of_strata_temporary_names_only() {
        assert_eq!(owner(".README.md.strata-4242.tmp"), Some(4242));
        assert_eq!(owner(".app.strata-7.tmp"), Some(7));
        assert_eq!(owner(".a.strata-b.strata-12.tmp"), Some(12));
        for other in [
            "README.md",
            ".strata-12.tmp",
            ".app.strata-.tmp",
            ".app.strata-12a.tmp",
            "app.strata-12.tmp",
            ".app.strata-12.tmp.bak",
        ] {
            assert_eq!(owner(other), None, "{other}");
        }
    }

    #[test]
    fn this_process_is_running() {
        assert!(is_running(std::process::id()));
    }

    /// A pid no process holds: one past the kernel's largest.
    fn dead_pid() -> u32 {
        std::fs::read_to_string("/proc/sys/kernel/pid_max")
            .ok()
            .and_then(|max| max.trim().parse::<u32>().ok())
            .map_or(u32::MAX, |max| max + 1)
    }

    #[test]
    fn a_run_removes_what_dead_runs_left_and_keeps_live_ones() {
        if !Path::new("/proc/self").exists() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("app");
        let dead = dead_pid();
        let live = std::process::id();
        std::fs::create_dir_all(root.join(".strata")).unwrap();
        std::fs::create_dir_all(root.join("src/app/posts")).unwrap();
        std::fs::create_dir_all(root.join("src/app/tags")).unwrap();
        std::fs::create_dir_all(root.join("node_modules/x")).unwrap();
        let files = [
            (format!(".strata/.run.strata-{dead}.tmp"), false),
            (format!(".README.md.strata-{dead}.tmp"), false),
            (format!("src/app/posts/.page.tsx.strata-{dead}.tmp"), false),
            (format!("src/app/posts/.page.tsx.strata-{live}.tmp"), true),
            (format!("src/app/tags/.page.tsx.strata-{dead}.tmp"), false),
            (format!("node_modules/x/.y.strata-{dead}.tmp"), true),
            ("src/app/posts/page.tsx".to_string(), true),
        ];
        for (path, _) in &files {
            std::fs::write(root.join(path), "x").unwrap();
        }
        let beside = [
            (format!(".app.strata-{dead}.tmp"), false),
            (format!(".other.strata-{live}.tmp"), true),
        ];
        for (name, _) in &beside {
            std::fs::create_dir_all(dir.path().join(name).join("src")).unwrap();
        }

        let marker = RunMarker::start(&root).unwrap();
        let own = root.join(".strata").join(temp_name(MARKER_NAME));
        assert!(own.is_file(), "this run's marker is written");
        for (path, kept) in &files {
            assert_eq!(root.join(path).exists(), *kept, "{path}");
        }
        assert!(
            !root.join("src/app/tags").exists(),
            "a folder that held only a dead run's file goes with it"
        );
        drop(marker);
        assert!(!own.exists(), "this run's marker is removed when it ends");

        sweep_beside(dir.path());
        for (name, kept) in &beside {
            assert_eq!(dir.path().join(name).exists(), *kept, "{name}");
        }
    }
}
