#!/usr/bin/env bash
# Debian/Ubuntu (incl. UOS/Kylin) libraries Qt needs offscreen and under Xvfb, poppler for PDF checks,
# and gnome-keyring (a Secret Service: where the database key is kept on a Linux desktop).
# Run as root (or via sudo). Skips quietly when everything is present.
set -eu
pkgs="libgl1 libegl1 libx11-6 libglib2.0-0 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3
libgssapi-krb5-2 libbrotli1 xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1
libxcb-shm0 libx11-xcb1 poppler-utils python3-venv dbus gnome-keyring"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
