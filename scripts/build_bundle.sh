#!/usr/bin/env bash
# Build the one-folder app into dist/zsdesk with PyInstaller (build.spec), then check that it starts.
# Usage: bash scripts/build_bundle.sh   (uses .venv; installs the [build] extra when PyInstaller is missing)
# ZSDESK_DIST / ZSDESK_WORK move the output and PyInstaller's work folder (the bundle test builds
# into a temporary folder so parallel test runs never overwrite each other's dist/).
set -eu
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
"$PY" -c "import PyInstaller" 2>/dev/null || "$PY" -m pip install -q -e ".[build]"

# The compiled forms and .qm files are committed; refuse to bundle stale ones.
"$PY" scripts/build_forms.py --check

DIST=${ZSDESK_DIST:-dist}
WORK=${ZSDESK_WORK:-build/pyinstaller}
start=$(date +%s)
# --noconfirm: replace an old dist/zsdesk; build/ holds PyInstaller's cache between runs.
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" build.spec
end=$(date +%s)

# The bundle must start without this venv: run it with a clean environment apart from the display.
env -i HOME="${HOME:-/tmp}" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$DIST/zsdesk/zsdesk" --help >/dev/null
size=$(du -sh "$DIST/zsdesk" | cut -f1)
echo "bundle: $DIST/zsdesk ($size) built in $((end - start)) s; $DIST/zsdesk/zsdesk --help ok"
