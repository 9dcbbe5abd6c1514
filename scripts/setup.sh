#!/usr/bin/env bash
# Install everything kit needs on a Debian machine (root or sudo), then the package and its
# extras into .venv. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3 python3-venv git gettext poppler-utils chromium
  fonts-noto-core fonts-noto-cjk fonts-noto-extra libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# The interpreter: Debian's own python3, which the packages above install. Debian builds it
# with profile-guided optimization and link-time optimization; a python3 that comes earlier in
# PATH may not have them (pyenv builds without both by default; on the project machine its
# build took 1.24x the CPU time for kit build, 1.38x for kit check). PYTHON=... chooses another.
if [ -z "${PYTHON:-}" ]; then
  PYTHON=python3
  if /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    PYTHON=/usr/bin/python3  # (Debian 11's is 3.9, too old for kit: then python3 from PATH)
  fi
  if [ -f .venv/pyvenv.cfg ] && [ "$PYTHON" = /usr/bin/python3 ] && ! grep -qx "home = /usr/bin" .venv/pyvenv.cfg; then
    echo "setup: note: .venv runs $(sed -n 's/^executable = //p' .venv/pyvenv.cfg), not Debian's" \
      "/usr/bin/python3, which runs kit faster (README, Benchmarks); delete .venv to switch" >&2
  fi
fi
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$PYTHON" -m venv .venv
fi
EXTRAS="${KIT_EXTRAS:-test}"
stamp=".venv/.kit-installed-$(sha256sum pyproject.toml | cut -c1-16)-${EXTRAS//,/_}"
if [ ! -f "$stamp" ]; then
  echo "setup: installing kit[$EXTRAS] into .venv" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$EXTRAS]" >&2
  touch "$stamp"
fi
