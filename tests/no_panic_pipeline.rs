//! Every manifest the parser accepts goes through the whole pipeline without a panic: rendering,
//! planning and the migration diff, for one manifest and for a sequence of edits applied to one
//! app on disk. Invalid manifests only return errors.
//!
//! `STRATA_PIPELINE_CASES` sets the number of cases (a long campaign: `bench/no_panic.py`).

use std::path::Path;

use std::sync::atomic::{AtomicU32, Ordering};

use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};
use strata::pipeline::Options;
use strata::pipeline::{Rendering, execute, prepare};

/// A field's type, as the DSL writes it, and whether `unique`/`default` make sense for it.
const TYPES: &[&str] = &[
    "string",
    "string:max=12",
    "text",
    "integer:min=-5:max=500",
    "bigint",
    "float",
    "decimal:precision=8:scale=3",
    "decimal:precision=4:scale=0",
    "boolean:default=true",
    "date",
    "datetime",
    "uuid",
    "email",
    "url",
    "json",
    "enum:red,green,blue_sky",
    "array:string",
    "array:integer",
    "array:date",
    "ref",
];

/// One field as the generator picks it, before names are attached.
#[derive(Debug, Clone)]
struct FieldPick {
    name: String,
    ty: usize,
    optional: bool,
    unique: bool,
    private: bool,
}

#[derive(Debug, Clone)]
struct ResourcePick {
    name: String,
    fields: Vec<FieldPick>,
    owned: bool,
}

#[derive(Debug, Clone)]
struct AppPick {
    orm: &'static str,
    api: &'static str,
    auth: &'static str,
    database: &'static str,
    resources: Vec<ResourcePick>,
}

/// Every name of the app's own, as a resource or field would be written (`checkReadiness` →
/// `check_readiness`): the names most likely to collide, drawn as often as random ones.
fn registry_names() -> Vec<String> {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            let text = "[app]\nname = \"gen\"\napi = \"both\"\n\n[auth]\nstrategy = \"jwt\"\n";
            let manifest = strata::manifest::Manifest::parse(
                Path::new("/nonexistent").to_path_buf(),
                "strata.toml",
                text.to_string(),
            )
            .unwrap();
            let app = strata::model::build(&manifest).unwrap();
            let mut names: Vec<String> = strata::registry::built_in(&app)
                .into_keys()
                .map(|(_, name)| {
                    let last = name.rsplit('/').next().unwrap_or_default();
                    heck::ToSnakeCase::to_snake_case(last.split('.').next().unwrap_or_default())
                })
                .filter(|name| name.len() > 1 && name.starts_with(|c: char| c.is_ascii_lowercase()))
                .collect();
            names.sort();
            names.dedup();
            names
        })
        .clone()
}

/// A name: random, or one of the app's own.
fn name(random: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        random.prop_map(|s: String| s),
        prop::sample::select(registry_names())
    ]
}

fn field() -> impl Strategy<Value = FieldPick> {
    (
        name("[a-z][a-z_]{0,14}[a-z]"),
        0..TYPES.len(),
        any::<bool>(),
        prop::bool::weighted(0.15),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(name, ty, optional, unique, private)| FieldPick {
            name,
            ty,
            optional,
            unique,
            private,
        })
}

fn resource() -> impl Strategy<Value = ResourcePick> {
    (
        name("[a-z][a-z_]{0,18}[a-z]"),
        prop::collection::vec(field(), 1..6),
        any::<bool>(),
    )
        .prop_map(|(name, fields, owned)| ResourcePick {
            name,
            fields,
            owned,
        })
}

fn app() -> impl Strategy<Value = AppPick> {
    (
        prop_oneof![Just("drizzle"), Just("prisma")],
        prop_oneof![Just("routes"), Just("actions"), Just("both")],
        prop_oneof![Just("jwt"), Just("session"), Just("none")],
        prop_oneof![Just("pglite"), Just("postgres")],
        prop::collection::vec(resource(), 1..4),
    )
        .prop_map(|(orm, api, auth, database, resources)| AppPick {
            orm,
            api,
            auth,
            database,
            resources,
        })
}

/// The manifest text of a pick: a `ref` points to the first resource (or `user` with auth).
fn manifest(pick: &AppPick) -> String {
    let mut text = format!(
        "[app]\nname = \"gen\"\ndatabase = \"{}\"\norm = \"{}\"\napi = \"{}\"\n\n[auth]\nstrategy = \"{}\"\n",
        pick.database, pick.orm, pick.api, pick.auth
    );
    let first = &pick.resources[0].name;
    for resource in &pick.resources {
        let fields: Vec<String> = resource
            .fields
            .iter()
            .map(|f| {
                let ty = match TYPES[f.ty] {
                    "ref" if pick.auth != "none" && f.unique => "ref:user".to_string(),
                    "ref" => format!("ref:{first}"),
                    other => other.to_string(),
                };
                let mut spec = format!("{}:{ty}", f.name);
                if f.optional || (TYPES[f.ty] == "ref" && &resource.name == first) {
                    spec.push_str(":optional");
                }
                if f.unique && !ty.starts_with("ref") {
                    spec.push_str(":unique");
                }
                if f.private {
                    spec.push_str(":private");
                }
                format!("{spec:?}")
            })
            .collect();
        text.push_str(&format!(
            "\n[resources.{}]\nfields = [{}]\n",
            resource.name,
            fields.join(", ")
        ));
        if resource.owned {
            text.push_str("owned = true\n");
        }
    }
    text
}

/// An edit a user might make between two runs of `generate`.
#[derive(Debug, Clone)]
enum Edit {
    AddField(usize, FieldPick),
    DropField(usize, usize),
    ChangeType(usize, usize, usize),
    ToggleOptional(usize, usize),
    AddResource(ResourcePick),
    DropResource(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..4usize, field()).prop_map(|(r, f)| Edit::AddField(r, f)),
        (0..4usize, 0..6usize).prop_map(|(r, f)| Edit::DropField(r, f)),
        (0..4usize, 0..6usize, 0..TYPES.len()).prop_map(|(r, f, t)| Edit::ChangeType(r, f, t)),
        (0..4usize, 0..6usize).prop_map(|(r, f)| Edit::ToggleOptional(r, f)),
        resource().prop_map(Edit::AddResource),
        (0..4usize).prop_map(Edit::DropResource),
    ]
}

fn applied(pick: &AppPick, edit: &Edit) -> AppPick {
    let mut next = pick.clone();
    let count = next.resources.len();
    match edit.clone() {
        Edit::AddField(r, f) => next.resources[r % count].fields.push(f),
        Edit::DropField(r, f) => {
            let fields = &mut next.resources[r % count].fields;
            if fields.len() > 1 {
                fields.remove(f % fields.len());
            }
        }
        Edit::ChangeType(r, f, t) => {
            let fields = &mut next.resources[r % count].fields;
            let len = fields.len();
            fields[f % len].ty = t;
        }
        Edit::ToggleOptional(r, f) => {
            let fields = &mut next.resources[r % count].fields;
            let len = fields.len();
            fields[f % len].optional = !fields[f % len].optional;
        }
        Edit::AddResource(resource) => next.resources.push(resource),
        Edit::DropResource(r) => {
            if count > 1 {
                next.resources.remove(r % count);
            }
        }
    }
    next
}

fn cases(default: u32) -> u32 {
    std::env::var("STRATA_PIPELINE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Everything is allowed: the plan then includes destructive steps, so they are exercised too.
fn common() -> Options {
    Options {
        allow_destructive: true,
        ..Options::default()
    }
}

/// Runs `check` on `cases` generated values; returns how many reached the pipeline's end.
fn campaign<T: std::fmt::Debug>(
    name: &str,
    cases: u32,
    strategy: impl Strategy<Value = T>,
    check: impl Fn(T) -> Result<bool, TestCaseError>,
) {
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let reached = AtomicU32::new(0);
    let started = std::time::Instant::now();
    TestRunner::new(config)
        .run(&strategy, |value| {
            if check(value)? {
                reached.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        })
        .unwrap();
    let reached = reached.into_inner();
    eprintln!(
        "{name}: {cases} cases, {reached} valid through the pipeline, 0 panics, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // A generator that made only invalid manifests would test nothing past the parser.
    assert!(
        reached * 4 >= cases,
        "{name}: only {reached} of {cases} generated manifests were valid"
    );
}

/// Render and plan (with the first migration) in memory.
#[test]
fn any_manifest_renders_and_plans_without_a_panic() {
    campaign("render and plan", cases(256), app(), |pick| {
        let root = Path::new("/nonexistent/strata-no-panic");
        Ok(prepare(root, &manifest(&pick), &common(), Rendering::Everything).is_ok())
    });
}

/// Generate, edit the manifest, generate again (a migration diff against the last schema), on
/// disk, as a user would.
#[test]
fn a_sequence_of_edits_applies_without_a_panic() {
    let strategy = (app(), prop::collection::vec(edit(), 1..4));
    campaign("edit sequences", cases(24), strategy, |(pick, edits)| {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut current = pick;
        let mut valid = false;
        if let Ok(prepared) = prepare(root, &manifest(&current), &common(), Rendering::Everything) {
            let written = execute(root, &prepared, &common());
            prop_assert!(
                written.is_ok(),
                "writing the app failed: {:?}",
                written.err()
            );
            valid = true;
        }
        for edit in &edits {
            current = applied(&current, edit);
            if let Ok(prepared) =
                prepare(root, &manifest(&current), &common(), Rendering::Incremental)
            {
                let written = execute(root, &prepared, &common());
                prop_assert!(
                    written.is_ok(),
                    "writing after {edit:?} failed: {:?}",
                    written.err()
                );
            }
        }
        Ok(valid)
    });
}
