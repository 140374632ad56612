#!/usr/bin/env python3
"""The generated API under load, against a hand-written handler running the same Drizzle query.

Generates bench/api/manifest.toml (one resource, no auth), adds the baseline handlers of
bench/api/baseline, builds for production, seeds 10 000 rows, and runs autocannon on
`GET /api/items?limit=20`, `GET /api/items/<id>` and `POST /api/items` and on the baselines,
first on PGlite, then on a throwaway PostgreSQL (where it also counts the SQL statements of one
list request from the server's statement log).

Usage: bench/api.py [--seconds 10] [--connections 10]
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRATA = ROOT / "target/release/strata"
BENCH = ROOT / "bench/api"
AUTOCANNON = BENCH / "node_modules/.bin/autocannon"
ROWS = 10_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


class Server:
    def __init__(self, app: Path, env: dict):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        full_env = {**os.environ, "NODE_ENV": "production", "NEXT_TELEMETRY_DISABLED": "1", **env}
        if "DATABASE_URL" not in env:
            full_env.pop("DATABASE_URL", None)
        self.process = subprocess.Popen(
            [str(app / "node_modules/.bin/next"), "start", "-H", "127.0.0.1", "-p", str(self.port)],
            cwd=app, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 60
        while True:
            try:
                get(f"{self.base}/api/items?limit=1")
                return
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.3)

    def stop(self):
        self.process.terminate()
        self.process.wait()


def autocannon(url: str, seconds: int, connections: int, body: str | None) -> dict:
    command = [str(AUTOCANNON), "-c", str(connections), "-d", str(seconds), "-j"]
    if body is not None:
        command += ["-m", "POST", "-H", "content-type=application/json", "-b", body]
    return json.loads(subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout)


def cannon(url: str, seconds: int, connections: int, body: str | None = None) -> dict:
    result = autocannon(url, seconds, connections, body)
    return {
        "rps": result["requests"]["average"],
        "p50": result["latency"]["p50"],
        "p99": result["latency"]["p99"],
        "errors": result["errors"] + result["non2xx"] + result["timeouts"],
    }


def measure(server: Server, seconds: int, connections: int, item_id: str) -> list[tuple[str, dict, dict]]:
    body = json.dumps({"title": "benchmark"})
    pairs = [
        ("GET /api/items?limit=20", f"{server.base}/api/items?limit=20", f"{server.base}/api/baseline", None),
        ("GET /api/items/:id", f"{server.base}/api/items/{item_id}", f"{server.base}/api/baseline/{item_id}", None),
        ("POST /api/items", f"{server.base}/api/items", f"{server.base}/api/baseline", body),
    ]
    results = []
    for name, generated, baseline, payload in pairs:
        # Both sides warm (JIT, connection pool) before anything is measured.
        for url in (generated, baseline):
            autocannon(url, 3, connections, payload)
        # ABBA twice, so neither side always runs on a colder or warmer server; medians of four.
        order = [generated, baseline, baseline, generated] * 2
        runs = [(url, cannon(url, seconds, connections, payload)) for url in order]
        results.append((
            name,
            merge([r for url, r in runs if url == generated]),
            merge([r for url, r in runs if url == baseline]),
        ))
    return results


def merge(runs: list[dict]) -> dict:
    return {
        "rps": statistics.median(r["rps"] for r in runs),
        "p50": statistics.median(r["p50"] for r in runs),
        "p99": statistics.median(r["p99"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
    }


def report(label: str, results) -> None:
    print(f"\n{label}")
    print("| endpoint | generated req/s | p50 ms | p99 ms | errors | baseline req/s | p50 ms | p99 ms | errors | ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, gen, base in results:
        ratio = gen["rps"] / base["rps"] if base["rps"] else 0
        print(
            f"| {name} | {gen['rps']:.0f} | {gen['p50']} | {gen['p99']} | {gen['errors']} "
            f"| {base['rps']:.0f} | {base['p50']} | {base['p99']} | {base['errors']} | {ratio:.2f} |",
            flush=True,
        )


def first_id(server: Server) -> str:
    return json.loads(get(f"{server.base}/api/items?limit=1"))["data"][0]["id"]


def postgres_bin() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return versions[-1].parent


def as_postgres(script: str) -> list[str]:
    return ["su", "postgres", "-s", "/bin/sh", "-c", script] if os.geteuid() == 0 else ["sh", "-c", script]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=10)
    args = parser.parse_args()
    run(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
    run(["npm", "install", "--no-audit", "--no-fund", "--prefer-offline"], cwd=BENCH, stdout=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp())
    work.chmod(0o755)  # the PostgreSQL server runs as its own user and must reach its directory
    try:
        app = work / "apibench"
        run([str(STRATA), "new", str(app), "--no-git", "--yes", "--manifest", str(BENCH / "manifest.toml")], stdout=subprocess.DEVNULL)
        shutil.copytree(BENCH / "baseline", app / "src/app/api/baseline")
        run(["npm", "install", "--no-audit", "--no-fund", "--prefer-offline"], cwd=app, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        run([str(app / "node_modules/.bin/next"), "build"], cwd=app, stdout=subprocess.DEVNULL, env={**os.environ, "NEXT_TELEMETRY_DISABLED": "1"})
        print(f"machine: {os.cpu_count()} cores; autocannon -c {args.connections} -d {args.seconds}, both sides warmed 3 s, ABBA twice (medians of 4); {ROWS} rows")

        pglite = work / "pglite"
        server = Server(app, {"PGLITE_DIR": str(pglite)})
        server.stop()
        seed = (
            "import { PGlite } from '@electric-sql/pglite';"
            f"const db = new PGlite({json.dumps(str(pglite))});"
            f"await db.exec(\"INSERT INTO items (title) SELECT 'Item ' || g FROM generate_series(1, {ROWS}) g\");"
            "await db.close();"
        )
        run(["node", "--input-type=module", "-e", seed], cwd=app)
        server = Server(app, {"PGLITE_DIR": str(pglite)})
        try:
            report("PGlite", measure(server, args.seconds, args.connections, first_id(server)))
        finally:
            server.stop()

        bin_dir = postgres_bin()
        pg = work / "pg"
        pg.mkdir()
        if os.geteuid() == 0:
            shutil.chown(pg, "postgres", "postgres")
        port = free_port()
        run(as_postgres(f"{bin_dir}/initdb -D {pg}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"))
        log = pg / "server.log"
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {pg}"
        run(as_postgres(f"{bin_dir}/pg_ctl -D {pg}/data -l {log} -o '{options}' -w start >/dev/null"))
        try:
            psql = ["psql", "-q", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
            run(psql + ["-c", "CREATE DATABASE app"])
            url = f"postgres://postgres@127.0.0.1:{port}/app"
            # Count statements with the statement log on; measure throughput with it off.
            run(psql + ["-c", "ALTER DATABASE app SET log_statement = 'all'"])
            server = Server(app, {"DATABASE_URL": url})
            try:
                run(psql + ["-d", "app", "-c", f"INSERT INTO items (title) SELECT 'Item ' || g FROM generate_series(1, {ROWS}) g"])
                before = log.read_text(errors="replace").count('from "items"')
                for _ in range(50):
                    get(f"{server.base}/api/items?limit=20")
                time.sleep(0.5)
                after = log.read_text(errors="replace").count('from "items"')
                print(f"\nSQL statements per list request (PostgreSQL statement log, 50 requests): {(after - before) / 50:.2f}")
            finally:
                server.stop()
            run(psql + ["-c", "ALTER DATABASE app RESET log_statement"])
            server = Server(app, {"DATABASE_URL": url})
            try:
                report("PostgreSQL", measure(server, args.seconds, args.connections, first_id(server)))
            finally:
                server.stop()
        finally:
            subprocess.run(as_postgres(f"{bin_dir}/pg_ctl -D {pg}/data -m fast -w stop >/dev/null"))
        print(f"\nfootprint: node_modules {subprocess.run(['du', '-sh', str(app / 'node_modules')], capture_output=True, text=True).stdout.split()[0]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
