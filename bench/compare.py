#!/usr/bin/env python3
"""Two strata binaries side by side, in alternating pairs so that the machine's drift falls on
both alike: `new` of the blog fixture and of 100 resources, `add resource` into an app of 100
resources on disk, and a no-op `generate` there. Prints median wall and CPU ms of each.

Usage: bench/compare.py BEFORE AFTER [--pairs N]   (release binaries; N defaults to 12)
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


def hundred() -> str:
    text = '[app]\nname = "bench"\n\n[auth]\nstrategy = "jwt"\n'
    for i in range(1, 101):
        text += (
            f'\n[resources.item{i}]\nfields = ["title:string:max=120", "body:text?", '
            '"status:enum:draft,live:default=draft", "score:integer:default=0"]\n'
        )
    return text


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU milliseconds of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)} in {cwd}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--pairs", type=int, default=12)
    args = parser.parse_args()
    binaries = {"before": args.before, "after": args.after}
    work = Path(tempfile.mkdtemp(prefix="strata-compare-"))
    (work / "hundred.toml").write_text(hundred())
    blog = ROOT / "tests/fixtures/blog.toml"
    samples: dict[tuple[str, str], list[tuple[float, float]]] = {}

    def record(step: str, label: str, sample: tuple[float, float]) -> None:
        samples.setdefault((step, label), []).append(sample)

    # One app of 100 resources per binary, made by that binary, for the runs inside an app.
    apps = {}
    for label, binary in binaries.items():
        apps[label] = work / f"app-{label}"
        subprocess.run([binary, "new", str(apps[label]), "--no-git", "--manifest", str(work / "hundred.toml")],
                       check=True, stdout=subprocess.DEVNULL)
    for pair in range(args.pairs + 1):
        order = list(binaries.items()) if pair % 2 == 0 else list(reversed(binaries.items()))
        for label, binary in order:
            for name, manifest in [("new blog", blog), ("new 100 resources", work / "hundred.toml")]:
                target = work / f"new-{label}"
                shutil.rmtree(target, ignore_errors=True)
                sample = timed([binary, "new", str(target), "--no-git", "--manifest", str(manifest)], work)
                if pair > 0:
                    record(name, label, sample)
            app = apps[label]
            sample = timed([binary, "add", "resource", f"Extra{pair}", "title:string"], app)
            if pair > 0:
                record("add resource into 100", label, sample)
            sample = timed([binary, "generate"], app)
            if pair > 0:
                record("no-op generate (100)", label, sample)
    print(f"| step | before wall | after wall | before CPU | after CPU |  ({args.pairs} pairs, medians, ms)")
    print("|---|---|---|---|---|")
    for step in ["new blog", "new 100 resources", "add resource into 100", "no-op generate (100)"]:
        cells = []
        for index in (0, 1):
            for label in ("before", "after"):
                cells.append(statistics.median(s[index] for s in samples[(step, label)]))
        print(f"| {step} | {cells[0]:.1f} | {cells[1]:.1f} | {cells[2]:.1f} | {cells[3]:.1f} |")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
