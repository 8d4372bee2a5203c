#!/usr/bin/env bash
# Debian's chromium for the dashboard tests (Playwright drives it with executable_path; we never
# run `playwright install`, which would download a browser build). Idempotent and quiet.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
