#!/usr/bin/env bash
# Run the whole test suite: lint (ruff), types (mypy --strict), then pytest.
# Installs what it needs first (scripts/setup.sh); safe to run again. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check kit tests bench
.venv/bin/ruff format --check kit tests bench
.venv/bin/mypy --strict kit
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "error: pytest collected no tests" >&2
  exit 1
fi
exit "$status"
