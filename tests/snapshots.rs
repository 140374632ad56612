//! Every generated file of every fixture manifest, pinned with insta (one snapshot per file, plus
//! the tree). Rendering happens in memory: no disk is written.

use std::path::Path;

use strata::cli::Common;
use strata::commands::pipeline::{Rendering, prepare};

fn render_fixture(name: &str) {
    let manifest = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let root = Path::new("/nonexistent/strata-snapshots").join(name);
    let prepared = prepare(&root, &manifest, &Common::default(), Rendering::Everything)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots");
    settings.bind(|| {
        let tree: Vec<String> = prepared
            .plan
            .changes
            .iter()
            .map(|c| format!("{} {}", c.action.verb(), c.path))
            .collect();
        insta::assert_snapshot!(format!("{name}@tree"), tree.join("\n"));
        for change in &prepared.plan.changes {
            let text = change.write.as_deref().unwrap_or_default();
            insta::assert_snapshot!(format!("{name}@{}", change.path.replace('/', "__")), text);
        }
    });
}

#[test]
fn minimal() {
    render_fixture("minimal");
}

#[test]
fn blog() {
    render_fixture("blog");
}

#[test]
fn tasks() {
    render_fixture("tasks");
}

#[test]
fn journal() {
    render_fixture("journal");
}

#[test]
fn kitchen_sink() {
    render_fixture("kitchen_sink");
}

#[test]
fn lending() {
    render_fixture("lending");
}

#[test]
fn rendering_is_deterministic() {
    let manifest = std::fs::read_to_string(format!(
        "{}/tests/fixtures/blog.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let root = Path::new("/nonexistent/strata-determinism");
    let first = prepare(root, &manifest, &Common::default(), Rendering::Everything).unwrap();
    let second = prepare(root, &manifest, &Common::default(), Rendering::Everything).unwrap();
    let texts = |p: &strata::commands::pipeline::Prepared| {
        p.plan
            .changes
            .iter()
            .map(|c| (c.path.clone(), c.write.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&first), texts(&second));
}
