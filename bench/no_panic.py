#!/usr/bin/env python3
"""No panic anywhere in the pipeline, at length: the property tests of
tests/no_panic_pipeline.rs in release mode with many cases. Random manifests (valid ones rendered
and planned with their first migration, in memory) and sequences of manifest edits applied to one
app on disk (each run of `generate` a migration diff against the last), split over `--jobs`
processes, each with its own random seed.

Usage: bench/no_panic.py [--cases 1000000] [--sequences 10000] [--jobs 2]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^(?P<name>.+): (?P<cases>\d+) cases, (?P<valid>\d+) valid through the pipeline, 0 panics")


def test_binary() -> str:
    """Builds the release test binary and returns its path."""
    output = subprocess.run(
        ["cargo", "test", "--release", "--test", "no_panic_pipeline", "--no-run", "--message-format=json"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in output.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable"):
            if message["target"]["name"] == "no_panic_pipeline":
                return message["executable"]
    sys.exit("no test binary built")


def run(binary: str, test: str, cases: int, jobs: int) -> dict:
    """Runs one property in `jobs` processes; totals their cases and valid manifests."""
    per_job = [cases // jobs + (1 if i < cases % jobs else 0) for i in range(jobs)]
    started = time.monotonic()
    processes = [
        subprocess.Popen(
            [binary, "--exact", test, "--nocapture", "--test-threads=1"],
            env={**os.environ, "STRATA_PIPELINE_CASES": str(n)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in per_job
    ]
    total = {"test": test, "cases": 0, "valid": 0, "failed_jobs": 0}
    for process in processes:
        out, err = process.communicate()
        if process.returncode != 0:
            total["failed_jobs"] += 1
            print(out[-4000:], err[-4000:], file=sys.stderr)
        for line in err.splitlines():
            match = LINE.match(line.strip())
            if match:
                total["cases"] += int(match["cases"])
                total["valid"] += int(match["valid"])
    total["seconds"] = round(time.monotonic() - started, 1)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000_000, help="random manifests rendered and planned")
    parser.add_argument("--sequences", type=int, default=10_000, help="edit sequences applied on disk")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    binary = test_binary()
    results = [
        run(binary, "any_manifest_renders_and_plans_without_a_panic", args.cases, args.jobs),
        run(binary, "a_sequence_of_edits_applies_without_a_panic", args.sequences, args.jobs),
    ]
    for result in results:
        print(
            f"{result['test']}: {result['cases']} cases ({result['valid']} valid manifests), "
            f"{result['failed_jobs']} failed jobs, {result['seconds']} s"
        )
    print(json.dumps(results))
    if any(r["failed_jobs"] or r["cases"] == 0 for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
