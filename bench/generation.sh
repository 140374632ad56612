#!/usr/bin/env bash
# Generation benchmark: wall time and peak RSS of `strata new`, `add resource` and a no-op
# `generate` for manifests of 1, 10, 100 and 1000 resources, against `cp -r` of the same tree.
# Usage: bench/generation.sh [runs]   (median of `runs` runs after one warm-up; default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --quiet
strata=$PWD/target/release/strata
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

manifest() { # manifest <resources>
  printf '[app]\nname = "bench"\n\n[auth]\nstrategy = "jwt"\n'
  for i in $(seq 1 "$1"); do
    printf '\n[resources.item%d]\nfields = ["title:string:max=120", "body:text?", "status:enum:draft,live:default=draft", "score:integer:default=0"]\n' "$i"
  done
}

# measure <label> <setup command> <timed command>: prints label, median/min/max seconds, peak RSS.
measure() {
  local label=$1 setup=$2 timed=$3 samples=()
  for i in $(seq 0 "$runs"); do
    eval "$setup"
    local out
    out=$( { /usr/bin/time -f '%e %M' bash -c "$timed" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
    [ "$i" -eq 0 ] && continue   # warm-up
    samples+=("$out")
  done
  printf '%s\n' "${samples[@]}" | python3 -c "
import statistics, sys
rows = [line.split() for line in sys.stdin if line.strip()]
secs = sorted(float(r[0]) for r in rows)
rss = max(int(r[1]) for r in rows)
print(f'$label\tmedian {statistics.median(secs)*1000:.0f} ms\tmin {secs[0]*1000:.0f}\tmax {secs[-1]*1000:.0f}\tpeak RSS {rss/1024:.1f} MiB')
"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
for n in 1 10 100 1000; do
  manifest "$n" > "$work/m$n.toml"
  measure "new        $n" "rm -rf $work/app$n" "$strata new $work/app$n --no-git --yes --manifest $work/m$n.toml"
  files=$(find "$work/app$n" -type f | wc -l)
  measure "cp -r      $n ($files files)" "rm -rf $work/copy$n" "cp -r $work/app$n $work/copy$n"
  measure "generate   $n (no-op)" ":" "$strata -C $work/app$n generate"
  cp -r "$work/app$n" "$work/base$n"
  measure "add        $n" "rm -rf $work/app$n && cp -r $work/base$n $work/app$n" "$strata -C $work/app$n add resource Extra title:string"
done
