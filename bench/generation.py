#!/usr/bin/env python3
"""Generation benchmark: wall time and peak RSS of `strata new`, `add resource` and a no-op
`generate` for manifests of 1, 10, 100 and 1000 resources, with `cp -r` of the very tree `new`
wrote as the floor (ratios are taken pair by pair in the same run).

Usage: bench/generation.py [--runs N] [--sizes 1,10,100,1000]
Median of N runs (default 5) after one warm-up; min and max too.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRATA = ROOT / "target/release/strata"


def manifest(resources: int) -> str:
    text = '[app]\nname = "bench"\n\n[auth]\nstrategy = "jwt"\n'
    for i in range(1, resources + 1):
        text += (
            f'\n[resources.item{i}]\nfields = ["title:string:max=120", "body:text?", '
            '"status:enum:draft,live:default=draft", "score:integer:default=0"]\n'
        )
    return text


def timed(command: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def measure(runs: int, setup, command) -> dict:
    samples = []
    for run in range(runs + 1):
        setup()
        sample = timed(command())
        if run > 0:
            samples.append(sample)
    seconds = [s for s, _ in samples]
    return {
        "median": statistics.median(seconds),
        "min": min(seconds),
        "max": max(seconds),
        "rss": max(r for _, r in samples) / 1024,
    }


def row(label: str, m: dict, extra: str = "") -> None:
    print(
        f"| {label} | {m['median'] * 1000:.1f} | {m['min'] * 1000:.1f} | {m['max'] * 1000:.1f} "
        f"| {m['rss']:.1f} | {extra} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1,10,100,1000")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    print(f"machine: {os.cpu_count()} cores; strata {STRATA}")
    print("| step | median ms | min ms | max ms | peak RSS MiB | note |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for size in (int(s) for s in args.sizes.split(",")):
            manifest_path = work / f"m{size}.toml"
            manifest_path.write_text(manifest(size))
            app, copy, base = work / f"app{size}", work / f"copy{size}", work / f"base{size}"
            new = measure(
                args.runs,
                lambda: shutil.rmtree(app, ignore_errors=True),
                lambda: [str(STRATA), "new", str(app), "--no-git", "--yes", "--manifest", str(manifest_path)],
            )
            files = sum(1 for p in app.rglob("*") if p.is_file())
            cp = measure(
                args.runs,
                lambda: shutil.rmtree(copy, ignore_errors=True),
                lambda: ["cp", "-r", str(app), str(copy)],
            )
            row(f"new, {size} resources", new, f"{files} files")
            row(f"cp -r of that tree, {size}", cp, f"strata/cp = {new['median'] / cp['median']:.2f}x")
            noop = measure(args.runs, lambda: None, lambda: [str(STRATA), "-C", str(app), "generate"])
            row(f"generate (no-op), {size}", noop)
            shutil.copytree(app, base)

            def reset() -> None:
                shutil.rmtree(app, ignore_errors=True)
                shutil.copytree(base, app)

            add = measure(args.runs, reset, lambda: [str(STRATA), "-C", str(app), "add", "resource", "Extra", "title:string"])
            row(f"add resource into {size}", add)


if __name__ == "__main__":
    main()
