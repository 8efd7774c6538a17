# Dependencies of the runtime heap-snapshot tests (tests/js_snapshot), sourced by
# scripts/install-deps.sh. They reuse the npm readers of the writer tests
# (tests/snapshot_writer/node_deps: heap-snapshot-toolkit = Chrome DevTools' snapshot code, memlab);
# this installs them when scripts/deps/snapshot-writer.sh has not. Puppeteer must not download
# Chrome (find-leaks needs no browser). node_modules stays out of git.
command -v node >/dev/null || { echo "install-deps: js_snapshot tests need node 20 on PATH" >&2; exit 1; }
if [[ ! -f tests/snapshot_writer/node_deps/node_modules/heap-snapshot-toolkit/package.json ||
      ! -f tests/snapshot_writer/node_deps/node_modules/memlab/package.json ]]; then
  echo "install-deps: npm install (tests/snapshot_writer/node_deps, for tests/js_snapshot)"
  (cd tests/snapshot_writer/node_deps &&
     PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
