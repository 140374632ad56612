//! `strata check`: what drifted from the manifest (code, migrations, the ledger) and which imports
//! go up the layers. A hand edit alone is not drift.

pub mod all;
pub mod layers;

use std::io::Write;
use std::path::Path;

use serde::Serialize;
use serde_json::json;

use crate::error::{Error, Result};
use crate::hash::sha256;
use crate::manifest::FILE_NAME;
use crate::pipeline;
use crate::plan::Action;

/// One way the app disagrees with its manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Drift {
    pub kind: &'static str,
    pub path: String,
    pub detail: String,
}

/// Everything `check` found.
#[derive(Debug, Serialize)]
pub struct Findings {
    pub drift: Vec<Drift>,
    pub violations: Vec<layers::Violation>,
    /// Why files would change although the manifest did not: the pack or strata moved on since
    /// the app was last rendered (`its pack changed (1a2b… → 3c4d…)`).
    pub behind: Vec<String>,
}

/// What moved on since the last render, when files would change: the pack, strata, or both.
fn behind(
    previous: &crate::plan::Ledger,
    now: &crate::plan::Ledger,
    drift: &[Drift],
) -> Vec<String> {
    if !drift
        .iter()
        .any(|d| d.kind == "stale" || d.kind == "missing")
    {
        return Vec::new();
    }
    let shown = |value: &Option<String>| value.clone().unwrap_or_else(|| "none".to_string());
    let mut out = Vec::new();
    if previous.pack != now.pack {
        out.push(format!(
            "its pack changed ({} → {})",
            shown(&previous.pack),
            shown(&now.pack)
        ));
    }
    if previous.strata.is_some() && previous.strata != now.strata {
        out.push(format!(
            "strata changed ({} → {})",
            shown(&previous.strata),
            shown(&now.strata)
        ));
    }
    out
}

/// Compares the app at `root` with its manifest and scans its imports.
///
/// # Errors
/// A manifest that does not load, or an I/O error.
pub fn findings(root: &Path) -> Result<Findings> {
    let text = std::fs::read_to_string(root.join(FILE_NAME))
        .map_err(|e| Error::io("reading", root.join(FILE_NAME), e))?;
    let options = pipeline::Options {
        dry_run: true,
        ..pipeline::Options::default()
    };
    let prepared = pipeline::prepare(root, &text, &options, pipeline::Rendering::Everything)?;
    let mut drift = Vec::new();
    if let Some(migration) = &prepared.migration {
        let steps: Vec<&str> = migration.steps.iter().map(|s| s.summary.as_str()).collect();
        drift.push(Drift { kind: "schema", path: migration.path.clone(), detail: format!("the manifest changes the schema but no migration was written ({}); run `strata generate`", steps.join(", ")) });
    }
    for change in &prepared.plan.changes {
        let deleted = change
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with("deleted by hand"));
        let (kind, detail) = match change.action {
            Action::Create
                if change
                    .template
                    .as_deref()
                    .is_some_and(|t| !t.starts_with('(')) =>
            {
                ("missing", "not on disk; run `strata generate`")
            }
            Action::Keep if deleted => (
                "missing",
                "deleted by hand; `strata generate --force` brings it back",
            ),
            Action::Update => (
                "stale",
                "not edited, and now rendered differently (strata.toml, the templates or strata changed); run `strata generate`",
            ),
            Action::Delete => (
                "stale",
                "no longer generated and not edited; run `strata generate`",
            ),
            Action::Merge => (
                "stale",
                "edited by hand, and now rendered differently; `strata generate` merges the two",
            ),
            Action::Conflict if change.write.is_some() => (
                "stale",
                "edited by hand, and now rendered differently where it was edited; `strata generate` marks the conflict",
            ),
            Action::Conflict => (
                "conflict",
                "still holds the conflict markers strata wrote; resolve them, then run `strata generate`",
            ),
            _ => continue,
        };
        drift.push(Drift {
            kind,
            path: change.path.clone(),
            detail: detail.to_string(),
        });
    }
    for record in &prepared.previous.migrations {
        let path = format!("{}/{}.sql", crate::migrate::FOLDER, record.tag);
        match std::fs::read_to_string(root.join(&path)) {
            Ok(sql) if sha256(&sql) == record.sha256 => {}
            Ok(_) => drift.push(Drift {
                kind: "migration",
                path,
                detail:
                    "edited after strata wrote it; a database that applied it has another schema"
                        .into(),
            }),
            Err(_) => drift.push(Drift {
                kind: "migration",
                path,
                detail: "missing; restore it from version control".into(),
            }),
        }
    }
    let violations = layers::check(root, prepared.app.strict_layers)?;
    let behind = behind(&prepared.previous, &prepared.plan.ledger, &drift);
    Ok(Findings {
        drift,
        violations,
        behind,
    })
}

/// Runs `check`, prints the findings, and returns 1 when there are any.
///
/// # Errors
/// As [`findings`], or an error writing to stdout.
pub fn run(root: &Path, json_output: bool) -> Result<u8> {
    let found = findings(root)?;
    let clean = found.drift.is_empty() && found.violations.is_empty();
    let mut out = anstream::stdout();
    let printed = if json_output {
        let document = json!({ "ok": clean, "drift": found.drift, "violations": found.violations, "behind": found.behind, "exit_code": u8::from(!clean) });
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&document).unwrap_or_default()
        )
    } else {
        print(&mut out, &found)
    };
    printed.map_err(|e| Error::io("writing", "stdout", e))?;
    Ok(u8::from(!clean))
}

fn print(out: &mut dyn Write, found: &Findings) -> std::io::Result<()> {
    if !found.behind.is_empty() {
        writeln!(
            out,
            "behind: {}; `strata generate` brings these files up to date:",
            found.behind.join(", ")
        )?;
    }
    for drift in &found.drift {
        writeln!(
            out,
            "drift ({}): {}: {}",
            drift.kind, drift.path, drift.detail
        )?;
    }
    for violation in &found.violations {
        writeln!(
            out,
            "layering: {}:{}: imports {:?}: {}",
            violation.file, violation.line, violation.import, violation.rule
        )?;
    }
    if found.drift.is_empty() && found.violations.is_empty() {
        writeln!(
            out,
            "the app agrees with strata.toml, and every import goes down the layers"
        )?;
    } else {
        writeln!(
            out,
            "\n{} drift, {} layering violation(s)",
            found.drift.len(),
            found.violations.len()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Ledger;

    fn ledger(strata: &str, pack: Option<&str>) -> Ledger {
        Ledger {
            strata: Some(strata.to_string()),
            pack: pack.map(str::to_string),
            ..Ledger::default()
        }
    }

    #[test]
    fn behind_names_what_moved_on_when_files_would_change() {
        let stale = [Drift {
            kind: "stale",
            path: "src/lib/utils.ts".into(),
            detail: String::new(),
        }];
        let before = ledger("0.0.9", Some("1a2b"));
        let now = ledger("0.1.0", Some("3c4d"));
        assert_eq!(
            behind(&before, &now, &stale),
            [
                "its pack changed (1a2b → 3c4d)",
                "strata changed (0.0.9 → 0.1.0)"
            ]
        );
        assert!(
            behind(&before, &now, &[]).is_empty(),
            "nothing would change"
        );
        assert!(
            behind(&now, &now, &stale).is_empty(),
            "the manifest changed, not them"
        );
    }
}
