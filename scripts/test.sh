#!/usr/bin/env bash
# Runs every test of the hub: starts (or installs) PostgreSQL, Redis and Azurite on loopback when they are not
# running, then ./mvnw verify. Extra arguments go to Maven, e.g. scripts/test.sh -Dit.test=JobFlowIT
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/local-services.sh
trap stop_azurite EXIT
ensure_local_services
./mvnw -B verify "$@"
