#!/usr/bin/env bash
# What the test suite needs beyond a JDK, installed when missing (run by the build itself, from the
# e2e-tests module, so `./mvnw -B -ntp verify` stays the one test command):
# - Node.js and npm, from Debian's packages, for the interoperability checks;
# - Chromium and its chromedriver, from Debian's packages, for the browser tests of the pages;
# - the npm packages of e2e-tests/src/test/node/package.json, into the directory given as $1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?usage: test-prerequisites.sh <install directory>}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "test-prerequisites: installing nodejs and npm from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "test-prerequisites: installing chromium and chromium-driver from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi

mkdir -p "$target"
src="$here/e2e-tests/src/test/node"
if ! cmp -s "$src/package.json" "$target/package.json" || [ ! -d "$target/node_modules" ]; then
  echo "test-prerequisites: npm packages into $target"
  cp "$src"/package.json "$src"/package-lock.json "$target"/
  (cd "$target" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$src"/*.js "$src"/*.mjs "$target"/
