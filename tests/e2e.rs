//! End to end: generate apps from fixture manifests with the real binary, then prove each one
//! installs, typechecks, lints, passes its own format check, passes its own tests, builds and serves real
//! HTTP (and real browser sign-ins, with a password and through a mock OpenID provider on
//! loopback) on PGlite, then again on a real PostgreSQL server, where two instances of the app
//! also share sessions, logouts and rate limits.
//!
//! It needs node and npm, and PostgreSQL, Chromium and Python, which it installs where missing
//! (`e2e_support::prerequisites`); it takes minutes, so it is `#[ignore]`d in a plain
//! `cargo test`, and `cargo test -- --include-ignored` runs it.

// Each end-to-end binary uses its own part of the shared support module.
#[allow(dead_code)]
mod e2e_support;

use std::process::Command;

use e2e_support::{
    AUTH_SECRET, OidcProvider, Postgres, SERIAL, Server, assert_drizzle_kit_agrees, bin, in_dir,
    repo, schemathesis, step,
};

/// Where schemathesis judges a fixture's API, and for how many seconds (each fixture with route
/// handlers once, on the database its manifest is most often served from).
fn fuzzed_on(fixture: &str) -> Option<(Database, u32)> {
    match fixture {
        "blog" => Some((Database::Pglite, 60)),
        "tasks" => Some((Database::Pglite, 40)),
        "journal" => Some((Database::Postgres, 40)),
        "lending" => Some((Database::Postgres, 60)),
        "vet_clinic" => Some((Database::Pglite, 40)),
        "field_survey" => Some((Database::Postgres, 40)),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Database {
    Pglite,
    Postgres,
}

/// schemathesis against a production server: every check and phase, as a registered user.
fn fuzz(fixture: &str, label: &str, server: &Server, seconds: u32) {
    let mut command = Command::new("node");
    command
        .arg(repo().join("tests/e2e/schemathesis.mjs"))
        .arg(schemathesis())
        .args([&server.base, &seconds.to_string()]);
    let output = step(fixture, &format!("schemathesis ({label})"), &mut command);
    let printed = String::from_utf8_lossy(&output.stdout);
    // Its totals, for the log: what it ran, its test cases, what the hooks dropped, the verdict.
    let totals = |line: &&str| {
        line.starts_with("schemathesis (")
            || line.contains(" generated, ")
            || line.starts_with("Filtered:")
            || (line.starts_with('=') && line.contains(" in "))
    };
    for line in printed.lines().map(str::trim).filter(totals) {
        eprintln!("e2e {fixture}: {line}");
    }
}

/// Writes under way while PostgreSQL stops (`-m fast`, which ends every connection) and starts
/// again: only 201s and 503s with Retry-After, no acknowledged row lost, and the same server ready
/// again. Then, with PostgreSQL stopped, the app answers 503 with Retry-After (and its liveness
/// 200); once it is back, the same server answers again without a restart.
fn outage(fixture: &str, server: &Server, postgres: &Postgres) {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let script = repo().join("tests/e2e/outage.mjs");
    let started = Instant::now();
    let mut writes = Command::new("node")
        .arg(&script)
        .args([&server.base, "writes", fixture])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node outage.mjs writes");
    let mut stdout = BufReader::new(writes.stdout.take().expect("its stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("outage.mjs writes");
    if line.trim() == "writing" {
        std::thread::sleep(Duration::from_millis(1000));
        postgres.stop(fixture);
        std::thread::sleep(Duration::from_millis(1500));
        postgres.restart(fixture);
        std::thread::sleep(Duration::from_millis(1000));
    }
    // Closing its stdin ends the writes; it then checks what they were answered.
    drop(writes.stdin.take());
    let mut said = line;
    stdout.read_to_string(&mut said).expect("outage.mjs writes");
    let mut errors = String::new();
    if let Some(mut stderr) = writes.stderr.take() {
        stderr
            .read_to_string(&mut errors)
            .expect("outage.mjs writes");
    }
    let status = writes.wait().expect("outage.mjs writes");
    assert!(
        status.success(),
        "{fixture}: writes while PostgreSQL restarts failed ({status})\n--- stdout\n{said}\n--- stderr\n{errors}"
    );
    for line in said.lines().filter(|line| line.starts_with("ok ")) {
        eprintln!("e2e {fixture}: {line}");
    }
    eprintln!(
        "e2e {fixture}: writes while PostgreSQL restarts: {:.1}s",
        started.elapsed().as_secs_f64()
    );

    postgres.stop(fixture);
    step(
        fixture,
        "database down: 503",
        Command::new("node")
            .arg(&script)
            .args([&server.base, "down"]),
    );
    postgres.restart(fixture);
    step(
        fixture,
        "database back: recovered",
        Command::new("node").arg(&script).args([&server.base, "up"]),
    );
}

fn flow(fixture: &str, label: &str, server: &Server) {
    let mut command = Command::new("node");
    command
        .arg(repo().join("tests/e2e/flow.mjs"))
        .args([fixture, &server.base]);
    step(fixture, &format!("HTTP flow ({label})"), &mut command);
}

/// The environment of every server: the secret, the database, and the OpenID provider if any.
fn server_env(
    database: (&'static str, String),
    oidc: Option<&OidcProvider>,
) -> Vec<(&'static str, String)> {
    let mut env = vec![("AUTH_SECRET", AUTH_SECRET.to_string()), database];
    env.extend(oidc.map(OidcProvider::env).unwrap_or_default());
    env
}

/// Two `next start` processes on one PostgreSQL share sessions, logouts and rate limits.
fn two_instances(fixture: &str, app: &std::path::Path, url: &str, oidc: Option<&OidcProvider>) {
    let env = server_env(("DATABASE_URL", url.to_string()), oidc);
    let first = Server::start(app, &env);
    let second = Server::start(app, &env);
    let mut command = Command::new("node");
    command
        .arg(repo().join("tests/e2e/instances.mjs"))
        .args([&first.base, &second.base])
        .arg(app)
        .env("DATABASE_URL", url);
    step(fixture, "two instances on one PostgreSQL", &mut command);
}

fn run_fixture(fixture: &str) {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    e2e_support::prerequisites();
    let work = tempfile::tempdir().expect("temp dir");
    let app = work.path().join(fixture);
    let manifest = repo().join(format!("tests/fixtures/{fixture}.toml"));
    let mut new = Command::new(env!("CARGO_BIN_EXE_strata"));
    new.current_dir(work.path())
        .args(["new", fixture, "--no-git", "--manifest"])
        .arg(&manifest);
    step(fixture, "strata new", &mut new);

    let install = step(
        fixture,
        "npm install",
        in_dir("npm", &app).args(["install", "--prefer-offline", "--no-audit", "--no-fund"]),
    );
    // A quiet install: every install script is reviewed in package.json (`allowScripts`).
    let said = String::from_utf8_lossy(&install.stderr);
    let warnings: Vec<&str> = said.lines().filter(|l| l.starts_with("npm warn")).collect();
    assert!(
        warnings.is_empty(),
        "{fixture}: npm install warned:
{}",
        warnings.join(
            "
"
        )
    );
    // `npm run typecheck`: with Prisma, its client is generated first.
    step(
        fixture,
        "npm run typecheck",
        in_dir("npm", &app).args(["run", "typecheck"]),
    );
    let prisma = std::fs::read_to_string(&manifest)
        .expect("the fixture")
        .contains("orm = \"prisma\"");
    if !prisma {
        assert_drizzle_kit_agrees(&app, fixture);
    }
    step(
        fixture,
        "eslint .",
        in_dir(&bin(&app, "eslint"), &app).arg("."),
    );
    // The generated eslint config enforces the layers too: an upward import fails the lint.
    let dal = app.join("src/dal/pagination.ts");
    let original = std::fs::read_to_string(&dal).expect("the DAL helpers");
    std::fs::write(
        &dal,
        format!(
            "{original}import {{ NextResponse }} from 'next/server'\nexport {{ NextResponse }}\n"
        ),
    )
    .unwrap();
    let lint = in_dir(&bin(&app, "eslint"), &app)
        .arg(".")
        .output()
        .expect("eslint runs");
    std::fs::write(&dal, original).unwrap();
    assert!(
        !lint.status.success()
            && String::from_utf8_lossy(&lint.stdout).contains("no-restricted-imports"),
        "{fixture}: eslint let the DAL import next/server:\n{}",
        String::from_utf8_lossy(&lint.stdout)
    );
    step(
        fixture,
        "npm run format:check",
        in_dir("npm", &app).args(["run", "format:check"]),
    );
    step(
        fixture,
        "npm test (PGlite)",
        in_dir("npm", &app).arg("test"),
    );
    step(
        fixture,
        "npm run build",
        in_dir("npm", &app).args(["run", "build"]),
    );

    // Production refuses to start without the settings it can't run safely without.
    let pglite = work.path().join("pglite");
    let pglite_dir = ("PGLITE_DIR", pglite.display().to_string());
    let secret = ("AUTH_SECRET", AUTH_SECRET.to_string());
    let missing = match fixture {
        "blog" => Some(("AUTH_SECRET", vec![pglite_dir.clone()])),
        "journal" => Some(("APP_ORIGIN", vec![pglite_dir.clone()])),
        "kitchen_sink" => Some(("DATABASE_URL", vec![secret.clone(), pglite_dir.clone()])),
        "field_survey" => Some(("DATABASE_URL", vec![pglite_dir.clone()])),
        _ => None,
    };
    if let Some((setting, env)) = missing {
        e2e_support::assert_refuses_to_start(&app, &env, setting);
        eprintln!("e2e {fixture}: next start refuses to start without {setting}: ok");
    }

    // The apps with sign-in providers offer the generic OpenID one against a mock on loopback.
    let oidc = matches!(fixture, "blog" | "journal").then(OidcProvider::start);
    // An app whose manifest says PostgreSQL runs PGlite in development and tests only.
    let fuzzing = fuzzed_on(fixture);
    if !matches!(fixture, "kitchen_sink" | "lending" | "field_survey") {
        let env = server_env(pglite_dir, oidc.as_ref());
        let server = Server::start(&app, &env);
        flow(fixture, "PGlite", &server);
        if let Some((Database::Pglite, seconds)) = fuzzing {
            fuzz(fixture, "PGlite", &server, seconds);
        }
    }

    let postgres = Postgres::start(fixture);
    let url = postgres.url.clone();
    step(
        fixture,
        "npm run db:migrate (PostgreSQL)",
        in_dir("npm", &app)
            .args(["run", "db:migrate"])
            .env("DATABASE_URL", &url),
    );
    step(
        fixture,
        "npm test (PostgreSQL)",
        in_dir("npm", &app).arg("test").env("DATABASE_URL", &url),
    );
    {
        let env = server_env(("DATABASE_URL", url.clone()), oidc.as_ref());
        let server = Server::start(&app, &env);
        flow(fixture, "PostgreSQL", &server);
        if matches!(fixture, "blog" | "journal") {
            two_instances(fixture, &app, &url, oidc.as_ref());
        }
        // Before fuzzing: the outage's writer signs up too.
        if matches!(fixture, "lending" | "field_survey") {
            outage(fixture, &server, &postgres);
        }
        // Last: fuzzing fills the rate limits that the flows above sign in under.
        if let Some((Database::Postgres, seconds)) = fuzzing {
            fuzz(fixture, "PostgreSQL", &server, seconds);
        }
    }

    let mut again = Command::new(env!("CARGO_BIN_EXE_strata"));
    again.current_dir(&app).arg("generate");
    step(fixture, "strata generate (no-op)", &mut again);
    let mut check = Command::new(env!("CARGO_BIN_EXE_strata"));
    check.current_dir(&app).arg("check");
    step(fixture, "strata check", &mut check);
    drop(postgres);
}

#[test]
#[ignore = "end to end: needs node, npm, PostgreSQL and Chromium; .ci/run runs it"]
fn blog_app_works_end_to_end() {
    run_fixture("blog");
}

/// An app on opaque server-side sessions (`strategy = "session"`) instead of JWTs.
#[test]
#[ignore = "end to end: needs node, npm, PostgreSQL and Chromium; .ci/run runs it"]
fn journal_app_works_end_to_end() {
    run_fixture("journal");
}

#[test]
#[ignore = "end to end: needs node, npm, PostgreSQL and Chromium; .ci/run runs it"]
fn tasks_app_works_end_to_end() {
    run_fixture("tasks");
}

/// A manifest unlike the others (irregular plurals, every field type behind an HTTP API, other
/// role names, PostgreSQL), judged by schemathesis, through a database outage too.
#[test]
#[ignore = "end to end: needs node, npm, PostgreSQL and Chromium; .ci/run runs it"]
fn lending_app_works_end_to_end() {
    run_fixture("lending");
}

/// Prisma as the query client (`orm = "prisma"`) over PGlite and PostgreSQL: pages and an HTTP
/// API, every type whose Prisma value differs from the API's, fuzzed on PGlite.
#[test]
#[ignore = "end to end: needs node, npm, PostgreSQL and Chromium; .ci/run runs it"]
fn vet_clinic_app_works_end_to_end() {
    run_fixture("vet_clinic");
}

/// Prisma on PostgreSQL with server-side sessions, fuzzed by schemathesis and through a
/// database outage.
#[test]
#[ignore = "end to end: needs node, npm, PostgreSQL and Chromium; .ci/run runs it"]
fn field_survey_app_works_end_to_end() {
    run_fixture("field_survey");
}

/// Every field type as pages with forms and server actions (no HTTP API), strict layers, and a
/// manifest that says PostgreSQL.
#[test]
#[ignore = "end to end: needs node, npm, PostgreSQL and Chromium; .ci/run runs it"]
fn kitchen_sink_app_works_end_to_end() {
    run_fixture("kitchen_sink");
}
