#!/usr/bin/env bash
# Runs every test of the hub: starts (or installs) PostgreSQL, Redis and Azurite on loopback when they are not
# running, checks and unit-tests the Prometheus alert rules with promtool (installed when missing), then
# ./mvnw verify, then the README's first-hour commands on a clean clone of HEAD (scripts/first-hour.sh), the jar
# against the OpenAPI document through Prism (scripts/contract-check.sh), then the Vale conformance check (docs/vale.md) when the style packages are there.
# Extra arguments go to Maven, e.g. scripts/test.sh -Dit.test=JobFlowIT
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/local-services.sh
trap stop_azurite EXIT
ensure_local_services
# The alert rules: syntax, then their unit tests (monitoring/prometheus/tests); a failure stops the run.
ensure_promtool
# --syntax-only: the scrape token file (data/metrics-token) exists only where someone minted it.
promtool check config --syntax-only monitoring/prometheus/prometheus-local.yml
promtool check rules monitoring/prometheus/alerts.yaml
promtool test rules monitoring/prometheus/tests/*.yaml
./mvnw -B verify "$@"
# The README's own commands on a clean clone of HEAD: run, token, submit, poll, result (scripts/first-hour.sh).
scripts/first-hour.sh
# The built jar against openapi/compliance-hub.yaml through Prism 5 as a validating proxy (scripts/contract-check.sh).
scripts/contract-check.sh

# Vale style packages with Vale's expected output are not part of the repository; they sit beside it.
vale_dir="${VALE_CONFORMANCE_DIR:-}"
for candidate in ../shared/vale-conformance /work/shared/vale-conformance; do
  if [[ -z "$vale_dir" && -d "$candidate" ]]; then
    vale_dir="$candidate"
  fi
done
if [[ -n "$vale_dir" && -d "$vale_dir" ]]; then
  for package in "$vale_dir"/*/; do
    if [[ -f "$package/testdata/test.ct" ]]; then
      scripts/vale-conformance.sh "$package" --min-reproduced 100 --max-extra 0 --show 5
    fi
  done
else
  echo "Vale conformance skipped: no package folder (VALE_CONFORMANCE_DIR, ../shared/vale-conformance, /work/shared/vale-conformance)"
fi
