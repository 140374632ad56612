//! The shared path of every writing command and of `check`: manifest text → model → renders →
//! formatted text → plan → apply. It takes [`Options`] of its own; the command line converts its
//! flags to them.

mod schema_plan;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::error::{Error, Result};
use crate::manifest::{FILE_NAME, Manifest};
use crate::migrate::{self, NewMigration};
use crate::model::{App, route_group};
use crate::plan::overrides;
use crate::plan::{Action, Change, Inputs, Ledger, Plan, classify};
use crate::render::catalog::{self, Rendered, render_app};
use crate::render::{Renderer, incremental, openapi, pack};
use schema_plan::{SchemaPlan, plan_schema};

/// A worker's result; its panic is the same bug it would be on this thread, so it surfaces.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Files formatted on one thread before another is worth starting.
const FORMATS_PER_THREAD: usize = 8;

/// The format stage: every rendered file the app's format check covers, laid out as it would.
/// A file whose render is what it was last run (`source`, in the ledger) takes its formatted text
/// from the merge base, what strata wrote then, instead of being formatted again; one of
/// strata's templates without a tag is written as it is, already formatted. Returns the files
/// and, for the formatted ones, the key of their render.
fn formatted(
    rendered: BTreeMap<String, Rendered>,
    renderer: &Renderer,
    previous: &Ledger,
    root: &Path,
) -> Result<(BTreeMap<String, Rendered>, BTreeMap<String, String>)> {
    let files: Vec<(String, Rendered)> = rendered.into_iter().collect();
    let results = crate::parallel::map_in_order(&files, FORMATS_PER_THREAD, |(path, file)| {
        if !crate::format::covers(path) || renderer.is_written_formatted(&file.template) {
            return Ok::<_, Error>((path.clone(), file.clone(), None));
        }
        let source = crate::format::source_key(&file.content);
        let reused = previous
            .files
            .get(path)
            .filter(|record| record.source.as_deref() == Some(source.as_str()))
            .and_then(|_| previous.base(root, path).ok().flatten());
        let content = match reused {
            Some(text) => text,
            None => crate::format::format(path, file.content.clone()).map_err(|error| {
                Error::Format {
                    template: file.template.clone(),
                    path: path.clone(),
                    message: error.message,
                }
            })?,
        };
        let file = Rendered {
            template: file.template.clone(),
            content,
        };
        Ok((path.clone(), file, Some(source)))
    });
    let mut desired = BTreeMap::new();
    let mut sources = BTreeMap::new();
    for result in results {
        let (path, file, source) = result?;
        if let Some(source) = source {
            sources.insert(path.clone(), source);
        }
        desired.insert(path, file);
    }
    Ok((desired, sources))
}

/// From this many resources on, the OpenAPI document and the schema snapshot get threads.
const LARGE_APP: usize = 16;

/// What a run may do, whoever asks for it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Plan only: [`execute`] writes nothing.
    pub dry_run: bool,
    /// Overwrite edited files instead of merging them (and restore deleted ones).
    pub force: bool,
    /// Write migrations that drop tables or columns or change types.
    pub allow_destructive: bool,
}

/// A computed run: the plan, the migration it writes, and the model it came from.
pub struct Prepared {
    pub app: App,
    pub plan: Plan,
    pub migration: Option<NewMigration>,
    pub previous: Ledger,
    /// Destructive steps left out for want of `--allow-destructive`.
    pub deferred: Vec<migrate::Step>,
}

/// Which files a run renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// Skip the resources whose render inputs are unchanged since the ledger recorded them:
    /// their files would render exactly as their merge bases, so nothing about them can change.
    Incremental,
    /// Render and compare every file (for `check`, and for `--force`, which restores files).
    Everything,
}

/// Plans a run of the app at `root` whose manifest will read `manifest_text`.
///
/// # Errors
/// Bad manifest, template errors, destructive changes without consent, I/O errors.
pub fn prepare(
    root: &Path,
    manifest_text: &str,
    options: &Options,
    rendering: Rendering,
) -> Result<Prepared> {
    let manifest = Manifest::parse(root.to_path_buf(), FILE_NAME, manifest_text.to_string())?;
    let app = crate::registry::validated(&manifest)?;
    let pack = pack::of_manifest(&manifest)?;
    let previous = Ledger::load(root)?;
    let overrides = overrides::merge(root, &previous, pack.as_ref())?;
    let renderer = Renderer::from_layers(pack.as_ref(), &overrides.texts)?;
    let fingerprints = incremental::fingerprints(&app, &renderer);
    let skip = if rendering == Rendering::Incremental && !options.force {
        incremental::reusable(&app, &renderer, &fingerprints, &previous.renders, &|path| {
            previous.files.contains_key(path)
        })
    } else {
        Vec::new()
    };
    let unchanged = incremental::skipped_paths(&app, &renderer, &skip);
    let schema_plan = plan_schema(&previous, &app, options.allow_destructive)?;
    // The OpenAPI document and the drizzle-kit snapshot are large files built from every
    // resource: in a large app they are built on threads of their own while the templates render.
    let (rendered, openapi_document, snapshot) = if app.resources.len() >= LARGE_APP {
        std::thread::scope(|scope| {
            let document = scope.spawn(|| openapi::document(&app));
            let snapshot = scope.spawn(|| schema_plan.snapshot(&previous));
            let rendered = render_app(&app, &renderer, &skip);
            (rendered, joined(document), joined(snapshot))
        })
    } else {
        let rendered = render_app(&app, &renderer, &skip);
        (
            rendered,
            openapi::document(&app),
            schema_plan.snapshot(&previous),
        )
    };
    let (mut desired, sources) =
        formatted(rendered?, &renderer, &previous, root).map_err(|e| renderer.locate(e))?;
    desired.insert(
        crate::manifest::schema::PATH.to_string(),
        Rendered {
            template: crate::manifest::schema::TEMPLATE.to_string(),
            content: crate::manifest::schema::TEXT.to_string(),
        },
    );
    desired.insert(
        crate::format::CONFIG_PATH.to_string(),
        Rendered {
            template: crate::format::CONFIG_TEMPLATE.to_string(),
            content: crate::format::app_config(),
        },
    );
    desired.insert(
        openapi::PATH.to_string(),
        Rendered {
            template: openapi::TEMPLATE.to_string(),
            content: openapi_document,
        },
    );
    let SchemaPlan {
        schema,
        deferred,
        migration,
        migrations,
    } = schema_plan;
    desired.insert(
        migrate::JOURNAL.to_string(),
        Rendered {
            template: "(migrations journal)".to_string(),
            content: migrate::journal(&migrations),
        },
    );

    // A renamed resource's files, and route handlers whose group changed, move: hand edits
    // and merge bases with them.
    let rendered_paths: BTreeSet<&str> = desired.keys().map(String::as_str).collect();
    // Files of resources not rendered this run cannot have moved.
    let tracked_paths: BTreeSet<&str> = previous
        .files
        .keys()
        .filter(|path| !unchanged.contains(*path))
        .map(String::as_str)
        .collect();
    let moves = route_group::regroup_moves(
        &catalog::moves(&app, &renderer),
        &rendered_paths,
        &tracked_paths,
    );
    let mut ledger_view = previous.clone();
    let mut moved_from: HashMap<String, String> = HashMap::new();
    for (old, new) in &moves {
        if ledger_view.files.contains_key(new) {
            continue;
        }
        if let Some(record) = ledger_view.files.remove(old) {
            ledger_view.files.insert(new.clone(), record);
            moved_from.insert(new.clone(), old.clone());
        }
    }
    let paths: Vec<&String> = desired
        .keys()
        .chain(
            previous
                .files
                .iter()
                .filter(|(p, record)| !unchanged.contains(*p) || record.conflict)
                .map(|(p, _)| p),
        )
        .collect();
    let on_disk = read_all(root, &paths);
    let read = |path: &str| {
        let here = on_disk.get(path).cloned().flatten();
        here.or_else(|| {
            moved_from
                .get(path)
                .and_then(|old| on_disk.get(old).cloned().flatten())
        })
    };
    let inputs = Inputs {
        desired: &desired,
        ledger: &ledger_view,
        disk: read,
        base: |path: &str| {
            previous
                .base(root, moved_from.get(path).map_or(path, String::as_str))
                .ok()
                .flatten()
        },
        force: options.force,
        unchanged: &unchanged,
    };
    let mut plan = classify(&inputs);
    plan.ledger.version = 1;
    plan.ledger.strata = Some(env!("CARGO_PKG_VERSION").to_string());
    plan.ledger.pack = pack.as_ref().map(|p| p.revision.clone());
    plan.ledger.templates = overrides.bases;
    for (path, record) in &mut plan.ledger.files {
        if let Some(source) = sources.get(path) {
            record.source = Some(source.clone());
        }
        record.pack = pack
            .as_ref()
            .filter(|_| renderer.is_from_pack(&record.template))
            .map(|p| p.revision.clone());
    }
    plan.changes.extend(overrides.changes);
    plan.ledger.renders = fingerprints;
    plan.ledger.migrations = migrations;
    plan.ledger.schema = schema;
    add_manifest_change(&mut plan, root, manifest_text);
    for change in &mut plan.changes {
        // A file that moved but whose text stays (its route group changed) is written where it
        // goes, as it was.
        let Some(old) = moved_from.get(&change.path) else {
            continue;
        };
        if change.write.is_none() && matches!(change.action, Action::Identical | Action::Keep) {
            change.write = on_disk.get(old).cloned().flatten();
            change.action = Action::Update;
            change.reason = Some(format!("moved from {old}"));
        }
    }
    for (new, old) in &moved_from {
        if let Some(before) = on_disk.get(old).cloned().flatten() {
            plan.changes.push(Change {
                path: old.clone(),
                action: Action::Delete,
                template: None,
                reason: Some(format!("moved to {new}")),
                write: None,
                before: Some(before),
                render: None,
            });
        }
    }
    if let (Some(migration), Some(snapshot)) = (&migration, snapshot) {
        plan.changes.push(Change {
            path: migration.path.clone(),
            action: Action::Create,
            template: Some("(migration)".to_string()),
            reason: None,
            write: Some(migration.sql.clone()),
            before: None,
            render: None,
        });
        plan.changes.push(Change {
            path: migrate::snapshot::path(&migration.record.tag),
            action: Action::Create,
            template: Some("(drizzle-kit snapshot)".to_string()),
            reason: None,
            write: Some(snapshot),
            before: None,
            render: None,
        });
    }
    plan.changes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Prepared {
        deferred,
        app,
        plan,
        migration,
        previous,
    })
}

/// The current text of every path (`None` when absent), read on all cores when there are many.
fn read_all(root: &Path, paths: &[&String]) -> HashMap<String, Option<String>> {
    crate::parallel::map_in_order(paths, 256, |path| {
        (
            (*path).clone(),
            std::fs::read_to_string(root.join(path)).ok(),
        )
    })
    .into_iter()
    .collect()
}

fn add_manifest_change(plan: &mut Plan, root: &Path, text: &str) {
    let before = std::fs::read_to_string(root.join(FILE_NAME)).ok();
    let action = match &before {
        None => Action::Create,
        Some(current) if current == text => return,
        Some(_) => Action::Update,
    };
    plan.changes.push(Change {
        path: FILE_NAME.to_string(),
        action,
        template: None,
        reason: None,
        write: Some(text.to_string()),
        before,
        render: None,
    });
}

/// Writes a prepared run unless it is a dry run.
///
/// # Errors
/// I/O errors; nothing is half-written.
pub fn execute(root: &Path, prepared: &Prepared, options: &Options) -> Result<()> {
    if options.dry_run {
        return Ok(());
    }
    crate::apply::apply(root, &prepared.plan, &prepared.previous)
}
