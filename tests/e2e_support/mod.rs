//! Shared by the end-to-end tests: timed steps, `next start` servers and throwaway PostgreSQL.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The apps are built one at a time: two `next build`s at once starve a 2-core machine.
pub static SERIAL: Mutex<()> = Mutex::new(());

pub const AUTH_SECRET: &str = "e2e-secret-that-is-long-enough-for-hs256-0123456789";

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs a step, prints how long it took, and fails the test with its output if it fails;
/// returns what it printed.
pub fn step(fixture: &str, name: &str, command: &mut Command) -> std::process::Output {
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
    output
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

pub fn in_dir(program: &str, dir: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(dir)
        .env("NEXT_TELEMETRY_DISABLED", "1")
        .env_remove("DATABASE_URL");
    command
}

pub fn bin(app: &Path, name: &str) -> String {
    app.join("node_modules/.bin")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A `next start` server, stopped when dropped.
pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    pub fn start(app: &Path, env: &[(&str, String)]) -> Server {
        let port = free_port();
        let mut command = in_dir(&bin(app, "next"), app);
        let base = format!("http://127.0.0.1:{port}");
        command
            .args(["start", "-H", "127.0.0.1", "-p", &port.to_string()])
            .env("NODE_ENV", "production")
            .env("APP_ORIGIN", &base);
        for (key, value) in env {
            command.env(key, value);
        }
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("next start");
        let server = Server { child, base };
        let deadline = Instant::now() + Duration::from_secs(60);
        while !responds(port, "/openapi.json") {
            assert!(
                Instant::now() < deadline,
                "next start did not answer on port {port}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        server
    }
}

/// `next start` with `env` exits at once, non-zero, saying why on stderr.
pub fn assert_refuses_to_start(app: &Path, env: &[(&str, String)], reason: &str) {
    let mut command = in_dir(&bin(app, "next"), app);
    command
        .args(["start", "-H", "127.0.0.1", "-p", &free_port().to_string()])
        .env("NODE_ENV", "production")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("next start");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().expect("next start runs") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("next start kept running without {reason}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
    assert!(
        !status.success() && stderr.contains("Refusing to start") && stderr.contains(reason),
        "next start without {reason}: {status}\n{stderr}"
    );
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether `GET path` on the loopback port answers 200.
fn responds(port: u16, path: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.1 200")
}

/// A mock OpenID provider (tests/e2e/oidc-provider.mjs) on a free loopback port, stopped when
/// dropped.
pub struct OidcProvider {
    child: Child,
    pub issuer: String,
}

impl OidcProvider {
    pub fn start() -> OidcProvider {
        let port = free_port();
        let child = Command::new("node")
            .arg(repo().join("tests/e2e/oidc-provider.mjs"))
            .arg(port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node runs the mock OpenID provider");
        let provider = OidcProvider {
            child,
            issuer: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while !responds(port, "/.well-known/openid-configuration") {
            assert!(
                Instant::now() < deadline,
                "the mock OpenID provider did not answer on port {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        provider
    }

    /// What an app needs to offer sign-in with it.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("OIDC_ISSUER", self.issuer.clone()),
            ("OIDC_CLIENT_ID", "e2e-app".into()),
            ("OIDC_CLIENT_SECRET", "e2e-secret".into()),
        ]
    }
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A throwaway PostgreSQL server on a free loopback port, stopped when dropped.
pub struct Postgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    pub url: String,
    pub port: u16,
}

pub fn as_postgres(script: &str) -> Command {
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
    pub fn start(fixture: &str) -> Postgres {
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
        std::fs::write(dir.path().join("start.sh"), &start).expect("the start command is kept");
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
            port,
        }
    }
}

impl Postgres {
    fn stop_command(&self) -> String {
        format!(
            "{}/pg_ctl -D {} -m fast -w stop >/dev/null",
            self.bin.display(),
            self.dir.path().join("data").display()
        )
    }

    /// Stops the server, as an outage would (connections are ended).
    pub fn stop(&self, fixture: &str) {
        step(
            fixture,
            "PostgreSQL stop",
            &mut as_postgres(&self.stop_command()),
        );
    }

    /// Starts the stopped server again, on the same port.
    pub fn restart(&self, fixture: &str) {
        let start = std::fs::read_to_string(self.dir.path().join("start.sh")).expect("start.sh");
        step(fixture, "PostgreSQL restart", &mut as_postgres(&start));
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = as_postgres(&self.stop_command()).status();
    }
}

/// What the end-to-end tests need beyond Rust, Node and npm, installed once per test binary
/// where it is missing: PostgreSQL, Chromium and Python's venv (Debian packages, through apt-get
/// when running as root; otherwise the test stops and says what to install), and the browser
/// driver and validator of `tests/e2e/package.json`.
pub fn prerequisites() {
    static READY: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    READY.get_or_init(|| {
        let has_postgres = std::fs::read_dir("/usr/lib/postgresql").is_ok_and(|versions| {
            versions
                .flatten()
                .any(|v| v.path().join("bin/initdb").is_file())
        });
        let has_venv = Command::new("python3")
            .args(["-c", "import ensurepip, venv"])
            .output()
            .is_ok_and(|o| o.status.success());
        let mut missing = Vec::new();
        if !has_postgres {
            missing.push("postgresql");
        }
        if !Path::new(&chromium()).is_file() {
            missing.push("chromium");
        }
        if !has_venv {
            missing.extend(["python3", "python3-venv"]);
        }
        if !missing.is_empty() {
            install_debian_packages(&missing);
        }
        let driver = repo().join("tests/e2e");
        if !driver.join("node_modules/playwright-core").is_dir() {
            step(
                "setup",
                "npm ci --prefix tests/e2e",
                Command::new("npm")
                    .args([
                        "ci",
                        "--no-audit",
                        "--no-fund",
                        "--prefer-offline",
                        "--prefix",
                    ])
                    .arg(&driver),
            );
        }
    });
}

/// The Chromium the browser flows drive: `$CHROMIUM`, or Debian's.
pub fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string())
}

fn install_debian_packages(packages: &[&str]) {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let apt = Path::new("/usr/bin/apt-get").is_file();
    assert!(
        root && apt,
        "the end-to-end tests need {}: install them (Debian: sudo apt-get install {}), or run the \
         tests as root on Debian to have them installed",
        packages.join(", "),
        packages.join(" ")
    );
    step(
        "setup",
        "apt-get update",
        Command::new("apt-get").args(["update", "-qq"]),
    );
    step(
        "setup",
        &format!("apt-get install {}", packages.join(" ")),
        Command::new("apt-get")
            .args(["install", "-y", "-qq"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    );
}

/// The schemathesis command of `tests/e2e/requirements.txt`, installed on first use into a
/// virtual environment under `target/` (PyPI is the only thing it needs).
pub fn schemathesis() -> PathBuf {
    static INSTALLED: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    INSTALLED
        .get_or_init(|| {
            let venv = repo().join("target/e2e-python");
            let requirements = repo().join("tests/e2e/requirements.txt");
            let wanted = std::fs::read_to_string(&requirements).expect("requirements.txt");
            let stamp = venv.join("requirements.txt");
            if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
                step(
                    "setup",
                    "python3 -m venv target/e2e-python",
                    Command::new("python3")
                        .args(["-m", "venv", "--clear"])
                        .arg(&venv),
                );
                step(
                    "setup",
                    "pip install -r tests/e2e/requirements.txt",
                    Command::new(venv.join("bin/pip"))
                        .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
                        .arg(&requirements),
                );
                std::fs::write(&stamp, wanted).expect("the installed requirements are noted");
            }
            venv.join("bin/st")
        })
        .clone()
}

/// `drizzle-kit generate` in the app finds nothing to do: strata's snapshots match the schema code.
pub fn assert_drizzle_kit_agrees(app: &Path, label: &str) {
    let output = in_dir(&bin(app, "drizzle-kit"), app)
        .arg("generate")
        .output()
        .expect("drizzle-kit runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("No schema changes"),
        "{label}: drizzle-kit disagrees with strata's snapshot:\n{said}"
    );
}
