//! End to end, schema evolution: an app grows step by step on the same databases (a PGlite
//! directory and a real PostgreSQL server) without losing a row or a hand edit. After each step:
//! migrate both, check the old rows, `tsc`, `eslint`, `npm test`, the hand edit, `drizzle-kit
//! generate` (nothing to do) and `strata check` (exit 0).
//!
//! Like `tests/e2e.rs` it needs node, npm and PostgreSQL (installed where missing), so it is
//! `#[ignore]`d in a plain `cargo test` and run by `cargo test -- --include-ignored`.

// Each end-to-end binary uses its own part of the shared support module.
#[allow(dead_code)]
mod e2e_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use e2e_support::{Postgres, SERIAL, Server, assert_drizzle_kit_agrees, bin, in_dir, repo, step};

const FIXTURE: &str = "library";
const HAND_EDIT: &str =
    "\n/** Hand-written: kept through every step. */\nexport const SHELF_SIZE = 40\n";

struct Databases {
    pglite: PathBuf,
    postgres: Postgres,
}

impl Databases {
    /// Applies pending migrations to both databases with `npm run db:migrate`.
    fn migrate(&self, app: &Path, label: &str) {
        let pglite = self.pglite.display().to_string();
        step(
            FIXTURE,
            &format!("{label}: migrate PGlite"),
            in_dir("npm", app)
                .args(["run", "db:migrate"])
                .env("PGLITE_DIR", &pglite),
        );
        step(
            FIXTURE,
            &format!("{label}: migrate PostgreSQL"),
            in_dir("npm", app)
                .args(["run", "db:migrate"])
                .env("DATABASE_URL", &self.postgres.url),
        );
    }

    /// Runs `sql` on both databases and asserts both answer `expected` (rows as `a|b`, one a line).
    fn expect(&self, app: &Path, sql: &str, expected: &str) {
        let script = format!(
            "import {{ PGlite }} from '@electric-sql/pglite'\nconst db = new PGlite({:?})\nconst result = await db.query({sql:?})\nconsole.log(result.rows.map((row) => Object.values(row).map((v) => v ?? '').join('|')).join('\\n'))\nawait db.close()",
            self.pglite.display().to_string()
        );
        let pglite = in_dir("node", app)
            .args(["--input-type=module", "-e", &script])
            .output()
            .expect("node runs");
        assert!(
            pglite.status.success(),
            "PGlite query failed: {}",
            String::from_utf8_lossy(&pglite.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&pglite.stdout).trim(),
            expected,
            "PGlite: {sql}"
        );
        let port = self.postgres.port.to_string();
        let psql = Command::new("psql")
            .args([
                "-tA",
                "-h",
                "127.0.0.1",
                "-p",
                &port,
                "-U",
                "postgres",
                "-d",
                "app",
                "-c",
                sql,
            ])
            .output()
            .expect("psql runs");
        assert!(
            psql.status.success(),
            "psql failed: {}",
            String::from_utf8_lossy(&psql.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&psql.stdout).trim(),
            expected,
            "PostgreSQL: {sql}"
        );
    }
}

fn strata(app: &Path, label: &str, args: &[&str]) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_strata"));
    command.current_dir(app).args(args);
    step(
        FIXTURE,
        &format!("{label}: strata {}", args.join(" ")),
        &mut command,
    );
}

fn edit_manifest(app: &Path, from: &str, to: &str) {
    let path = app.join("strata.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "strata.toml has no {from:?}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// Everything that must hold after each step.
fn verify(app: &Path, label: &str) {
    step(
        FIXTURE,
        &format!("{label}: tsc"),
        in_dir(&bin(app, "tsc"), app).arg("--noEmit"),
    );
    step(
        FIXTURE,
        &format!("{label}: eslint"),
        in_dir(&bin(app, "eslint"), app).arg("."),
    );
    step(
        FIXTURE,
        &format!("{label}: format check"),
        in_dir("npm", app).args(["run", "format:check"]),
    );
    step(
        FIXTURE,
        &format!("{label}: npm test"),
        in_dir("npm", app).arg("test"),
    );
    let service = std::fs::read_to_string(app.join("src/services/book.service.ts")).unwrap();
    assert!(
        service.ends_with(HAND_EDIT),
        "{label}: the hand edit of book.service.ts is gone:\n{service}"
    );
    assert_drizzle_kit_agrees(app, label);
    let mut check = Command::new(env!("CARGO_BIN_EXE_strata"));
    check.current_dir(app).arg("check");
    step(FIXTURE, &format!("{label}: strata check"), &mut check);
}

/// Creates the first rows through the real API, on each database in turn.
fn create_rows(app: &Path, databases: &Databases) {
    let envs = [
        ("PGLITE_DIR", databases.pglite.display().to_string()),
        ("DATABASE_URL", databases.postgres.url.clone()),
    ];
    for (key, value) in envs {
        let server = Server::start(app, &[(key, value)]);
        let script = format!(
            "for (const body of [{{ title: 'Dune', pages: 412 }}, {{ title: 'Emma', status: 'published' }}]) {{\n  const response = await fetch('{}/api/books', {{ method: 'POST', headers: {{ 'content-type': 'application/json' }}, body: JSON.stringify(body) }})\n  if (response.status !== 201) throw new Error(`POST /api/books: ${{response.status}} ${{await response.text()}}`)\n}}",
            server.base
        );
        step(
            FIXTURE,
            &format!("v1: create rows through the API ({key})"),
            Command::new("node").args(["--input-type=module", "-e", &script]),
        );
    }
}

#[test]
#[ignore = "end to end: needs node, npm and PostgreSQL; .ci/run runs it"]
fn schema_evolves_without_losing_rows_or_hand_edits() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    e2e_support::prerequisites();
    let work = tempfile::tempdir().expect("temp dir");
    let app = work.path().join(FIXTURE);
    let mut new = Command::new(env!("CARGO_BIN_EXE_strata"));
    new.current_dir(work.path())
        .args(["new", FIXTURE, "--no-git", "--manifest"])
        .arg(repo().join(format!("tests/fixtures/{FIXTURE}.toml")));
    step(FIXTURE, "v1: strata new", &mut new);
    let service = app.join("src/services/book.service.ts");
    let text = std::fs::read_to_string(&service).unwrap();
    std::fs::write(&service, format!("{text}{HAND_EDIT}")).unwrap();
    step(
        FIXTURE,
        "npm install",
        in_dir("npm", &app).args(["install", "--prefer-offline", "--no-audit", "--no-fund"]),
    );

    let databases = Databases {
        pglite: work.path().join("pglite"),
        postgres: Postgres::start(FIXTURE),
    };
    databases.migrate(&app, "v1");
    step(
        FIXTURE,
        "v1: next build",
        in_dir(&bin(&app, "next"), &app).arg("build"),
    );
    create_rows(&app, &databases);
    databases.expect(
        &app,
        "select title, pages, status from books order by title",
        "Dune|412|draft\nEmma||published",
    );
    verify(&app, "v1");

    strata(
        &app,
        "add a field with a default",
        &["add", "field", "Book", "rating:integer:default=3"],
    );
    databases.migrate(&app, "field");
    databases.expect(
        &app,
        "select title, pages, rating from books order by title",
        "Dune|412|3\nEmma||3",
    );
    verify(&app, "field");

    strata(
        &app,
        "add a resource with a ref",
        &["add", "resource", "Review", "body:text", "book:ref:book"],
    );
    databases.migrate(&app, "resource");
    databases.expect(
        &app,
        "select (select count(*) from books) || '|' || (select count(*) from reviews)",
        "2|0",
    );
    verify(&app, "resource");

    edit_manifest(
        &app,
        "status:enum:draft,published:default=draft",
        "status:enum:draft,published,archived:default=draft",
    );
    strata(&app, "add an enum value", &["generate"]);
    databases.migrate(&app, "enum");
    databases.expect(
        &app,
        "select array_to_string(enum_range(null::book_status), ',')",
        "draft,published,archived",
    );
    databases.expect(
        &app,
        "select title, status from books order by title",
        "Dune|draft\nEmma|published",
    );
    verify(&app, "enum");

    edit_manifest(
        &app,
        "\"title:string:max=200\"",
        "\"name:string:max=200:renamed_from=title\"",
    );
    strata(&app, "rename a field", &["generate"]);
    databases.migrate(&app, "rename");
    databases.expect(
        &app,
        "select name, pages from books order by name",
        "Dune|412\nEmma|",
    );
    verify(&app, "rename");

    edit_manifest(&app, "  \"pages:integer?\",\n", "");
    strata(
        &app,
        "remove a field with consent",
        &["generate", "--allow-destructive"],
    );
    databases.migrate(&app, "remove");
    databases.expect(&app, "select count(*) from information_schema.columns where table_name = 'books' and column_name = 'pages'", "0");
    databases.expect(
        &app,
        "select name, rating, status from books order by name",
        "Dune|3|draft\nEmma|3|published",
    );
    verify(&app, "remove");
}
