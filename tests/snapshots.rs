//! Every generated file of every fixture manifest, pinned with insta (one snapshot per file, plus
//! the tree). Rendering happens in memory: no disk is written.

use std::path::Path;

use strata::pipeline::Options;
use strata::pipeline::{Rendering, prepare};

/// Every fixture manifest in `tests/fixtures/`, by name.
fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let stem = path.file_stem()?.to_str()?.to_string();
            (path.extension()? == "toml").then_some(stem)
        })
        .collect();
    names.sort();
    names
}

fn prepared(name: &str) -> strata::pipeline::Prepared {
    let manifest = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let root = Path::new("/nonexistent/strata-snapshots").join(name);
    prepare(&root, &manifest, &Options::default(), Rendering::Everything)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The snapshot file of a fixture's file (`tree` for the list of files).
fn snapshot_name(fixture: &str, path: &str) -> String {
    format!("{fixture}@{}", path.replace('/', "__"))
}

fn render_fixture(name: &str) {
    let prepared = prepared(name);
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots");
    // Each file names its own snapshot (`blog@src__app__page.tsx`): no suffix from the glob.
    settings.remove_snapshot_suffix();
    settings.remove_input_file();
    settings.bind(|| {
        let tree: Vec<String> = prepared
            .plan
            .changes
            .iter()
            .map(|c| format!("{} {}", c.action.verb(), c.path))
            .collect();
        insta::assert_snapshot!(snapshot_name(name, "tree"), tree.join("\n"));
        for change in &prepared.plan.changes {
            let text = change.write.as_deref().unwrap_or_default();
            insta::assert_snapshot!(snapshot_name(name, &change.path), text);
        }
    });
}

/// Every file of every fixture manifest: a new fixture is pinned by being added to the folder.
#[test]
fn every_generated_file_of_every_fixture() {
    insta::glob!("fixtures/*.toml", |path| {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap();
        render_fixture(name);
    });
}

/// No snapshot is left over from a file strata no longer writes (what `cargo insta test
/// --unreferenced=reject` checks, without needing cargo-insta).
#[test]
fn every_snapshot_is_of_a_generated_file() {
    let mut expected: Vec<String> = fixtures()
        .iter()
        .flat_map(|fixture| {
            let prepared = prepared(fixture);
            std::iter::once(snapshot_name(fixture, "tree"))
                .chain(
                    prepared
                        .plan
                        .changes
                        .iter()
                        .map(|c| snapshot_name(fixture, &c.path)),
                )
                .collect::<Vec<_>>()
        })
        .map(|name| format!("{name}.snap"))
        .collect();
    expected.sort();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut stored: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".snap"))
        .collect();
    stored.sort();
    let unreferenced: Vec<&String> = stored.iter().filter(|s| !expected.contains(s)).collect();
    assert!(
        unreferenced.is_empty(),
        "snapshots of files strata no longer writes (delete them): {unreferenced:?}"
    );
}

/// Styling is Tailwind classes on semantic tokens: no page or component carries an inline `style`
/// attribute (which would also rule out a strict `style-src` Content-Security-Policy later).
#[test]
fn no_generated_file_has_an_inline_style_attribute() {
    for fixture in fixtures() {
        for change in &prepared(&fixture).plan.changes {
            let text = change.write.as_deref().unwrap_or_default();
            if change.path.ends_with(".tsx") {
                assert!(
                    !text.contains("style={") && !text.contains(" style=\""),
                    "{fixture}: {} has an inline style attribute",
                    change.path
                );
            }
        }
    }
}

#[test]
fn rendering_is_deterministic() {
    let manifest = std::fs::read_to_string(format!(
        "{}/tests/fixtures/blog.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let root = Path::new("/nonexistent/strata-determinism");
    let first = prepare(root, &manifest, &Options::default(), Rendering::Everything).unwrap();
    let second = prepare(root, &manifest, &Options::default(), Rendering::Everything).unwrap();
    let texts = |p: &strata::pipeline::Prepared| {
        p.plan
            .changes
            .iter()
            .map(|c| (c.path.clone(), c.write.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&first), texts(&second));
}

/// strata formats each file once; the app's `format:check` formats it again. Every file of every
/// fixture must therefore be a fixed point of the formatter, or the app fails its own check.
#[test]
fn every_formatted_file_is_a_fixed_point_of_the_formatter() {
    let mut moving = Vec::new();
    for fixture in fixtures() {
        for change in &prepared(&fixture).plan.changes {
            let Some(text) = change.write.as_deref() else {
                continue;
            };
            let again = strata::format::format(&change.path, text.to_string())
                .unwrap_or_else(|e| panic!("{fixture}: {e}"));
            if again != text {
                moving.push(format!("{fixture}: {}", change.path));
            }
        }
    }
    assert!(moving.is_empty(), "a second pass changes {moving:?}");
}
