//! `strata check --all <dir>…`: many apps in one run, for a team's CI: one line each (current,
//! behind its pack or strata, drifted, or failing to load) and a summary.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::findings;
use crate::error::{Error, Result};
use crate::manifest::FILE_NAME;

/// How one app stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Current,
    Behind,
    Drift,
    Error,
}

impl Status {
    fn word(self) -> &'static str {
        match self {
            Status::Current => "ok",
            Status::Behind => "behind",
            Status::Drift => "drift",
            Status::Error => "error",
        }
    }
}

/// One app's line.
#[derive(Debug, Serialize)]
pub struct AppReport {
    pub path: String,
    pub status: Status,
    pub detail: String,
}

/// The apps `dirs` name: each directory holding a strata.toml, else its subdirectories that
/// hold one (so `strata check --all apps` checks every app in `apps/`).
fn apps_in(dirs: &[PathBuf]) -> Vec<std::result::Result<PathBuf, PathBuf>> {
    let mut out = Vec::new();
    for dir in dirs {
        if dir.join(FILE_NAME).is_file() {
            out.push(Ok(dir.clone()));
            continue;
        }
        let mut children: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.join(FILE_NAME).is_file())
            .collect();
        children.sort();
        if children.is_empty() {
            out.push(Err(dir.clone()));
        }
        out.extend(children.into_iter().map(Ok));
    }
    out
}

fn report(app: &Path) -> AppReport {
    let path = app.display().to_string();
    let (status, detail) = match findings(app) {
        Ok(found) if found.drift.is_empty() && found.violations.is_empty() => {
            (Status::Current, String::new())
        }
        Ok(found) => {
            let mut kinds: Vec<(&str, usize)> = Vec::new();
            for drift in &found.drift {
                match kinds.iter_mut().find(|(kind, _)| *kind == drift.kind) {
                    Some((_, n)) => *n += 1,
                    None => kinds.push((drift.kind, 1)),
                }
            }
            if !found.violations.is_empty() {
                kinds.push(("layering", found.violations.len()));
            }
            let detail = kinds
                .iter()
                .map(|(kind, n)| format!("{n} {kind}"))
                .collect::<Vec<_>>()
                .join(", ");
            if found.behind.is_empty() {
                (Status::Drift, detail)
            } else {
                (
                    Status::Behind,
                    format!("{detail}: {}", found.behind.join(", ")),
                )
            }
        }
        Err(error) => {
            let first = error.to_string();
            let first = first.lines().next().unwrap_or_default().to_string();
            (Status::Error, first)
        }
    };
    AppReport {
        path,
        status,
        detail,
    }
}

/// Checks every app, prints a line for each and a summary; 1 when any is not current.
///
/// # Errors
/// An error writing to stdout (an app that fails to load is a line of the report).
pub fn run(dirs: &[PathBuf], json_output: bool) -> Result<u8> {
    // The apps are independent: checked on all cores, reported in the order given.
    let reports: Vec<AppReport> =
        crate::parallel::map_in_order(&apps_in(dirs), 2, |app| match app {
            Ok(root) => report(root),
            Err(dir) => AppReport {
                path: dir.display().to_string(),
                status: Status::Error,
                detail: format!("no {FILE_NAME} here or in the folders inside"),
            },
        });
    let count = |status: Status| reports.iter().filter(|r| r.status == status).count();
    let all_current = count(Status::Current) == reports.len();
    let mut out = anstream::stdout();
    let printed = if json_output {
        let document = serde_json::json!({ "ok": all_current, "apps": reports, "exit_code": u8::from(!all_current) });
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&document).unwrap_or_default()
        )
    } else {
        let mut text = String::new();
        for report in &reports {
            let line = format!("{:<7} {}", report.status.word(), report.path);
            if report.detail.is_empty() {
                text.push_str(&format!("{line}\n"));
            } else {
                text.push_str(&format!("{line}: {}\n", report.detail));
            }
        }
        text.push_str(&format!(
            "\n{} app(s): {} current, {} behind, {} with drift, {} failed to load\n",
            reports.len(),
            count(Status::Current),
            count(Status::Behind),
            count(Status::Drift),
            count(Status::Error)
        ));
        out.write_all(text.as_bytes())
    };
    printed.map_err(|e| Error::io("writing", "stdout", e))?;
    Ok(u8::from(!all_current))
}
