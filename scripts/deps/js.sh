# JavaScript runtime tests: tests/js/run_js_tests.py drives the .js suites (python3); the
# node-diff suite uses node when present (not installed here: nodesource node 20 is the reference).
apt_need python3
