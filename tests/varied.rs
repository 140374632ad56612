//! Apps from manifests named and shaped unlike the fixtures (`tests/varied/`: longer, very long
//! (35–100 characters) and one-letter names, irregular plurals, every field type as required and
//! optional, Prisma, resources named as the app's own parts are named), checked in one batch by
//! the tools a team runs: typecheck, eslint (warnings included), the app's own format check, and
//! its own tests. Code that is clean only for the fixtures' names fails here.

#[allow(dead_code)]
mod e2e_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use e2e_support::{SERIAL, bin, in_dir, repo, step};

const MANIFESTS: &[&str] = &[
    "long_names",
    "short_names",
    "plurals",
    "every_type",
    "very_long_names",
    "very_long_names_prisma",
    "registry_names",
    "hundred_character_names",
];

fn generate(work: &Path, name: &str) -> PathBuf {
    let app = work.join(name);
    let mut new = Command::new(env!("CARGO_BIN_EXE_strata"));
    new.current_dir(work)
        .args(["new", name, "--no-git", "--manifest"])
        .arg(repo().join(format!("tests/varied/{name}.toml")));
    step(name, "strata new", &mut new);
    app
}

fn install(app: &Path, label: &str) {
    step(
        label,
        "npm install",
        in_dir("npm", app).args(["install", "--prefer-offline", "--no-audit", "--no-fund"]),
    );
}

#[test]
#[ignore = "needs node and npm; .ci/run runs it"]
fn apps_from_varied_manifests_are_clean() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let work = tempfile::tempdir().expect("temp dir");
    let apps: Vec<(&str, PathBuf)> = MANIFESTS
        .iter()
        .map(|name| (*name, generate(work.path(), name)))
        .collect();
    // One install per data layer: the Drizzle apps share the first one's packages.
    let mut drizzle_modules: Option<PathBuf> = None;
    for (name, app) in &apps {
        let prisma = std::fs::read_to_string(app.join("strata.toml"))
            .unwrap()
            .contains("orm = \"prisma\"");
        match &drizzle_modules {
            Some(modules) if !prisma => {
                std::os::unix::fs::symlink(modules, app.join("node_modules")).unwrap();
            }
            _ => {
                install(app, name);
                if !prisma {
                    drizzle_modules = Some(app.join("node_modules"));
                }
            }
        }
    }
    for (name, app) in &apps {
        step(
            name,
            "npm run typecheck",
            in_dir("npm", app).args(["run", "typecheck"]),
        );
        // Warnings too: a team's CI often runs with --max-warnings 0.
        step(
            name,
            "eslint --max-warnings 0 .",
            in_dir(&bin(app, "eslint"), app).args(["--max-warnings", "0", "."]),
        );
        step(
            name,
            "npm run format:check",
            in_dir("npm", app).args(["run", "format:check"]),
        );
        step(name, "npm test", in_dir("npm", app).arg("test"));
    }
}
