//! Everything above the data access layer is the same code whichever ORM queries the database:
//! for every fixture, rendered with `orm = "drizzle"` and with `orm = "prisma"`, only the data
//! layer, its configuration and the documents about it may differ.

use std::collections::BTreeMap;
use std::path::Path;

use strata::pipeline::Options;
use strata::pipeline::{Rendering, prepare};

/// Files and folders whose content depends on the ORM.
const MAY_DIFFER: &[&str] = &[
    "src/db/",
    "src/dal/",
    "src/lib/db.ts",
    "prisma/",
    "prisma.config.ts",
    "drizzle.config.ts",
    "scripts/generate-client.mjs",
    "scripts/migrate.ts",
    "package.json",
    "README.md",
    "AGENTS.md",
    ".gitignore",
    "eslint.config.mjs",
    "tests/database.ts",
    "tests/database-errors.test.ts",
    "tests/prisma.test.ts",
    // The manifest itself says which ORM.
    "strata.toml",
];

fn may_differ(path: &str) -> bool {
    MAY_DIFFER
        .iter()
        .any(|p| path == *p || (p.ends_with('/') && path.starts_with(p)))
}

/// The fixture's manifest with `orm` set; optional arrays, which Prisma cannot store, become
/// required in both variants so that the two describe the same app.
fn manifest(fixture: &str, orm: &str) -> String {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{fixture}.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("orm = ") {
            continue;
        }
        out.push_str(
            &line
                .replace("?:max=", ":max=")
                .replace("array:integer?", "array:integer"),
        );
        out.push('\n');
        if line == "[app]" {
            out.push_str(&format!("orm = \"{orm}\"\n"));
        }
    }
    out
}

fn files(fixture: &str, orm: &str) -> BTreeMap<String, String> {
    let root = Path::new("/nonexistent/strata-orm").join(fixture);
    let prepared = prepare(
        &root,
        &manifest(fixture, orm),
        &Options::default(),
        Rendering::Everything,
    )
    .unwrap_or_else(|e| panic!("{fixture} ({orm}): {e}"));
    prepared
        .plan
        .changes
        .into_iter()
        .map(|c| (c.path, c.write.unwrap_or_default()))
        .collect()
}

#[test]
fn everything_above_the_dal_is_the_same_for_both_orms() {
    let fixtures: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|name| name.strip_suffix(".toml").map(str::to_string))
            .collect();
    assert!(fixtures.len() >= 7, "{fixtures:?}");
    for fixture in &fixtures {
        let drizzle = files(fixture, "drizzle");
        let prisma = files(fixture, "prisma");
        for (path, text) in &drizzle {
            if may_differ(path) {
                continue;
            }
            let other = prisma
                .get(path)
                .unwrap_or_else(|| panic!("{fixture}: {path} is missing with Prisma"));
            assert!(
                other == text,
                "{fixture}: {path} differs between Drizzle and Prisma"
            );
        }
        for path in prisma.keys() {
            assert!(
                drizzle.contains_key(path) || may_differ(path),
                "{fixture}: {path} exists only with Prisma"
            );
        }
        // One SQL history for both.
        assert!(drizzle.keys().any(|p| p.starts_with("drizzle/")));
    }
}

#[test]
fn the_list_of_files_that_may_differ_is_no_longer_than_it_must_be() {
    let drizzle = files("blog", "drizzle");
    let prisma = files("blog", "prisma");
    for entry in MAY_DIFFER {
        let differs = drizzle
            .keys()
            .chain(prisma.keys())
            .filter(|path| *path == entry || (entry.ends_with('/') && path.starts_with(entry)))
            .any(|path| drizzle.get(path) != prisma.get(path));
        assert!(
            differs,
            "{entry} is the same for both ORMs: take it off MAY_DIFFER"
        );
    }
}
