#!/usr/bin/env bash
# Copy the sample's templates/ into kit's packaged defaults (kit/data/project/templates/), which
# `kit new` projects and any project without a templates/ folder use. Run it after changing
# templates/; tests/cli/test_new_project.py fails until the two are the same.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf kit/data/project/templates
cp -r templates kit/data/project/templates
echo "kit/data/project/templates/ now matches templates/"
