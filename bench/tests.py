#!/usr/bin/env python3
"""The generated test suites at scale: `npm test` of apps of 1, 4, 10 and 100 resources (five
fields each, every second one owned, JWT auth, `api = "both"`), on PGlite and on a throwaway
PostgreSQL, with the suite's wall time, its test count and the median time of one test (from
vitest's JSON report), and `tsc` and `next build` beside them.

The ratio that matters: the median test of the largest app against that of the four-resource
app, in the same run (a test's cost should not grow with the app).

Usage: bench/tests.py [--sizes 1,4,10,100] [--orm drizzle] [--no-build]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api  # noqa: E402  (the API benchmark's helpers)
import load  # noqa: E402  (the load benchmark's throwaway PostgreSQL)


def manifest(resources: int, orm: str) -> str:
    lines = ["[app]", 'name = "suite"', 'api = "both"', f'orm = "{orm}"', "", "[auth]", 'strategy = "jwt"']
    for i in range(1, resources + 1):
        lines += [
            "",
            f"[resources.item{i}]",
            'fields = ["title:string:max=120", "body:text?", "status:enum:draft,live:default=draft", '
            '"count:integer?", "flag:boolean:default=false"]',
        ]
        if i % 2 == 0:
            lines.append("owned = true")
    return "\n".join(lines) + "\n"


def timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "NEXT_TELEMETRY_DISABLED": "1", **(env or {})})
    return time.perf_counter() - start


def suite(app: Path, env: dict) -> dict:
    """`npm test` with vitest's JSON report: wall time, tests, and the median test's duration."""
    report = app / "vitest-report.json"
    seconds = timed(["npm", "test", "--", "--reporter=json", f"--outputFile={report}"], app, env)
    results = json.loads(report.read_text())
    durations = [
        test["duration"]
        for file in results["testResults"]
        for test in file["assertionResults"]
        if test.get("duration") is not None and test["status"] == "passed"
    ]
    report.unlink()
    return {"seconds": seconds, "tests": len(durations), "median_ms": statistics.median(durations)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,4,10,100")
    parser.add_argument("--orm", default="drizzle", choices=["drizzle", "prisma"])
    parser.add_argument("--no-build", action="store_true", help="skip next build")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    api.run(["cargo", "build", "--release", "--quiet"], cwd=api.ROOT)
    work = Path(tempfile.mkdtemp())
    work.chmod(0o755)  # the PostgreSQL server runs as its own user and must reach its directory
    postgres = load.Postgres(work)
    rows = []
    try:
        for size in sizes:
            app = work / f"suite{size}"
            (work / f"suite{size}.toml").write_text(manifest(size, args.orm))
            api.run([str(api.STRATA), "new", str(app), "--no-git", "--yes", "--manifest", str(work / f"suite{size}.toml")],
                    stdout=subprocess.DEVNULL)
            api.run(["npm", "install", "--no-audit", "--no-fund", "--prefer-offline"], cwd=app,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            tsc = timed(["npm", "run", "typecheck"], app)
            build = None if args.no_build else timed(["npm", "run", "build"], app)
            pglite = suite(app, {})
            api.run(postgres.psql() + ["-c", f"CREATE DATABASE suite{size}"])
            url = f"postgres://postgres@127.0.0.1:{postgres.port}/suite{size}"
            pg = suite(app, {"DATABASE_URL": url})
            rows.append((size, tsc, build, pglite, pg))
            print(f"{size} resources: tsc {tsc:.1f} s, build {build or 0:.1f} s, "
                  f"PGlite {pglite}, PostgreSQL {pg}", flush=True)
    finally:
        postgres.stop()
        shutil.rmtree(work, ignore_errors=True)

    print(f"\nmachine: {os.cpu_count()} cores; orm = {args.orm}\n")
    print("| resources | tests | npm test PGlite s | median test PGlite ms | npm test PostgreSQL s "
          "| median test PostgreSQL ms | tsc s | next build s |")
    print("|---|---|---|---|---|---|---|---|")
    for size, tsc, build, pglite, pg in rows:
        built = f"{build:.1f}" if build is not None else "-"
        print(f"| {size} | {pglite['tests']} | {pglite['seconds']:.1f} | {pglite['median_ms']:.1f} | "
              f"{pg['seconds']:.1f} | {pg['median_ms']:.1f} | {tsc:.1f} | {built} |")
    base = next((r for r in rows if r[0] == 4), None)
    largest = rows[-1]
    if base and largest is not base:
        for label, index in (("PGlite", 3), ("PostgreSQL", 4)):
            ratio = largest[index]["median_ms"] / base[index]["median_ms"]
            print(f"\nmedian test, {largest[0]} resources / 4 resources ({label}): {ratio:.2f}x")


if __name__ == "__main__":
    main()
