#!/usr/bin/env bash
# Installs what DVZ Desktop needs on a Debian/Ubuntu machine: system libraries for Qt, fonts, Xvfb and a
# tray host for headless tests, the servers the tests start themselves (tests/services: Janus,
# PostgreSQL, Redis, HAProxy, slapd, an OpenID provider on Node), then a Python virtual environment in
# .venv with the project and its test tools. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3-venv python3-pip
  # Qt's runtime libraries (xcb for real windows, EGL/GL for QtGui) and a font so text is not boxes.
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core
  # Headless desktop for tests: a virtual X server and a tray host.
  xvfb xauth trayer
  # Audio devices for calls (sounddevice).
  libportaudio2
  # What Linux (and Qt) asks which program opens a link such as eakte:// (xdg-open, xdg-mime).
  xdg-utils
  # The browser side of the digital door in the end-to-end test (headless, fake camera and microphone).
  chromium chromium-driver
  # Servers the tests start on loopback ports in temporary folders (tests/services), never the
  # system's own instances: the SFU (in a network namespace: iproute2), the cluster's database, bus
  # and proxy, and the organisation's directory.
  janus iproute2 postgresql redis-server haproxy slapd ldap-utils
  # The council tests read the minutes' PDF back as text (pdftotext).
  poppler-utils
)
# The OpenID provider of the sign-on tests runs on Node (any Node.js >= 20 will do, so one that is
# there already is kept: Debian's npm cannot be installed beside NodeSource's nodejs).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  APT_PACKAGES+=(nodejs npm)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installiere Systempakete: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "Bitte als Administrator installieren: apt-get install ${missing[*]}" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  # slapd would build a directory of its own from debconf answers: the tests bring their own.
  echo "slapd slapd/no_configuration boolean true" | $SUDO debconf-set-selections
  # postgresql, redis-server, slapd, janus and haproxy start system services on install (Janus's with
  # default secrets on every interface). The tests never use those: keep them from starting now
  # (policy-rc.d, unless the machine has its own) and, under systemd, at boot.
  own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  status=0
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } || status=$?
  [ -z "$own_policy" ] || $SUDO rm -f /usr/sbin/policy-rc.d
  [ "$status" = 0 ] || exit "$status"
  if [ -d /run/systemd/system ]; then
    for service in janus postgresql redis-server slapd haproxy; do
      case " ${missing[*]} " in *" $service "*)
        $SUDO systemctl disable --quiet "$service" 2>/dev/null || true;;
      esac
    done
  fi
fi

# The OpenID provider's packages, exactly as locked (again when the lock file changed).
oidc=tests/services/oidc
lock_stamp="$oidc/node_modules/.installed-$(sha256sum "$oidc/package-lock.json" | cut -c1-16)"
if [ ! -f "$lock_stamp" ]; then
  if command -v npm >/dev/null 2>&1; then
    (cd "$oidc" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$lock_stamp"
  else
    echo "Ohne npm werden die Anmelde-Tests (OpenID) übersprungen." >&2
  fi
fi

PY=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)' 2>/dev/null; then
    PY="$candidate"; break
  fi
done
[ -n "$PY" ] || { echo "Python 3.11 bis 3.13 wird benötigt." >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
