#!/usr/bin/env bash
# Runs a Vale style package's own fixtures through the hub's Vale engine and compares with Vale's expected output
# (docs/vale.md). Needs compiled classes (./mvnw compile or verify).
#   scripts/vale-conformance.sh <package-dir> [--min-reproduced PERCENT] [--max-extra PERCENT] [--show N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
classpath_file="$root/target/vale-conformance.classpath"
if [[ ! -d "$root/target/classes/hub/vale" ]]; then
  (cd "$root" && ./mvnw -B -q compile)
fi
if [[ ! -s "$classpath_file" || "$root/pom.xml" -nt "$classpath_file" ]]; then
  (cd "$root" && ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$classpath_file" >/dev/null)
fi
exec java -cp "$root/target/classes:$(cat "$classpath_file")" hub.vale.conformance.ConformanceCommand "$@"
