#!/usr/bin/env bash
# Build the one-folder app into dist/zsdesk with PyInstaller (build.spec), then check that it starts.
# Usage: bash scripts/build_bundle.sh   (uses .venv; installs the [build] extra when PyInstaller is missing)
set -eu
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
"$PY" -c "import PyInstaller" 2>/dev/null || "$PY" -m pip install -q -e ".[build]"

# The compiled forms are imported by the GUI, so they must exist before PyInstaller walks imports.
"$PY" scripts/build_forms.py

start=$(date +%s)
# --noconfirm: replace an old dist/zsdesk; build/ holds PyInstaller's cache between runs.
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec
end=$(date +%s)

# The bundle must start without this venv: run it with a clean environment apart from the display.
env -i HOME="${HOME:-/tmp}" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen dist/zsdesk/zsdesk --help >/dev/null
size=$(du -sh dist/zsdesk | cut -f1)
echo "bundle: dist/zsdesk ($size) built in $((end - start)) s; dist/zsdesk/zsdesk --help ok"
