#!/usr/bin/env bash
# Runs every test of the hub: starts (or installs) PostgreSQL, Redis and Azurite on loopback when they are not
# running, checks and unit-tests the Prometheus alert rules with promtool (installed when missing), then
# ./mvnw verify. Extra arguments go to Maven, e.g. scripts/test.sh -Dit.test=JobFlowIT
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/local-services.sh
trap stop_azurite EXIT
ensure_local_services
# The alert rules: syntax, then their unit tests (monitoring/prometheus/tests); a failure stops the run.
ensure_promtool
promtool check config monitoring/prometheus/prometheus-local.yml
promtool check rules monitoring/prometheus/alerts.yaml
promtool test rules monitoring/prometheus/tests/*.yaml
./mvnw -B verify "$@"
