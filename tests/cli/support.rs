//! A scratch app directory and the real `strata` binary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.toml"))
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The app directory `app` inside the sandbox.
    pub fn app(&self) -> PathBuf {
        self.dir.path().join("app")
    }

    /// Runs strata with `args` in the sandbox root.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in(self.dir.path(), args)
    }

    pub fn run_in(&self, cwd: &Path, args: &[&str]) -> Run {
        Command::cargo_bin("strata")
            .expect("binary")
            .current_dir(cwd)
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .expect("runs")
            .into()
    }

    /// `strata new app --manifest tests/fixtures/<name>.toml --no-git`, asserting success.
    pub fn new_app(&self, fixture_name: &str) {
        let manifest = fixture(fixture_name);
        let run = self.run(&[
            "new",
            "app",
            "--no-git",
            "--manifest",
            manifest.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    }

    /// Runs strata inside the app directory.
    pub fn in_app(&self, args: &[&str]) -> Run {
        self.run_in(&self.app(), args)
    }

    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.app().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn write(&self, path: &str, text: &str) {
        std::fs::write(self.app().join(path), text).expect("write");
    }

    /// Every file under the app (including .strata/) with its bytes.
    pub fn tree(&self) -> BTreeMap<String, Vec<u8>> {
        let root = self.app();
        walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path()
                        .strip_prefix(&root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }
}
