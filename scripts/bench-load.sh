#!/usr/bin/env bash
# Runs the API load benchmark (docs/performance.md): starts (or installs) PostgreSQL, Redis and Azurite on loopback
# when they are not running, installs wrk from Debian's packages when it is missing, then runs the Maven profile
# bench with bench.LoadBenchmark, which starts a hub in a child JVM, a fake LLM, and drives the hub with wrk. It
# rewrites docs/performance.md. The bare floors (bench/bare, a Spring Boot + Camel app of its own, never in the hub's
# jar) are packaged first; the benchmark starts them beside the hub in every turn. Settings come from BENCH_*
# environment variables (see the document); extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/local-services.sh
trap stop_azurite EXIT
ensure_local_services
command -v wrk >/dev/null || apt_install wrk
ulimit -n 65536 2>/dev/null || true
# The hubs and the bare floors run on Java 25 where it is installed (virtual threads, issue 25); the benchmark itself
# and the build on the default JDK. BENCH_JAVA_HOME chooses another.
if [ -z "${BENCH_JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export BENCH_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
./mvnw -B -q -f bench/bare/pom.xml package "$@"
./mvnw -B -Pbench -Dbench.main=bench.LoadBenchmark "$@"
