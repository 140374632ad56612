#!/usr/bin/env python3
"""Team benchmark: apps sharing one template pack. For 1, 10 and 50 apps of 10 resources each
(all made with `strata new --pack`), the wall time of `strata check --all` while every app is
current, and again after a change to a per-resource template of the pack (every app behind);
then of `strata generate` in one app taking that change, with a hand edit merged into every
changed file.

Usage: bench/team.py [--runs N] [--apps 1,10,50] [--resources 10]
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
TEMPLATE = "src/services/__kebab__.service.ts"


def resources(count: int) -> list[str]:
    spec = "title:string:max=120 body:text? status:enum:draft,live:default=draft"
    return [arg for i in range(1, count + 1) for arg in ("--resource", f"Item{i} {spec}")]


def run(command: list[str], cwd: Path, ok=(0,)) -> float:
    start = time.perf_counter()
    status = subprocess.run(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    ).returncode
    elapsed = time.perf_counter() - start
    if status not in ok:
        raise SystemExit(f"exit {status}: {' '.join(command)}")
    return elapsed


def stats(samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return f"{statistics.median(ms):.0f} | {min(ms):.0f} | {max(ms):.0f}"


def set_pack_version(pack: Path, version: int) -> None:
    text = (ROOT / "templates" / TEMPLATE).read_text()
    target = pack / "templates" / TEMPLATE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"// Team services, v{version}.\n{text}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--apps", default="1,10,50")
    parser.add_argument("--resources", type=int, default=10)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    print(f"machine: {os.cpu_count()} cores; {args.resources} resources an app")
    print("| step | median ms | min ms | max ms |")
    print("|---|---|---|---|")
    for count in (int(n) for n in args.apps.split(",")):
        with tempfile.TemporaryDirectory() as scratch:
            work = Path(scratch)
            pack = work / "team"
            set_pack_version(pack, 1)
            for i in range(count):
                run(
                    [str(STRATA), "new", f"apps/app{i}", "--pack", "team", "--no-git", "--yes"]
                    + resources(args.resources),
                    work,
                )
            check = [str(STRATA), "check", "--all", "apps"]
            current = [run(check, work) for _ in range(args.runs + 1)][1:]
            print(f"| check --all, {count} apps current | {stats(current)} |", flush=True)
            set_pack_version(pack, 2)
            behind = [run(check, work, ok=(1,)) for _ in range(args.runs + 1)][1:]
            print(f"| check --all, {count} apps behind | {stats(behind)} |", flush=True)
            app = work / "apps/app0"
            pristine = work / "pristine"
            shutil.copytree(app, pristine)
            # A hand edit at the end of every file the pack change touches: merged, not lost.
            for service in (pristine / "src/services").glob("item*.service.ts"):
                service.write_text(service.read_text() + "// hand edit\n")
            merges = []
            for _ in range(args.runs + 1):
                shutil.rmtree(app)
                shutil.copytree(pristine, app)
                merges.append(run([str(STRATA), "generate", "-C", str(app)], work))
            edited = (app / "src/services/item1.service.ts").read_text()
            assert edited.startswith("// Team services, v2.") and edited.endswith("// hand edit\n")
            print(
                f"| generate taking the pack change, {args.resources} files merged | "
                f"{stats(merges[1:])} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
