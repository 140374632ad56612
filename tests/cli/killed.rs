//! Runs killed with SIGKILL at several points of `new` and `add resource` in an app of 100
//! resources: the app is as it was before the run or as it is after, never half; and the next run
//! of strata leaves no temporary file behind.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::support::Sandbox;

/// Resources in the app: enough that writing it takes a while.
const RESOURCES: usize = 40;

/// How long after a run is seen writing it is killed, in milliseconds: from its first temporary
/// file to (most likely) after its last rename.
const DELAYS_MS: [u64; 5] = [0, 3, 15, 60, 400];

/// When `add resource` is killed: how long after it marks itself in `.strata/` (it is staging
/// files), or after its mark holds what is left to do (it is renaming them into place).
const ADD_KILLS: [(Stage, u64); 5] = [
    (Stage::Staging, 0),
    (Stage::Staging, 3),
    (Stage::Renaming, 0),
    (Stage::Staging, 15),
    (Stage::Staging, 400),
];

#[derive(Debug, Clone, Copy)]
enum Stage {
    Staging,
    Renaming,
}

fn manifest() -> String {
    let mut text = String::from("[app]\nname = \"killed\"\n\n[auth]\nstrategy = \"jwt\"\n");
    for i in 1..=RESOURCES {
        text.push_str(&format!(
            "\n[resources.item{i}]\nfields = [\"title:string:max=120\", \"body:text?\", \
             \"status:enum:draft,live:default=draft\"]\n"
        ));
    }
    text
}

fn strata(cwd: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_strata"));
    command
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn succeeds(cwd: &Path, args: &[&str]) {
    let output = strata(cwd, args)
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "strata {args:?} in {}: {}",
        cwd.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every temporary file or folder strata names `.<name>.strata-<pid>.tmp` under `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy();
            name.contains(".strata-") && name.ends_with(".tmp")
        })
        .map(|entry| entry.path().display().to_string())
        .collect()
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry.path().strip_prefix(dir).unwrap();
            (
                relative.to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap(),
            )
        })
        .collect()
}

fn copy_tree(from: &Path, to: &Path) {
    for (path, bytes) in tree(from) {
        let destination = to.join(path);
        std::fs::create_dir_all(destination.parent().unwrap()).unwrap();
        std::fs::write(destination, bytes).unwrap();
    }
}

/// Kills `child` `delay` after `writing(its pid)` first holds; whether it was still running then.
fn kill_while_writing(mut child: Child, writing: impl Fn(u32) -> bool, delay: Duration) -> bool {
    let start = Instant::now();
    let pid = child.id();
    loop {
        if child.try_wait().expect("waits").is_some() {
            return false;
        }
        if writing(pid) {
            std::thread::sleep(delay);
            let running = child.try_wait().expect("waits").is_none();
            child.kill().expect("kills");
            // Reaped, so that its pid is no longer a live process.
            child.wait().expect("waits");
            return running;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the run never wrote"
        );
        std::thread::yield_now();
    }
}

/// Whether `dir` holds an entry whose name starts with `prefix`.
fn holds(dir: &Path, prefix: &str) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with(prefix))
    })
}

/// What differs between two trees, for a failure message.
fn difference(actual: &BTreeMap<String, Vec<u8>>, expected: &BTreeMap<String, Vec<u8>>) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (path, bytes) in actual {
        match expected.get(path) {
            None => lines.push(format!("+ {path}")),
            Some(other) if other != bytes => lines.push(format!("~ {path}")),
            Some(_) => {}
        }
    }
    for path in expected.keys().filter(|p| !actual.contains_key(*p)) {
        lines.push(format!("- {path}"));
    }
    lines.truncate(20);
    lines.join("\n")
}

#[test]
fn a_killed_run_leaves_the_app_whole_and_the_next_run_leaves_no_temporary_file() {
    let sandbox = Sandbox::new();
    let dir = sandbox.dir.path();
    let manifest_path = dir.join("many.toml");
    std::fs::write(&manifest_path, manifest()).unwrap();
    let manifest_arg = manifest_path.to_str().unwrap();
    let new_args =
        |name: &'static str| ["new", name, "--no-git", "--yes", "--manifest", manifest_arg];

    // The app as an uninterrupted `new` writes it, and as `add resource` leaves it.
    succeeds(dir, &new_args("app"));
    succeeds(&sandbox.app(), &["check"]);
    let before = tree(&sandbox.app());
    let add = ["add", "resource", "Extra", "title:string"];
    let added = dir.join("added");
    copy_tree(&sandbox.app(), &added);
    succeeds(&added, &add);
    let after = tree(&added);
    std::fs::remove_dir_all(&added).unwrap();

    // `new`, killed: the app is whole or absent.
    let mut left_beside = 0;
    for delay in DELAYS_MS {
        let killed = dir.join("killed");
        let _ = std::fs::remove_dir_all(&killed);
        let child = strata(dir, &new_args("killed")).spawn().expect("spawns");
        let running = kill_while_writing(
            child,
            |pid| holds(dir, &format!(".killed.strata-{pid}.tmp")),
            Duration::from_millis(delay),
        );
        if killed.exists() {
            let whole = tree(&killed);
            assert!(
                whole == before,
                "new killed {delay} ms into writing left a partial app:\n{}",
                difference(&whole, &before)
            );
        }
        if running && holds(dir, ".killed.strata-") {
            left_beside += 1;
        }
    }
    assert!(
        left_beside > 0,
        "no kill of `new` left a staging folder: the test did not kill while writing"
    );
    let _ = std::fs::remove_dir_all(dir.join("killed"));
    succeeds(dir, &new_args("killed"));
    assert_eq!(temporaries(dir), Vec::<String>::new(), "after the next new");
    assert!(
        tree(&dir.join("killed")) == before,
        "the next new writes the whole app"
    );

    // `add resource`, killed: after the next run the app is as before the run or as after it.
    let app = sandbox.app();
    let mut left_inside = 0;
    let mut outcomes = Vec::new();
    for (stage, delay) in ADD_KILLS {
        std::fs::remove_dir_all(&app).unwrap();
        copy_tree(&dir.join("killed"), &app);
        let child = strata(&app, &add).spawn().expect("spawns");
        let running = kill_while_writing(
            child,
            |pid| {
                let marker = app.join(format!(".strata/.run.strata-{pid}.tmp"));
                match stage {
                    Stage::Staging => marker.exists(),
                    Stage::Renaming => std::fs::metadata(&marker).is_ok_and(|m| m.len() > 0),
                }
            },
            Duration::from_millis(delay),
        );
        if running && !temporaries(&app).is_empty() {
            left_inside += 1;
        }
        succeeds(&app, &["generate"]);
        assert_eq!(
            temporaries(&app),
            Vec::<String>::new(),
            "add resource killed {delay} ms into {stage:?}, then generate"
        );
        let now = tree(&app);
        let outcome = if now == before {
            "as before"
        } else if now == after {
            "as after"
        } else {
            panic!(
                "add resource killed {delay} ms into {stage:?} left the app half-written; \
                 against the app after the run:\n{}",
                difference(&now, &after)
            )
        };
        outcomes.push((stage, delay, outcome));
    }
    assert!(
        left_inside > 0,
        "no kill of `add resource` left a temporary file ({outcomes:?}): the test did not kill \
         while writing"
    );
    succeeds(&app, &["check"]);
}
