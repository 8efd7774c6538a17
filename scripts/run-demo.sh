#!/usr/bin/env bash
# The main demo behind `make run`: the seed's leak reproduction on the tenure runtime with
# --trace-gc — every tick prints heapUsed, every collection prints a V8-format trace line, and the
# leaked arrays survive each one.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
exec "$build/tools/tenure" --trace-gc examples/seed/06-reproduce-leak.js 15 100
