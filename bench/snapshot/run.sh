#!/usr/bin/env bash
# Times `tenure-heap leaks`, `tenure-heap summary` and memlab's `find-leaks` side by side on three
# ~0.5 GB node-written snapshots and prints a markdown table (wall time, peak RSS, ratios).
#
# usage: bench/snapshot/run.sh [build-dir] [--objects N] [--work DIR] [--repeat N] [--reuse-memlab]
#   build-dir   where tools/tenure-heap lives (default build-snap-bench, configured as Release)
#   --objects N live objects in the generated heap (default: make_snapshots.js's, ~0.5 GB files)
#   --work DIR  snapshots and logs (default /tmp/tenure-snapshot-bench); existing snapshots reused
#   --repeat N  run each tenure-heap command N times and report the run with the lowest wall time
#               (the machine is shared; the table says "best of N")
#   --reuse-memlab  do not re-run memlab (5+ minutes); reuse WORK/memlab_find_leaks.time from the
#               last run (the table marks the row as reused)
# Needs node 20 + npm; installs memlab (PUPPETEER_SKIP_DOWNLOAD=1) into bench/snapshot/memlab.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=build-snap-bench
objects=
work=/tmp/tenure-snapshot-bench
repeat=1
reuse_memlab=0
while (($#)); do
  case $1 in
    --objects) objects=$2; shift ;;
    --work) work=$2; shift ;;
    --repeat) repeat=$2; shift ;;
    --reuse-memlab) reuse_memlab=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) build=$1 ;;
  esac
  shift
done
cd "$root"
[[ $build = /* ]] || build="$root/$build"

heap="$build/tools/tenure-heap"
if [[ ! -x $heap ]]; then
  echo "run.sh: building tenure-heap in $build"
  [[ -f $build/CMakeCache.txt ]] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
      -DTENURE_WITH_HEAP=OFF -DTENURE_WITH_JS=OFF -DTENURE_WITH_TESTS=OFF >/dev/null
  cmake --build "$build" -j2 --target tenure-heap >/dev/null
fi

memlab_dir="$here/memlab"
if [[ ! -x $memlab_dir/node_modules/.bin/memlab ]]; then
  echo "run.sh: installing memlab into $memlab_dir"
  mkdir -p "$memlab_dir"
  [[ -f $memlab_dir/package.json ]] || echo '{"name":"tenure-bench-memlab","private":true}' > "$memlab_dir/package.json"
  (cd "$memlab_dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm i --no-audit --no-fund --silent memlab@2.0.5)
fi

mkdir -p "$work"
if [[ ! -f $work/final.heapsnapshot ]]; then
  echo "run.sh: writing snapshots into $work (several minutes)"
  node --max-old-space-size=16384 "$here/make_snapshots.js" "$work" ${objects:+--objects "$objects"}
fi
b=$work/baseline.heapsnapshot t=$work/target.heapsnapshot f=$work/final.heapsnapshot

# measure NAME CMD...: runs CMD under GNU time; records wall seconds, peak RSS (KB), exit status,
# CPU (user+sys) seconds. parse_time NAME reads those back from WORK/NAME.time.
declare -A wall rss status cpu
parse_time() {
  local name=$1 log="$work/$1.time" e
  e=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
  wall[$name]=$(awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }' <<<"$e")
  rss[$name]=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$log")
  cpu[$name]=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log")
  status[$name]=$(sed -n 's/^\s*Exit status: //p' "$log")
}
measure() {
  local name=$1; shift
  echo "run.sh: $name: $*" >&2
  set +e
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>&1
  set -e
  parse_time "$name"
}
# best_of NAME CMD...: measure CMD `repeat` times, keep the run with the lowest wall time.
best_of() {
  local name=$1; shift
  local best= i
  for ((i = 1; i <= repeat; i++)); do
    measure "$name.try" "$@"
    if [[ -z $best ]] || awk -v a="${wall[$name.try]}" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=${wall[$name.try]}
      cp "$work/$name.try.time" "$work/$name.time"
      cp "$work/$name.try.out" "$work/$name.out"
    fi
  done
  rm -f "$work/$name.try.time" "$work/$name.try.out"
  parse_time "$name"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
best_of tenure_summary "$heap" summary "$f"
best_of tenure_leaks "$heap" leaks "$b" "$t" "$f"
memlab_note=
if ((reuse_memlab)) && [[ -f $work/memlab_find_leaks.time ]]; then
  parse_time memlab_find_leaks
  memlab_note=" (reused from $(date -u -r "$work/memlab_find_leaks.time" '+%F %H:%M UTC'))"
else
  rm -rf "$work/memlab-work"
  measure memlab_find_leaks env NODE_OPTIONS=--max-old-space-size=16384 \
    "$memlab_dir/node_modules/.bin/memlab" find-leaks --baseline "$b" --target "$t" --final "$f" \
    --trace-all-objects --work-dir "$work/memlab-work"
fi

size() { du -m "$1" | cut -f1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "n/a" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
echo
echo "Snapshots: baseline $(size "$b") MB, target $(size "$t") MB, final $(size "$f") MB; $(nproc) cores;" \
     "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %H:%M UTC');" \
     "tenure-heap rows: best of $repeat by wall time"
echo
echo "| command | wall (s) | CPU user+sys (s) | peak RSS (MB) | exit | memlab ÷ this (wall) | memlab ÷ this (RSS) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for n in tenure_summary tenure_leaks memlab_find_leaks; do
  label=$n
  [[ $n = memlab_find_leaks ]] && label+=$memlab_note
  echo "| $label | ${wall[$n]} | ${cpu[$n]} | $(mb "${rss[$n]}") | ${status[$n]} | $(ratio "${wall[memlab_find_leaks]}" "${wall[$n]}") | $(ratio "${rss[memlab_find_leaks]}" "${rss[$n]}") |"
done
echo
echo "Outputs: $work/*.out (memlab's exit status is shown as-is; 0 = finished)."
