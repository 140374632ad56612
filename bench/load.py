#!/usr/bin/env python3
"""Writes under load, and a PostgreSQL restart in the middle of them, on each ORM.

Serves bench/api/manifest.toml (one resource, no auth) with the hand-written baseline handler of
bench/api/baseline beside it, and sends `--creates` POSTs with `--writers` requests in flight
(bench/load/driver.mjs) to the generated `POST /api/items` and to the baseline, on PGlite and on
a throwaway PostgreSQL. Every create must answer 201, and the table must then hold exactly the
rows acknowledged. Last, on PostgreSQL, the server is stopped and started again while writes are
under way: no acknowledged row may be lost, the app may answer 503 only while the database is
down (never 500), and it must recover without a restart.

The same manifest is served on Drizzle and on Prisma (`--orms`); the baseline is Drizzle's
queries, so the comparison runs on Drizzle, and the restart on both (the Prisma app is warmed
with 400 creates first instead).

Usage: bench/load.py [--creates 4000] [--writers 200] [--outage-creates 6000] [--orms drizzle,prisma]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api  # noqa: E402  (the API benchmark's server and PostgreSQL helpers)

DRIVER = api.ROOT / "bench/load/driver.mjs"


def drive(url: str, creates: int, writers: int, work: Path) -> list[dict]:
    out = work / "results.json"
    api.run(["node", str(DRIVER), url, str(creates), str(writers), str(out)])
    return json.loads(out.read_text())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def summary(results: list[dict]) -> dict:
    latencies = [r["ended"] - r["started"] for r in results]
    statuses: dict[int, int] = {}
    for r in results:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    return {
        "acknowledged": statuses.get(201, 0),
        "statuses": statuses,
        "p50": statistics.median(latencies),
        "p99": percentile(latencies, 0.99),
        "max": max(latencies),
    }


def compare(label: str, server: api.Server, args, work: Path, count_rows) -> None:
    # Both sides warm (JIT, connection pool) before anything is measured.
    for path in ("/api/items", "/api/baseline"):
        drive(f"{server.base}{path}", 400, args.writers, work)
    before = count_rows()
    generated = summary(drive(f"{server.base}/api/items", args.creates, args.writers, work))
    baseline = summary(drive(f"{server.base}/api/baseline", args.creates, args.writers, work))
    rows = count_rows() - before
    print(f"\n{label}: {args.creates} creates, {args.writers} writers")
    print("| handler | 201 | other statuses | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|")
    for name, s in (("generated", generated), ("baseline", baseline)):
        others = {k: v for k, v in s["statuses"].items() if k != 201}
        print(f"| {name} | {s['acknowledged']} | {others or '-'} | {s['p50']:.0f} | {s['p99']:.0f} | {s['max']:.0f} |")
    acknowledged = generated["acknowledged"] + baseline["acknowledged"]
    print(f"rows written: {rows}, acknowledged: {acknowledged}; p99 generated ÷ baseline: {generated['p99'] / baseline['p99']:.2f}")


def outage(label: str, server: api.Server, postgres, args, work: Path, count_rows) -> dict:
    before = count_rows()
    results: list[dict] = []
    thread = threading.Thread(
        target=lambda: results.extend(drive(f"{server.base}/api/items", args.outage_creates, args.writers, work))
    )
    thread.start()
    time.sleep(2)
    down = time.time() * 1000
    postgres.stop()
    time.sleep(3)
    postgres.start()
    up = time.time() * 1000
    thread.join()
    rows = count_rows() - before
    s = summary(results)
    # A request may be answered 503 if it was in flight at any moment the database was away.
    stray = [r for r in results if r["status"] == 503 and not (r["started"] <= up + 1000 and r["ended"] >= down)]
    unexpected = {k: v for k, v in s["statuses"].items() if k not in (201, 503)}
    lost = max(0, s["acknowledged"] - rows)
    print(f"\n{label}: PostgreSQL stopped {down - results[0]['started'] if results else 0:.0f} ms into "
          f"{args.outage_creates} creates ({args.writers} writers) and started again {up - down:.0f} ms later")
    print(f"statuses: {s['statuses']}; 503 outside the outage: {len(stray)}; other errors: {unexpected or 'none'}")
    print(f"rows written: {rows}, acknowledged: {s['acknowledged']}, acknowledged but lost: {lost}")
    recovered = api.get(f"{server.base}/api/health/ready")
    print(f"after the outage, the same server answers /api/health/ready: {recovered.decode()}")
    return {
        "statuses": s["statuses"],
        "stray": len(stray),
        "rows": rows,
        "acknowledged": s["acknowledged"],
        "lost": lost,
        "ready": recovered.decode(),
        "down_after": down - results[0]["started"] if results else 0,
        "down_for": up - down,
    }


class Postgres:
    def __init__(self, work: Path, name: str = "pg"):
        self.bin = api.postgres_bin()
        self.dir = work / name
        self.dir.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.port = api.free_port()
        api.run(api.as_postgres(f"{self.bin}/initdb -D {self.dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"))
        self.start()
        api.run(self.psql() + ["-c", "CREATE DATABASE app"])
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/app"

    def psql(self) -> list[str]:
        return ["psql", "-q", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir}"
        api.run(api.as_postgres(f"{self.bin}/pg_ctl -D {self.dir}/data -l {self.dir}/server.log -o '{options}' -w start >/dev/null"))

    def stop(self) -> None:
        subprocess.run(api.as_postgres(f"{self.bin}/pg_ctl -D {self.dir}/data -m fast -w stop >/dev/null"))

    def count(self) -> int:
        out = subprocess.run(self.psql() + ["-d", "app", "-tAc", "SELECT count(*) FROM items"], capture_output=True, text=True, check=True)
        return int(out.stdout.strip())


def manifest_for(orm: str, work: Path) -> Path:
    """bench/api/manifest.toml with `orm` set (`new` takes no --orm beside --manifest)."""
    text = (api.BENCH / "manifest.toml").read_text().replace("[app]\n", f'[app]\norm = "{orm}"\n', 1)
    path = work / f"manifest-{orm}.toml"
    path.write_text(text)
    return path


def serve(orm: str, args, work: Path) -> dict:
    app = work / f"apibench-{orm}"
    api.run([str(api.STRATA), "new", str(app), "--no-git", "--yes", "--manifest", str(manifest_for(orm, work))], stdout=subprocess.DEVNULL)
    baseline = orm == "drizzle"
    if baseline:
        shutil.copytree(api.BENCH / "baseline", app / "src/app/api/baseline")
    api.run(["npm", "install", "--no-audit", "--no-fund", "--prefer-offline"], cwd=app, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # `npm run build`: with Prisma, its client is generated first.
    api.run(["npm", "run", "build"], cwd=app, stdout=subprocess.DEVNULL, env={**os.environ, "NEXT_TELEMETRY_DISABLED": "1"})

    if baseline:
        pglite = work / f"pglite-{orm}"
        server = api.Server(app, {"PGLITE_DIR": str(pglite)})

        def pglite_rows() -> int:
            # PGlite has one user at a time: ask the server, which pages through every row.
            rows, cursor = 0, None
            while True:
                page = json.loads(api.get(f"{server.base}/api/items?limit=100" + (f"&cursor={cursor}" if cursor else "")))
                rows += len(page["data"])
                cursor = page["nextCursor"]
                if not cursor:
                    return rows

        try:
            compare(f"PGlite, {orm}", server, args, work, pglite_rows)
        finally:
            server.stop()

    postgres = Postgres(work, f"pg-{orm}")
    try:
        server = api.Server(app, {"DATABASE_URL": postgres.url})
        try:
            if baseline:
                compare(f"PostgreSQL, {orm}", server, args, work, postgres.count)
            else:
                drive(f"{server.base}/api/items", 400, args.writers, work)
            return outage(f"PostgreSQL restart, {orm}", server, postgres, args, work, postgres.count)
        finally:
            server.stop()
    finally:
        postgres.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--creates", type=int, default=4000)
    parser.add_argument("--writers", type=int, default=200)
    parser.add_argument("--outage-creates", type=int, default=6000)
    parser.add_argument("--orms", default="drizzle,prisma")
    args = parser.parse_args()
    api.run(["cargo", "build", "--release", "--quiet"], cwd=api.ROOT)
    work = Path(tempfile.mkdtemp())
    work.chmod(0o755)  # the PostgreSQL server runs as its own user and must reach its directory
    try:
        print(f"machine: {os.cpu_count()} cores")
        restarts = {orm: serve(orm, args, work) for orm in args.orms.split(",")}
        print(f"\nA PostgreSQL restart during {args.outage_creates} creates ({args.writers} writers)")
        print("| ORM | stopped after ms | down ms | 201 | 503 | other | 503 outside the outage | rows | lost | ready after |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for orm, r in restarts.items():
            other = {k: v for k, v in r["statuses"].items() if k not in (201, 503)}
            print(f"| {orm} | {r['down_after']:.0f} | {r['down_for']:.0f} | {r['statuses'].get(201, 0)} | {r['statuses'].get(503, 0)} "
                  f"| {other or 0} | {r['stray']} | {r['rows']} | {r['lost']} | {r['ready']} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
