#!/usr/bin/env bash
# Package dist/zsdesk as a .deb for Debian-based domestic Linux (UOS, Kylin): /opt/zsdesk, /usr/bin/zsdesk,
# a desktop entry and icon. Builds the bundle first when dist/zsdesk is missing.
# Usage: bash scripts/build_deb.sh   ->  dist/zsdesk_<version>_<arch>.deb
set -eu
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
[ -x dist/zsdesk/zsdesk ] || bash scripts/build_bundle.sh

version=$("$PY" -c "import zsdesk; print(zsdesk.__version__)")
arch=$(dpkg --print-architecture)
root=build/deb/zsdesk_${version}_${arch}
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/zsdesk"
cp -a dist/zsdesk "$root/opt/zsdesk"
ln -s /opt/zsdesk/zsdesk "$root/usr/bin/zsdesk"
cp zsdesk/assets/icons/app.svg "$root/usr/share/icons/hicolor/scalable/apps/zsdesk.svg"
cp zsdesk/assets/fonts/wqy-microhei.LICENSE.txt "$root/usr/share/doc/zsdesk/wqy-microhei.LICENSE.txt"

cat > "$root/usr/share/applications/zsdesk.desktop" <<'DESKTOP'
[Desktop Entry]
Type=Application
Name=Investment Promotion Field Desk
Name[zh_CN]=招商外勤
GenericName=Field visit log
GenericName[zh_CN]=招商外勤桌面端
Comment=Offline field log, weekly reports and sync for investment-promotion officers
Comment[zh_CN]=离线记录走访、项目、诉求与任务，打印周报和统计表，与省级服务器同步
Exec=/opt/zsdesk/zsdesk
Icon=zsdesk
Terminal=false
Categories=Office;
StartupWMClass=zsdesk
DESKTOP

# Installed size in KiB, as dpkg expects. The Depends are the system libraries Qt's xcb/wayland
# plugins load (docs/PLATFORM.md); everything else, Python included, is inside /opt/zsdesk.
size=$(du -sk "$root/opt" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: zsdesk
Version: ${version}
Section: office
Priority: optional
Architecture: ${arch}
Installed-Size: ${size}
Depends: libgl1, libegl1, libx11-6, libx11-xcb1, libglib2.0-0, libxkbcommon0, libxkbcommon-x11-0, libfreetype6, libfontconfig1, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xfixes0, libxcb-xkb1, libxcb-sync1, libxcb-shm0
Maintainer: zsdesk maintainers <zsdesk@localhost>
Description: 招商外勤桌面端 (investment-promotion field desk)
 Offline field log for investment-promotion officers: visits, projects,
 demands and tasks; weekly reports and statistics sheets as PDF; sync with
 the provincial server. Self-contained (Python and Qt are bundled).
CONTROL

mkdir -p dist
out="dist/zsdesk_${version}_${arch}.deb"
# gzip: xz would save ≈20 % but takes minutes on a 2-core build machine.
dpkg-deb --root-owner-group -Zgzip --build "$root" "$out" >/dev/null
echo "deb: $out ($(du -h "$out" | cut -f1))"
