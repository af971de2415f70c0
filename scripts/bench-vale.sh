#!/usr/bin/env bash
# Times a 5,000-word Markdown article against a whole Vale style (docs/vale.md).
#   scripts/bench-vale.sh [StylesPath] [Style]   (defaults: ../shared/vale-conformance/Microsoft Microsoft)
set -euo pipefail
cd "$(dirname "$0")/.."
styles="${1:-${VALE_CONFORMANCE_DIR:-../shared/vale-conformance}/Microsoft}"
style="${2:-Microsoft}"
./mvnw -B -q -Pbench-vale -Dvale.styles="$(cd "$styles" && pwd)" -Dvale.style="$style"
