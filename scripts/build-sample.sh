#!/usr/bin/env bash
# Build the sample kit: HTML pages and PDF handouts for every sample locale into dist/.
# Installs what it needs first (scripts/setup.sh); safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
KIT=.venv/bin/kit
$KIT extract
$KIT update
$KIT status
$KIT build "$@"
echo "sample kit built: open dist/index.html" >&2
