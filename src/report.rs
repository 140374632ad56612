//! What a run prints: status lines with verbs (coloured on a terminal), unified diffs, or one
//! JSON document. The library prints nothing else.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use serde_json::{Value, json};

use crate::migrate::{NewMigration, Step};
use crate::plan::{Action, Change, Plan};

fn style(action: Action) -> Style {
    let color = match action {
        Action::Create => AnsiColor::Green,
        Action::Update | Action::Merge => AnsiColor::Cyan,
        Action::Conflict | Action::Delete => AnsiColor::Red,
        Action::Keep => AnsiColor::Yellow,
        Action::Identical => AnsiColor::BrightBlack,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

/// A unified diff of what the change does to the file.
#[must_use]
pub fn unified_diff(change: &Change) -> Option<String> {
    let before = change.before.as_deref().unwrap_or("");
    let after = match change.action {
        Action::Delete => "",
        _ => change.write.as_deref()?,
    };
    if before == after {
        return None;
    }
    let patch = diffy::create_patch(before, after);
    let text = patch.to_string();
    let body = text
        .split_once('\n')
        .and_then(|(_, rest)| rest.split_once('\n'))
        .map_or(text.as_str(), |(_, rest)| rest);
    Some(format!("--- a/{0}\n+++ b/{0}\n{body}", change.path))
}

/// Prints the plan as status lines, then diffs when asked, then a summary.
///
/// # Errors
/// Errors writing to `out`.
pub fn print_plan(
    out: &mut dyn Write,
    plan: &Plan,
    migration: Option<&NewMigration>,
    deferred: &[Step],
    dry_run: bool,
    with_diff: bool,
) -> std::io::Result<()> {
    for change in &plan.changes {
        let style = style(change.action);
        write!(
            out,
            "{style}{:>10}{style:#}  {}",
            change.action.verb(),
            change.path
        )?;
        match &change.reason {
            Some(reason) => writeln!(out, "  ({reason})")?,
            None => writeln!(out)?,
        }
    }
    if let Some(migration) = migration {
        writeln!(out, "\nmigration {}:", migration.record.tag)?;
        for step in &migration.steps {
            let mark = if step.destructive {
                "  [destructive]"
            } else {
                ""
            };
            writeln!(out, "  - {}{mark}", step.summary)?;
        }
    }
    if !deferred.is_empty() {
        writeln!(
            out,
            "\nleft in the database until you pass --allow-destructive:"
        )?;
        for step in deferred {
            writeln!(out, "  - {}", step.summary)?;
        }
    }
    if with_diff {
        for diff in plan
            .changes
            .iter()
            .filter(|c| c.action.writes())
            .filter_map(unified_diff)
        {
            writeln!(out)?;
            write!(out, "{diff}")?;
        }
    }
    let counts: Vec<String> = plan
        .counts()
        .iter()
        .map(|(verb, n)| format!("{n} {verb}"))
        .collect();
    let prefix = if dry_run {
        "dry run, nothing written: "
    } else {
        ""
    };
    writeln!(out, "\n{prefix}{}", counts.join(", "))?;
    let conflicts: Vec<&str> = plan
        .changes
        .iter()
        .filter(|c| c.action == Action::Conflict)
        .map(|c| c.path.as_str())
        .collect();
    if !conflicts.is_empty() {
        writeln!(
            out,
            "\n{} file(s) have conflict markers to resolve by hand:",
            conflicts.len()
        )?;
        for path in conflicts {
            writeln!(out, "  {path}")?;
        }
        writeln!(
            out,
            "resolve the <<<<<<< / >>>>>>> blocks, then run `strata generate` again"
        )?;
    }
    Ok(())
}

/// The plan and result as one JSON document (its shape is documented in README.md).
#[must_use]
pub fn json_plan(
    command: &str,
    plan: &Plan,
    migration: Option<&NewMigration>,
    deferred: &[Step],
    dry_run: bool,
    with_diff: bool,
    exit_code: u8,
) -> Value {
    let changes: Vec<Value> = plan
        .changes
        .iter()
        .map(|c| {
            let mut entry = json!({ "path": c.path, "action": c.action.verb(), "template": c.template, "reason": c.reason });
            if with_diff {
                entry["diff"] = json!(unified_diff(c));
            }
            entry
        })
        .collect();
    let summary: serde_json::Map<String, Value> = plan
        .counts()
        .into_iter()
        .map(|(verb, n)| (verb.to_string(), json!(n)))
        .collect();
    json!({
        "command": command,
        "dry_run": dry_run,
        "changes": changes,
        "migration": migration.map(|m| json!({
            "path": m.path,
            "tag": m.record.tag,
            "steps": m.steps.iter().map(|s| json!({ "summary": s.summary, "sql": s.sql, "destructive": s.destructive })).collect::<Vec<_>>(),
        })),
        "summary": summary,
        "deferred": deferred.iter().map(|s| json!({ "summary": s.summary, "sql": s.sql })).collect::<Vec<_>>(),
        "conflicts": plan.changes.iter().filter(|c| c.action == Action::Conflict).map(|c| c.path.clone()).collect::<Vec<_>>(),
        "exit_code": exit_code,
    })
}

/// The JSON document printed for a failed run under `--json`.
#[must_use]
pub fn json_error(error: &crate::Error) -> Value {
    let (location, errors) = match error {
        crate::Error::Manifest(diagnostics) => (
            Some(diagnostics.first().position()),
            diagnostics
                .all()
                .iter()
                .map(|d| json!({ "message": d.message, "location": d.position(), "help": d.help }))
                .collect(),
        ),
        _ => (None, Vec::new()),
    };
    json!({
        "error": error.to_string(),
        "location": location,
        "errors": errors,
        "exit_code": error.exit_code(),
    })
}
