#!/usr/bin/env bash
# Installs build and test dependencies a fresh Debian 12 machine may lack. Idempotent and quiet when
# everything is present. Used by .ci/run and safe to run by hand. Component-specific installs live in
# scripts/deps/*.sh (each sourced here) so components can add what they need without editing this file.
set -euo pipefail
cd "$(dirname "$0")/.."
APT_UPDATED=0
# apt_need PKG...: installs the packages that are not installed yet.
apt_need() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  echo "install-deps: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ((APT_UPDATED == 0)); then apt-get update -qq; APT_UPDATED=1; fi
  apt-get install -y -qq "${missing[@]}" >/dev/null
}
apt_need cmake make g++ clang libgtest-dev libgmock-dev libbenchmark-dev libclang-rt-14-dev
for f in scripts/deps/*.sh; do
  [[ -e $f ]] || continue
  # shellcheck disable=SC1090
  source "$f"
done
