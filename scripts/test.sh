#!/usr/bin/env bash
# The test command: makes .venv if needed, installs zsdesk with the test, build and server extras, lints,
# type-checks, checks layering, runs pytest (including the wheel install test and the bundle build).
# Extra arguments go to pytest (e.g. scripts/test.sh -m "not bundle" -x).
set -eu
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test,build,server]"
.venv/bin/ruff check zsdesk tests scripts
.venv/bin/ruff format --check zsdesk tests scripts
.venv/bin/lint-imports
.venv/bin/mypy
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
