#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring) on a private D-Bus session,
# so the keychain test talks to the real OS keychain on a headless Linux machine.
#   bash scripts/with-keyring.sh <command...>
# With a session bus already present (a desktop session, or our own re-exec) the command runs
# as is. Otherwise the script re-runs itself under dbus-run-session with a fresh temporary HOME
# (a keyring unlocked with another password would stay locked) and an unlocked keyring.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh <command...>" >&2
  exit 64
fi

if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  if [ -n "${SITESYNC_KEYRING_PRIVATE:-}" ]; then
    # Inside our private session: run the keyring daemon (in the foreground, so we own its PID and
    # can stop it afterwards: it outlives the bus otherwise), unlocked with a throw-away password.
    printf '%s' 'sitesync-ci' | gnome-keyring-daemon --foreground --unlock --components=secrets >"$HOME/keyring.env" &
    keyring_pid=$!
    for _ in $(seq 100); do grep -q GNOME_KEYRING_CONTROL "$HOME/keyring.env" && break; sleep 0.05; done
    if ! grep -q GNOME_KEYRING_CONTROL "$HOME/keyring.env"; then
      echo "with-keyring: gnome-keyring-daemon did not start" >&2
      kill "$keyring_pid" 2>/dev/null || true
      exit 70
    fi
    export "$(grep GNOME_KEYRING_CONTROL "$HOME/keyring.env")"
    # Wait until the daemon owns the Secret Service name too: a call before that would make D-Bus
    # start a second daemon, whose start-up lines land on the command's own stdout.
    for _ in $(seq 100); do
      gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true && break
      sleep 0.05
    done
    echo "with-keyring: private D-Bus session with an unlocked gnome-keyring (HOME=$HOME)" >&2
    rc=0
    "$@" || rc=$?
    kill "$keyring_pid" 2>/dev/null || true
    wait "$keyring_pid" 2>/dev/null || true
    exit "$rc"
  fi
  exec "$@"
fi

missing=()
command -v dbus-run-session >/dev/null 2>&1 || missing+=(dbus)
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=(gnome-keyring)
if ! { [ -e /usr/lib/x86_64-linux-gnu/libsecret-1.so ] || ldconfig -p 2>/dev/null | grep -q 'libsecret-1\.so'; }; then
  missing+=(libsecret-1-dev)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  {
    echo "with-keyring: no D-Bus session bus, and cannot start a private one with a keyring."
    echo "with-keyring: missing Debian packages: ${missing[*]}"
    echo "with-keyring: install them with:"
    echo "  sudo apt-get install -y --no-install-recommends gnome-keyring dbus libsecret-1-dev"
  } >&2
  exit 69
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/sitesync-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT
# "Failed to set fd limit" from dbus-daemon is harmless noise when not running as its own user.
# An inherited XDG_RUNTIME_DIR would point the daemon at another keyring control directory.
env -u XDG_RUNTIME_DIR HOME="$home" SITESYNC_KEYRING_PRIVATE=1 \
  dbus-run-session -- bash "$0" "$@"
