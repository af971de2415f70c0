#!/usr/bin/env bash
# Runs every test of the hub: starts (or installs) PostgreSQL, Redis and Azurite on loopback when they are not
# running, checks and unit-tests the Prometheus alert rules with promtool (installed when missing), then
# ./mvnw verify, then the README's first-hour commands on a clean clone of HEAD (scripts/first-hour.sh), the jar
# against the OpenAPI document through Prism (scripts/contract-check.sh), then the Vale conformance check
# (docs/vale.md) on the style packages beside the checkout. Under CI=true missing or incomplete Vale data fails the
# run before Maven starts; elsewhere it is reported as skipped, naming what is missing.
# Extra arguments go to Maven, e.g. scripts/test.sh -Dit.test=JobFlowIT
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/vale-packages.sh
vale_packages
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

# The project's own Vale fixtures (docs/vale.md, "Fixtures"): every alert reproduced, none extra.
for package in src/test/resources/vale-fixtures/*/; do
  scripts/vale-conformance.sh "${package%/}" --min-reproduced 100 --max-extra 0 --show 5
done
# Vale style packages with Vale's expected output are not part of the repository; vale_packages found them above.
for package in "${vale_package_dirs[@]}"; do
  scripts/vale-conformance.sh "$package" --min-reproduced 100 --max-extra 0 --show 5
done
if (( ${#vale_package_dirs[@]} == 0 )); then
  echo "Vale conformance skipped: no package with testdata/test.ct (see the messages above)"
fi
