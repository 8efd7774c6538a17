#!/usr/bin/env bash
# The main demo behind `make run`.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
if [[ -x $build/tools/tenure && -f examples/seed/leak-reproduction.js ]]; then
  exec "$build/tools/tenure" --trace-gc examples/seed/leak-reproduction.js
fi
exec "$build/examples/demo/tenure-demo"
