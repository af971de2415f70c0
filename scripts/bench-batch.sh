#!/usr/bin/env bash
# Runs the batch benchmark (docs/batch-benchmark.md): starts (or installs) PostgreSQL, Redis and Azurite on loopback
# when they are not running, like scripts/test.sh, then runs the Maven profile bench with bench.BatchBenchmark, which
# starts a hub in a child JVM and a fake LLM of fixed latency. It rewrites docs/batch-benchmark.md. Settings come
# from BENCH_* environment variables (see the document); extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/local-services.sh
trap stop_azurite EXIT
ensure_local_services
./mvnw -B -Pbench -Dbench.main=bench.BatchBenchmark "$@"
