#!/usr/bin/env bash
# The benchmark suite behind `make bench`: installs the bench-only packages, configures and builds
# the Release bench tree, runs every workload side by side (bench/harness/bench.py) and writes the
# markdown tables to <build-dir>/bench-results.md.
#
# Usage: scripts/bench.sh [build-dir] [--quick] [--with-snapshot] [--groups LIST] [--runs N]
#   build-dir        default build-bench
#   --quick          smoke-test sizes, one run each (also BENCH_QUICK=1); finishes in about a minute
#   --with-snapshot  also run bench/snapshot/run.sh if it exists (also BENCH_WITH_SNAPSHOT=1); slow
#   --groups LIST    comma list of cpp,micro,js,startup (default: all)
#   --runs N         runs per C++/node/tenure row (default 3; quick 1)
#   --self-test      only run the harness unit tests (bench/harness/test_harness.py) and exit
# Extra environment: BENCH_NO_INSTALL=1 skips apt-get; BENCH_JOBS (default 2) build parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."

invocation="scripts/bench.sh $*"
[[ ${BENCH_QUICK:-0} == 1 ]] && invocation="BENCH_QUICK=1 $invocation"
build=build-bench
quick=${BENCH_QUICK:-0}
with_snapshot=${BENCH_WITH_SNAPSHOT:-0}
harness_args=()
while (($#)); do
  case $1 in
    --quick) quick=1 ;;
    --with-snapshot) with_snapshot=1 ;;
    --self-test) exec python3 -m unittest discover -s bench/harness ;;
    --groups|--runs)
      (($# >= 2)) || { echo "bench.sh: $1 needs a value" >&2; exit 2; }
      harness_args+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "bench.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) build=$1 ;;
  esac
  shift
done
[[ $quick == 1 ]] && harness_args+=(--quick)

# Bench-only packages (Debian 12 names): allocators and collectors to compare against, the duk
# interpreter, hyperfine for start-up timing, GNU time for peak RSS.
install_bench_packages() {
  local pkgs=(libmimalloc-dev libjemalloc-dev libgc-dev duktape hyperfine time libbenchmark-dev)
  local missing=()
  for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if [[ ${BENCH_NO_INSTALL:-0} == 1 ]]; then
    echo "bench.sh: missing ${missing[*]} (BENCH_NO_INSTALL=1: their rows will say 'not built')" >&2
    return 0
  fi
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  echo "bench.sh: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}
install_bench_packages

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG" \
  -DTENURE_WITH_BENCH=ON -DTENURE_WITH_TESTS=OFF >/dev/null
# The whole tree is built (the tenure executable is a JS row) with make -k, so one component that
# does not compile yet costs only its own rows. Executables are deleted first so a failed build
# cannot leave a stale binary to be measured. The build log is kept out of the tables.
rm -f "$build"/bench/cpp/* "$build"/tools/tenure 2>/dev/null || true
build_ok=1
if ! cmake --build "$build" -j"${BENCH_JOBS:-2}" -- -k >"$build/bench-build.log" 2>&1; then
  build_ok=0
  grep -E "error|Error" "$build/bench-build.log" | head -n 15 >&2 || true
  echo "bench.sh: part of the build failed (log: $build/bench-build.log); rows whose executable" \
    "is missing will say 'not built', and this run will exit non-zero" >&2
fi

((build_ok)) || harness_args+=(--note "part of the build failed; missing rows are 'not built' (see $build/bench-build.log)")
status=0
python3 bench/harness/bench.py --build-dir "$build" --command "$invocation" \
  "${harness_args[@]}" || status=$?

if [[ $with_snapshot == 1 ]]; then
  if [[ -x bench/snapshot/run.sh ]]; then
    echo "bench.sh: running bench/snapshot/run.sh $build"
    bench/snapshot/run.sh "$build" || status=$?
  else
    echo "bench.sh: --with-snapshot given but bench/snapshot/run.sh does not exist (yet)" >&2
  fi
fi
((build_ok)) || status=1
exit "$status"
