#!/usr/bin/env bash
# Debian's chromium for apps/web's browser tests (Playwright drives /usr/bin/chromium; it never
# downloads a browser of its own). Idempotent: does nothing when chromium is already installed.
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
