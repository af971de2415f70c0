#!/usr/bin/env bash
# Starts the local services the tests need when they are not already running: PostgreSQL on 127.0.0.1:5432,
# Redis on 127.0.0.1:6379 and Azurite (Blob) on 127.0.0.1:10000, and Chromium for the browser test. Installs them
# from Debian packages and npm when they are missing. Source it, then call ensure_local_services; stop_azurite stops
# what it started. Sourced into an interactive shell it leaves the shell's options alone (a failing command must not
# close the terminal); the functions return non-zero on failure instead.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
fi

HUB_ROOT="${HUB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
TOOLS_DIR="${HUB_TOOLS_DIR:-$HUB_ROOT/.tools}"
AZURITE_VERSION="${AZURITE_VERSION:-3.37.0}"
AZURITE_PID_FILE="$TOOLS_DIR/azurite.pid"

log() { printf '[local-services] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() {
  local port=$1 name=$2
  for _ in $(seq 1 60); do
    port_open "$port" && return 0
    sleep 0.5
  done
  log "$name did not open port $port"; return 1
}

apt_install() {
  if [ "$(id -u)" != 0 ]; then log "need root to install $*"; return 1; fi
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq >&2; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

ensure_postgres() {
  if port_open 5432; then return 0; fi
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  local version; version=$(ls /etc/postgresql | sort -V | tail -n 1)
  # Trust auth on loopback, as on the project's machines.
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! grep -q "^host all all 127.0.0.1/32 trust" "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_for_port 5432 PostgreSQL
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='test'\"" | grep -q 1 \
    || su postgres -c "createdb test"
}

ensure_redis() {
  if port_open 6379; then return 0; fi
  command -v redis-server >/dev/null || apt_install redis-server
  log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for_port 6379 Redis
}

azurite_bin() { echo "$TOOLS_DIR/azurite/node_modules/.bin/azurite-blob"; }

# The Azurite program in .tools, also when an Azurite already listens on 10000: the outage tests (AuditLogIT, the
# drills) start and stop instances of their own.
install_azurite() {
  [ -x "$(azurite_bin)" ] && return 0
  command -v npm >/dev/null || apt_install nodejs npm
  log "installing azurite@$AZURITE_VERSION from npm"
  mkdir -p "$TOOLS_DIR/azurite"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/azurite" "azurite@$AZURITE_VERSION" >&2
}

start_azurite() {
  install_azurite || return 1
  if port_open 10000; then log "Azurite (or something) already listens on 10000; using it"; return 0; fi
  local data="$TOOLS_DIR/azurite-data"
  rm -rf "$data"; mkdir -p "$data"
  log "starting Azurite Blob on 127.0.0.1:10000"
  "$(azurite_bin)" --blobHost 127.0.0.1 --blobPort 10000 --location "$data" --silent --skipApiVersionCheck \
    > "$TOOLS_DIR/azurite.log" 2>&1 &
  echo $! > "$AZURITE_PID_FILE"
  wait_for_port 10000 Azurite
}

# Azurite's node process ignores SIGTERM/SIGINT after logging "closed": kill it by PID, then SIGKILL.
stop_azurite() {
  [ -f "$AZURITE_PID_FILE" ] || return 0
  local pid; pid=$(cat "$AZURITE_PID_FILE")
  rm -f "$AZURITE_PID_FILE"
  kill "$pid" 2>/dev/null || return 0
  for _ in 1 2 3 4 5 6; do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  log "stopped Azurite"
}

# promtool (alert rule checks and unit tests) comes with Debian's prometheus package. Installing it must not leave
# a Prometheus server running on 9090: a temporary policy-rc.d (exit 101) keeps the package from starting its
# service, and where systemd started it anyway it is stopped.
ensure_promtool() {
  command -v promtool >/dev/null && return 0
  log "installing promtool (Debian package prometheus)"
  local policy=/usr/sbin/policy-rc.d added=""
  if [ "$(id -u)" = 0 ] && [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; added=1
  fi
  apt_install --no-install-recommends prometheus || { [ -n "$added" ] && rm -f "$policy"; return 1; }
  [ -n "$added" ] && rm -f "$policy"
  if command -v systemctl >/dev/null && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl stop prometheus || true
  fi
  command -v promtool >/dev/null
}

# The browser tests (WebConsoleBrowserIT, WordTaskPaneBrowserIT) drive Debian's Chromium; never a downloaded browser.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  log "installing Chromium from Debian's packages"
  apt_install chromium
}

# Vale.Spelling and spelling rules read Hunspell dictionaries from Debian's packages (docs/vale.md, "Spelling");
# the spelling fixtures and tests need en_US, the German test de_DE.
ensure_hunspell_dictionaries() {
  if [ -f /usr/share/hunspell/en_US.dic ] && [ -f /usr/share/hunspell/de_DE.dic ]; then return 0; fi
  log "installing Hunspell dictionaries (Debian packages hunspell-en-us, hunspell-de-de)"
  apt_install --no-install-recommends hunspell-en-us hunspell-de-de
}

ensure_local_services() {
  ensure_postgres
  ensure_redis
  start_azurite
  ensure_chromium
  ensure_hunspell_dictionaries
}
