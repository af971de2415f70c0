#!/usr/bin/env bash
# Runs the incremental re-check benchmark (docs/incremental-benchmark.md): starts (or installs) PostgreSQL, Redis and
# Azurite on loopback when they are not running, like scripts/test.sh, then runs the Maven profile bench with
# bench.IncrementalBenchmark, which replays an editing session against hubs in child JVMs, a counting fake LLM and
# fake Smart Search regions. It rewrites docs/incremental-benchmark.md. Settings come from BENCH_* environment
# variables (see the document); extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/local-services.sh
trap stop_azurite EXIT
ensure_local_services
./mvnw -B -Pbench -Dbench.main=bench.IncrementalBenchmark "$@"
