#!/usr/bin/env bash
# Checks every route file against the Camel YAML DSL schemas of Kaoto's catalog (npm @kaoto/camel-catalog, the
# catalog Kaoto's editor loads), one per Camel Spring Boot version it ships (docs/routes.md, "Editing visually with
# Kaoto"). Needs npm and the npm registry; not part of scripts/test.sh.
#   scripts/check-kaoto-catalog.sh [catalog version, default: the newest]
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-$(npm view @kaoto/camel-catalog version)}"
dir="target/kaoto-catalog-$version"
if [[ ! -d "$dir/package" ]]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "@kaoto/camel-catalog@$version" >/dev/null && tar xzf kaoto-camel-catalog-*.tgz)
fi
echo "Kaoto catalog @kaoto/camel-catalog@$version: $(ls "$dir/package/dist/camel-catalog/camel-springboot" | tr '\n' ' ')"
./mvnw -B -o -q test -Dtest=KaotoCatalogTest -Dexec.skip=true -Dkaoto.catalog="$PWD/$dir/package/dist/camel-catalog"
echo "Every route file is valid in Kaoto's catalog $version."
