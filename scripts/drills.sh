#!/usr/bin/env bash
# Runs the failure drills (docs/reliability.md): two hub instances with one killed, and Redis, PostgreSQL, the blob
# store and the LLM failing under load. The drills start their own PostgreSQL cluster (initdb, as the postgres
# user), Redis and Azurite on ports 55432, 56379 and 50000, so nothing else is disturbed; this script installs what
# is missing (like scripts/test.sh), then runs the Maven profile bench with bench.Drills. It rewrites
# docs/reliability.md and exits non-zero when a drill fails. Settings: DRILL_* environment variables.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/local-services.sh
ensure_postgres
ensure_redis
command -v npm >/dev/null || apt_install nodejs npm
if [ ! -x "$(azurite_bin)" ]; then
  mkdir -p "$TOOLS_DIR/azurite"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/azurite" "azurite@$AZURITE_VERSION" >&2
fi
export AZURITE_BIN="$(azurite_bin)"
./mvnw -B -Pbench -Dbench.main=bench.Drills "$@"
