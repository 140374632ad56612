//! What a killed run leaves behind, and its cleanup by the next run. Every temporary name strata
//! writes is `.<name>.strata-<pid>.tmp`; a run that writes into an existing app first drops a
//! marker of that form in `.strata/`, so the next run knows to look through the tree only when a
//! run died there, and to finish the renames of one that died after staging every file. Only
//! leftovers whose process is gone are touched, never a live run's (where no `/proc` says which
//! processes run, leftovers a day old).

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

/// Whether process `pid` is running, where the system says (`/proc`); `None` elsewhere.
#[must_use]
pub fn is_running(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    let proc_root = Path::new("/proc");
    if !proc_root.join("self").exists() {
        return None;
    }
    Some(proc_root.join(pid.to_string()).exists())
}

/// Without `/proc`, a leftover counts as dead once it is this old: no run takes a day, and a live
/// run's files are never removed.
const STALE: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Whether `path` is a leftover of a run that is no longer running.
fn is_dead_leftover(path: &Path) -> bool {
    let Some(pid) = path
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(owner)
    else {
        return false;
    };
    match is_running(pid) {
        Some(running) => !running,
        None => std::fs::symlink_metadata(path)
            .and_then(|meta| meta.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > STALE),
    }
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
/// until its last is renamed into place. Empty while the run stages its files; once all are
/// staged it holds the run's [`Journal`], so a run killed while renaming is finished by the next
/// (a kill leaves the app as it was before the run, or as it is after). Dropping it removes it.
pub struct RunMarker {
    root: PathBuf,
    path: PathBuf,
}

/// What a run does once every file is staged: renames (temporary, destination) and removals,
/// relative to the app's root.
#[derive(Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Journal {
    pub renames: Vec<(String, String)>,
    pub removals: Vec<String>,
}

/// Finishes or removes what dead runs left in the app at `root`, walking the tree only when one
/// of their markers is there. A command that writes into an app calls it before it reads the
/// app, so that it plans from the app a killed run left whole.
pub fn recover(root: &Path) {
    let dead = dead_markers(&root.join(STATE_DIR));
    if !dead.is_empty() {
        for marker in &dead {
            finish(root, marker);
        }
        sweep_app(root);
    }
}

impl RunMarker {
    /// Recovers what dead runs left in the app at `root` ([`recover`]), then marks this run.
    ///
    /// # Errors
    /// The marker cannot be written (the app cannot be written either, then).
    pub fn start(root: &Path) -> std::io::Result<Self> {
        recover(root);
        let state = root.join(STATE_DIR);
        std::fs::create_dir_all(&state)?;
        let path = state.join(temp_name(MARKER_NAME));
        std::fs::write(&path, "")?;
        Ok(RunMarker {
            root: root.to_path_buf(),
            path,
        })
    }

    /// Records that every file is staged and what is left to do: from here on, a kill is
    /// finished by the next run rather than undone.
    ///
    /// # Errors
    /// The journal cannot be written.
    pub fn staged(&self, journal: &Journal) -> std::io::Result<()> {
        let text = serde_json::to_string(journal).map_err(std::io::Error::other)?;
        let temp = self.path.with_file_name(temp_name("journal"));
        std::fs::write(&temp, text)?;
        std::fs::rename(&temp, &self.path)
    }

    /// `path` relative to the app's root, as a journal holds it.
    #[must_use]
    pub fn relative(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned()
    }
}

impl Drop for RunMarker {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The markers in `state` of runs that are no longer running.
fn dead_markers(state: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(state) else {
        return Vec::new();
    };
    let prefix = format!(".{MARKER_NAME}.strata-");
    let mut dead: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .to_str()
                .is_some_and(|name| name.starts_with(&prefix) && is_dead_leftover(&entry.path()))
        })
        .map(|entry| entry.path())
        .collect();
    dead.sort();
    dead
}

/// Does what a dead run's journal says it had left to do: renames whose temporary file is still
/// there, removals of files still there. A marker without a journal (the run died while
/// staging) leaves nothing to finish: its files are swept.
fn finish(root: &Path, marker: &Path) {
    let Ok(text) = std::fs::read_to_string(marker) else {
        return;
    };
    let Ok(journal) = serde_json::from_str::<Journal>(&text) else {
        return;
    };
    for (temp, destination) in &journal.renames {
        let (Ok(temp), Ok(destination)) = (
            super::safe_join(root, temp),
            super::safe_join(root, destination),
        ) else {
            continue;
        };
        if temp.is_file() {
            let _ = std::fs::rename(&temp, &destination);
        }
    }
    for removal in &journal.removals {
        if let Ok(path) = super::safe_join(root, removal)
            && std::fs::remove_file(&path).is_ok()
        {
            super::remove_empty_parents(root, &path);
        }
    }
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
        assert_eq!(is_running(std::process::id()), Some(true));
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

    #[test]
    fn a_run_finishes_the_renames_of_a_run_that_died_after_staging() {
        if !Path::new("/proc/self").exists() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let dead = dead_pid();
        std::fs::create_dir_all(root.join(".strata")).unwrap();
        std::fs::create_dir_all(root.join("src/old")).unwrap();
        std::fs::write(root.join("a.ts"), "new a").unwrap();
        std::fs::write(root.join("b.ts"), "old b").unwrap();
        std::fs::write(root.join(format!(".b.ts.strata-{dead}.tmp")), "new b").unwrap();
        std::fs::write(root.join("src/old/gone.ts"), "old").unwrap();
        let journal = Journal {
            renames: vec![
                (format!(".a.ts.strata-{dead}.tmp"), "a.ts".to_string()),
                (format!(".b.ts.strata-{dead}.tmp"), "b.ts".to_string()),
            ],
            removals: vec!["src/old/gone.ts".to_string()],
        };
        std::fs::write(
            root.join(format!(".strata/.run.strata-{dead}.tmp")),
            serde_json::to_string(&journal).unwrap(),
        )
        .unwrap();

        drop(RunMarker::start(root).unwrap());
        assert_eq!(std::fs::read_to_string(root.join("a.ts")).unwrap(), "new a");
        assert_eq!(std::fs::read_to_string(root.join("b.ts")).unwrap(), "new b");
        assert!(!root.join("src/old").exists(), "the removal is done");
        let left: Vec<_> = std::fs::read_dir(root.join(".strata"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
