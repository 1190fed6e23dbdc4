#!/usr/bin/env bash
# Finds a Chromium for Playwright: Debian's package when possible (Playwright's download is blocked on
# our machines), else Playwright's own build on a machine that can download it.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No system Chromium found; asking Playwright for its own."
npx playwright install chromium
