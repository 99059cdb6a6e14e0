#!/bin/sh
# Runs a command with an unlocked gnome-keyring (Secret Service) on the private session bus that
# dbus-run-session provides, in a fresh HOME and runtime folder: never a developer's own keyring.
# Usage: dbus-run-session -- sh keychain_session.sh COMMAND [ARGS...]
# Needs: dbus (dbus-run-session, dbus-send), gnome-keyring, libsecret-1-0. Ends the keyring daemon it started.
set -u
HOME=$(mktemp -d) || exit 1
export HOME
export XDG_RUNTIME_DIR="$HOME/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset XDG_CURRENT_DESKTOP DISPLAY MDM_SMTP_PASSWORD
keyring_pid=
cleanup() {
    if [ -n "$keyring_pid" ]; then kill "$keyring_pid" 2>/dev/null; fi
    rm -rf "$HOME"
}
trap cleanup EXIT

printf unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
# The daemon forks away and takes its bus name a moment later. Wait for the name (up to 5 s; asking for a
# name's PID does not start anything), so the tests find the service, and remember the PID to end it by.
tries=0
while :; do
    keyring_pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
        awk '/uint32/ { print $2 }')
    [ -n "$keyring_pid" ] && break
    tries=$((tries + 1))
    if [ "$tries" -ge 100 ]; then
        echo "keychain_session.sh: gnome-keyring-daemon did not appear on the session bus" >&2
        exit 1
    fi
    sleep 0.05
done
"$@"
status=$?
exit "$status"
