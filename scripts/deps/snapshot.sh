# Dependencies of the heap-snapshot analyzer tests (sourced by scripts/install-deps.sh, which
# defines apt_need). Chromium renders the HTML report in a headless test; heap-snapshot-toolkit
# (Chrome DevTools' snapshot code) is the oracle for retained sizes. node_modules stay out of git.
apt_need chromium
command -v npm >/dev/null || { echo "install-deps: snapshot tests need node 20 + npm on PATH" >&2; exit 1; }
if [[ ! -f tests/snapshot/toolkit/node_modules/heap-snapshot-toolkit/package.json ]]; then
  echo "install-deps: npm install (tests/snapshot/toolkit)"
  (cd tests/snapshot/toolkit && npm install --no-audit --no-fund --silent)
fi
