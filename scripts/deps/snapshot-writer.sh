# Dependencies of the heap-snapshot WRITER tests (tests/snapshot_writer), sourced by
# scripts/install-deps.sh. The tests load tenure's snapshots with Chrome DevTools' own parsing code
# (npm heap-snapshot-toolkit) and with memlab. Puppeteer (a memlab dependency) must not download
# Chrome: find-leaks needs no browser. node_modules stays out of git (.gitignore).
command -v npm >/dev/null || { echo "install-deps: snapshot writer tests need node 20 + npm on PATH" >&2; exit 1; }
if [[ ! -f tests/snapshot_writer/node_deps/node_modules/heap-snapshot-toolkit/package.json ||
      ! -f tests/snapshot_writer/node_deps/node_modules/memlab/package.json ]]; then
  echo "install-deps: npm install (tests/snapshot_writer/node_deps)"
  (cd tests/snapshot_writer/node_deps &&
     PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --silent)
fi
