#!/usr/bin/env python3
"""strata against its peers and the file-copy floor, in one run on one machine.

Usage: bench/peers.py [--runs N] [--dir DIR]
Median of N runs (default 5) after one warm-up, min and max too; ratios pair by pair.
DIR is where the apps are written (default: a temporary directory; try /dev/shm for tmpfs).
Needs network access to the npm registry once, for npx to fetch the peers.
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
PEERS = ROOT / "bench/peers"
T3 = [
    "npx", "--yes", "create-t3-app@7.40.0", "t3app", "--CI", "--noInstall", "--noGit",
    "--tailwind", "true", "--drizzle", "true", "--trpc", "true", "--nextAuth", "false",
    "--betterAuth", "false", "--eslint", "true", "--dbProvider", "postgres", "--appRouter", "true",
]
CNA = [
    "npx", "--yes", "create-next-app@16.4.3", "cna", "--ts", "--app", "--src-dir", "--eslint",
    "--no-tailwind", "--use-npm", "--skip-install", "--disable-git", "--import-alias", "@/*",
    "--no-react-compiler", "--yes",
]


def once(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(runs: int, setup, command: list[str], cwd: Path) -> list[float]:
    samples = []
    for run in range(runs + 1):
        setup()
        seconds = once(command, cwd)
        if run > 0:
            samples.append(seconds)
    return samples


def files(path: Path) -> int:
    return sum(1 for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefer-offline"], cwd=PEERS, check=True, stdout=subprocess.DEVNULL)
    base = Path(tempfile.mkdtemp(dir=args.dir))
    try:
        blog = ROOT / "tests/fixtures/blog.toml"
        app, copy = base / "blog", base / "blog-copy"
        rows = {}
        rows["strata new (blog)"] = measure(args.runs, lambda: shutil.rmtree(app, ignore_errors=True), [str(STRATA), "new", str(app), "--no-git", "--yes", "--manifest", str(blog)], base)
        counted = {"strata new (blog)": files(app)}
        rows["cp -r of that tree"] = measure(args.runs, lambda: shutil.rmtree(copy, ignore_errors=True), ["cp", "-r", str(app), str(copy)], base)
        rows["create-t3-app (no install)"] = measure(args.runs, lambda: shutil.rmtree(base / "t3app", ignore_errors=True), T3, base)
        counted["create-t3-app (no install)"] = files(base / "t3app")
        rows["create-next-app --skip-install"] = measure(args.runs, lambda: shutil.rmtree(base / "cna", ignore_errors=True), CNA, base)
        counted["create-next-app --skip-install"] = files(base / "cna")
        pristine = base / "blog-pristine"
        shutil.copytree(app, pristine)

        def reset() -> None:
            shutil.rmtree(app, ignore_errors=True)
            shutil.copytree(pristine, app)

        rows["strata add resource (9 new files + updates)"] = measure(args.runs, reset, [str(STRATA), "-C", str(app), "add", "resource", "Widget", "name:string"], base)
        rows["hygen, one resource (9 files)"] = measure(args.runs, lambda: shutil.rmtree(PEERS / "out", ignore_errors=True), [str(PEERS / "node_modules/.bin/hygen"), "resource", "new", "--name", "widget"], PEERS)
        shutil.rmtree(PEERS / "out", ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"machine: {os.cpu_count()} cores; apps written under {args.dir or tempfile.gettempdir()}")
    print("| command | files | median ms | min ms | max ms |")
    print("|---|---|---|---|---|")
    for name, samples in rows.items():
        print(f"| {name} | {counted.get(name, '')} | {statistics.median(samples) * 1000:.1f} | {min(samples) * 1000:.1f} | {max(samples) * 1000:.1f} |")
    median = {name: statistics.median(samples) for name, samples in rows.items()}
    new = median["strata new (blog)"]
    print()
    print(f"strata new ÷ cp -r: {new / median['cp -r of that tree']:.2f}")
    print(f"create-t3-app ÷ strata new: {median['create-t3-app (no install)'] / new:.1f}")
    print(f"create-next-app ÷ strata new: {median['create-next-app --skip-install'] / new:.1f}")
    print(f"hygen ÷ strata add resource: {median['hygen, one resource (9 files)'] / median['strata add resource (9 new files + updates)']:.1f}")


if __name__ == "__main__":
    main()
