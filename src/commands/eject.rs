//! `strata templates eject`: copy templates into .strata/templates for the app to own: the team
//! pack's version of each where it has one, else strata's. The text copied is kept as the merge
//! base, so that later changes to the pack or to strata merge into the app's version.

use super::app_to_write;
use crate::apply::apply;
use crate::cli::Common;
use crate::error::{Error, Result};
use crate::hash::sha256;
use crate::manifest::Manifest;
use crate::plan::overrides::lower_layer;
use crate::plan::{Action, Change, Ledger, Plan};
use crate::render::catalog::without_orm_dir;
use crate::render::{OVERRIDE_DIR, builtin_templates};
use crate::report;

pub fn run(paths: &[String], common: &Common) -> Result<u8> {
    let root = app_to_write(common)?;
    let pack = crate::render::pack::of_manifest(&Manifest::load(&root)?)?;
    // strata's templates and those the pack adds.
    let mut names: Vec<String> = builtin_templates()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    for (name, _) in pack.iter().flat_map(|p| &p.templates) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names.sort();
    let templates: Vec<(String, String)> = names
        .into_iter()
        .map(|name| {
            let text = lower_layer(&name, pack.as_ref()).unwrap_or_default();
            (name, text)
        })
        .collect();
    // `src/dal` names the templates of both data layers (`_drizzle/src/dal/…`, `_prisma/src/dal/…`).
    let matches = |name: &str, path: &str| {
        let prefix = path.trim_end_matches('/');
        let bare = without_orm_dir(name);
        [name, bare]
            .iter()
            .any(|n| *n == prefix || n.starts_with(&format!("{prefix}/")))
    };
    for path in paths {
        if !templates.iter().any(|(name, _)| matches(name, path)) {
            return Err(Error::argument(
                path,
                "matches no template of strata's or the pack's",
                "name a template path such as src/services/__kebab__.service.ts, or a folder such as src/dal",
            ));
        }
    }
    let mut ledger = Ledger::load(&root)?;
    let previous = ledger.clone();
    let mut changes = Vec::new();
    for (name, text) in templates {
        let wanted = paths.is_empty() || paths.iter().any(|p| matches(&name, p));
        if !wanted {
            continue;
        }
        let path = format!("{OVERRIDE_DIR}/{name}");
        let before = std::fs::read_to_string(root.join(&path)).ok();
        let (action, write, reason) = match &before {
            None => (Action::Create, Some(text.clone()), None),
            Some(current) if *current == text => (Action::Identical, None, None),
            Some(_) if common.force => (
                Action::Update,
                Some(text.clone()),
                Some("--force".to_string()),
            ),
            Some(_) => (
                Action::Keep,
                None,
                Some("already ejected and edited; --force replaces it".to_string()),
            ),
        };
        // What the app's version starts from is its merge base (an edited copy keeps its own).
        let render = if action == Action::Keep {
            None
        } else {
            ledger.templates.insert(name.clone(), sha256(&text));
            Some(text)
        };
        changes.push(Change {
            path,
            action,
            template: Some(name),
            reason,
            write,
            before,
            render,
        });
    }
    let plan = Plan {
        changes,
        ledger,
        unchanged: 0,
    };
    if !common.dry_run {
        apply(&root, &plan, &previous)?;
    }
    let mut stdout = anstream::stdout();
    let printed = if common.json {
        use std::io::Write;
        writeln!(
            stdout,
            "{}",
            serde_json::to_string_pretty(&report::json_plan(
                "templates eject",
                &plan,
                None,
                &[],
                common.dry_run,
                common.diff,
                0
            ))
            .unwrap_or_default()
        )
    } else {
        report::print_plan(&mut stdout, &plan, None, &[], common.dry_run, common.diff)
    };
    printed.map_err(|e| Error::io("writing", "stdout", e))?;
    Ok(0)
}
