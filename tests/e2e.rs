//! End to end: generate apps from fixture manifests with the real binary, then prove each one
//! installs, typechecks, lints, is prettier-clean, passes its own tests, builds and serves real
//! HTTP (and a real browser login) on PGlite, then again on a real PostgreSQL server.
//!
//! It needs node, npm, PostgreSQL and Chromium, and takes minutes, so it is `#[ignore]`d in a
//! plain `cargo test`; `.ci/run` installs what it needs and runs it with `--include-ignored`.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The apps are built one at a time: two `next build`s at once starve a 2-core machine.
static SERIAL: Mutex<()> = Mutex::new(());

const AUTH_SECRET: &str = "e2e-secret-that-is-long-enough-for-hs256-0123456789";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs a step, prints how long it took, and fails the test with its output if it fails.
fn step(fixture: &str, name: &str, command: &mut Command) {
    let started = Instant::now();
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{fixture}: {name}: cannot start: {e}"));
    let seconds = started.elapsed().as_secs_f64();
    eprintln!("e2e {fixture}: {name}: {seconds:.1}s");
    record(fixture, name, seconds);
    assert!(
        output.status.success(),
        "{fixture}: {name} failed ({})\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn record(fixture: &str, name: &str, seconds: f64) {
    let path = repo().join("target/e2e-timings.txt");
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(file, "{fixture}\t{name}\t{seconds:.1}");
    }
}

fn in_dir(program: &str, dir: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(dir)
        .env("NEXT_TELEMETRY_DISABLED", "1")
        .env_remove("DATABASE_URL");
    command
}

fn bin(app: &Path, name: &str) -> String {
    app.join("node_modules/.bin")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A `next start` server, stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(app: &Path, env: &[(&str, String)]) -> Server {
        let port = free_port();
        let mut command = in_dir(&bin(app, "next"), app);
        command
            .args(["start", "-H", "127.0.0.1", "-p", &port.to_string()])
            .env("NODE_ENV", "production");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("next start");
        let server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while !responds(port) {
            assert!(
                Instant::now() < deadline,
                "next start did not answer on port {port}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn responds(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request = format!(
        "GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.1 200")
}

fn flow(fixture: &str, label: &str, server: &Server) {
    let mut command = Command::new("node");
    command
        .arg(repo().join("tests/e2e/flow.mjs"))
        .args([fixture, &server.base]);
    step(fixture, &format!("HTTP flow ({label})"), &mut command);
}

/// A throwaway PostgreSQL server on a free loopback port, stopped when dropped.
struct Postgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    url: String,
}

fn as_postgres(script: &str) -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let mut command = if root {
        Command::new("su")
    } else {
        Command::new("sh")
    };
    if root {
        command.args(["postgres", "-s", "/bin/sh", "-c", script]);
    } else {
        command.args(["-c", script]);
    }
    command
}

impl Postgres {
    fn start(fixture: &str) -> Postgres {
        let versions = std::fs::read_dir("/usr/lib/postgresql")
            .expect("PostgreSQL is installed (apt-get install postgresql)");
        let mut bins: Vec<PathBuf> = versions
            .flatten()
            .map(|e| e.path().join("bin"))
            .filter(|p| p.join("initdb").is_file())
            .collect();
        bins.sort();
        let bin = bins
            .pop()
            .expect("an initdb under /usr/lib/postgresql/*/bin");
        let dir = tempfile::tempdir().expect("temp dir");
        let _ = Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(dir.path())
            .status();
        let data = dir.path().join("data");
        let port = free_port();
        let (b, d, s) = (bin.display(), data.display(), dir.path().display());
        step(
            fixture,
            "initdb",
            &mut as_postgres(&format!(
                "{b}/initdb -D {d} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
            )),
        );
        let start = format!(
            "{b}/pg_ctl -D {d} -l {s}/server.log -o '-c listen_addresses=127.0.0.1 -p {port} -k {s}' -w start >/dev/null"
        );
        step(fixture, "PostgreSQL start", &mut as_postgres(&start));
        let mut create = Command::new("psql");
        create.args([
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "-U",
            "postgres",
            "-c",
            "CREATE DATABASE app",
        ]);
        step(fixture, "create database", &mut create);
        Postgres {
            dir,
            bin,
            url: format!("postgres://postgres@127.0.0.1:{port}/app"),
        }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let _ = as_postgres(&format!(
            "{}/pg_ctl -D {} -m fast -w stop >/dev/null",
            self.bin.display(),
            data.display()
        ))
        .status();
    }
}

fn run_fixture(fixture: &str) {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let work = tempfile::tempdir().expect("temp dir");
    let app = work.path().join(fixture);
    let manifest = repo().join(format!("tests/fixtures/{fixture}.toml"));
    let mut new = Command::new(env!("CARGO_BIN_EXE_strata"));
    new.current_dir(work.path())
        .args(["new", fixture, "--no-git", "--manifest"])
        .arg(&manifest);
    step(fixture, "strata new", &mut new);

    step(
        fixture,
        "npm install",
        in_dir("npm", &app).args(["install", "--prefer-offline", "--no-audit", "--no-fund"]),
    );
    step(
        fixture,
        "tsc --noEmit",
        in_dir(&bin(&app, "tsc"), &app).arg("--noEmit"),
    );
    let drizzle_kit = in_dir(&bin(&app, "drizzle-kit"), &app)
        .arg("generate")
        .output()
        .expect("drizzle-kit runs");
    let said = String::from_utf8_lossy(&drizzle_kit.stdout);
    assert!(
        said.contains("No schema changes"),
        "{fixture}: drizzle-kit disagrees with strata's snapshot:\n{said}"
    );
    step(
        fixture,
        "eslint .",
        in_dir(&bin(&app, "eslint"), &app).arg("."),
    );
    step(
        fixture,
        "prettier --check .",
        in_dir(&bin(&app, "prettier"), &app).args(["--check", "."]),
    );
    step(
        fixture,
        "npm test (PGlite)",
        in_dir("npm", &app).arg("test"),
    );
    step(
        fixture,
        "next build",
        in_dir(&bin(&app, "next"), &app).arg("build"),
    );

    let pglite = work.path().join("pglite");
    {
        let server = Server::start(
            &app,
            &[
                ("AUTH_SECRET", AUTH_SECRET.into()),
                ("PGLITE_DIR", pglite.display().to_string()),
            ],
        );
        flow(fixture, "PGlite", &server);
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
        let server = Server::start(
            &app,
            &[
                ("AUTH_SECRET", AUTH_SECRET.into()),
                ("DATABASE_URL", url.clone()),
            ],
        );
        flow(fixture, "PostgreSQL", &server);
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

#[test]
#[ignore = "end to end: needs node, npm, PostgreSQL and Chromium; .ci/run runs it"]
fn tasks_app_works_end_to_end() {
    run_fixture("tasks");
}
