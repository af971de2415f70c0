#!/usr/bin/env bash
# The hub against its contract, both ways: Prism 5 (@stoplight/prism-cli from npm, installed into .tools/prism) runs
# as a validating proxy in front of a hub started from the built jar (embedded default, a temporary data dir), and a
# request set that touches every operation of openapi/compliance-hub.yaml goes through it: valid requests, and
# requests the hub must refuse. Every violation Prism reports (its sl-violations header: a request that breaks the
# document, or an answer that does not match it, including a status code the document does not list) is printed; the
# script fails when there is any, except the request violations a refusal case is meant to have.
#   scripts/contract-check.sh [--jar target/compliance-hub-*.jar]
# Needs Node.js/npm (installed from Debian when missing, as for Azurite) and ports 18080 and 4010 free. Malformed
# JSON is not in the set: Prism's proxy does not answer a body it cannot parse (the ITs cover the hub's 400).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source scripts/local-services.sh
jar="$(ls target/compliance-hub-*.jar 2>/dev/null | grep -v original | head -1 || true)"
[[ "${1:-}" == "--jar" ]] && jar="$2"
[[ -f "$jar" ]] || { echo "contract-check: no jar; run ./mvnw package first" >&2; exit 2; }
PRISM_VERSION="${PRISM_VERSION:-5.16.0}"
prism="$TOOLS_DIR/prism/node_modules/.bin/prism"
if [[ ! -x "$prism" ]]; then
  command -v npm >/dev/null || apt_install nodejs npm
  log "installing @stoplight/prism-cli@$PRISM_VERSION from npm"
  mkdir -p "$TOOLS_DIR/prism"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/prism" "@stoplight/prism-cli@$PRISM_VERSION" >&2
fi

work="$(mktemp -d /tmp/contract-check.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
java -jar "$jar" --server.port=18080 --hub.data-dir="$work/data" > "$work/hub.log" 2>&1 &
pids+=($!)
"$prism" proxy openapi/compliance-hub.yaml http://127.0.0.1:18080 --port 4010 > "$work/prism.log" 2>&1 &
pids+=($!)
# Up to 4 minutes: the jar starts in about 50 s on 2 cores, slower beside a busy build.
for _ in $(seq 1 480); do
  curl -sf -o /dev/null localhost:18080/actuator/health/readiness && port_open 4010 && break
  sleep 0.5
done
curl -sf -o /dev/null localhost:18080/actuator/health/readiness || { tail -30 "$work/hub.log"; exit 1; }

P=http://127.0.0.1:4010
token=$(curl -s -X POST $P/auth/dev-login -H 'Content-Type: application/json' -d '{"subject":"contract"}' \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { echo "contract-check: no token from /auth/dev-login" >&2; exit 1; }
auth="Authorization: Bearer $token"
json="Content-Type: application/json"
violations=0
calls=0

# call NAME EXPECTED_STATUS [REQUEST_VIOLATION_EXPECTED] -- curl arguments
call() {
  local name=$1 expected=$2 request_violation=${3:-}
  shift 3
  local headers status found
  headers="$(curl -s --max-time 30 -o "$work/body" -D - "$@" || true)"
  status="$(sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p' <<<"$headers")"
  found="$(grep -i '^sl-violations:' <<<"$headers" | cut -d' ' -f2- | tr -d '\r' || true)"
  calls=$((calls + 1))
  if [[ -n "$request_violation" && -n "$found" ]]; then
    found="$(sed 's/{"location":\["request"[^}]*}//g; s/\[,*\]//; s/^\[,/[/; s/,\]$/]/; s/,,/,/g' <<<"$found")"
    [[ "$found" == "[]" || "$found" == "" ]] && found=""
  fi
  if [[ "$status" != "$expected" ]]; then
    echo "contract-check: $name answered $status, expected $expected: $(head -c 300 "$work/body")"
    violations=$((violations + 1))
  fi
  if [[ -n "$found" ]]; then
    echo "contract-check: $name ($status): $found"
    violations=$((violations + 1))
  fi
}

call "submit a job" 202 "" -X POST $P/api/v1/jobs -H "$auth" -H "$json" -H "Idempotency-Key: cc-1" \
  --data @examples/sample-request.json
job=$(sed -n 's/.*"jobId":"\([^"]*\)".*/\1/p' "$work/body")
call "the same submission again" 202 "" -X POST $P/api/v1/jobs -H "$auth" -H "$json" -H "Idempotency-Key: cc-1" \
  --data @examples/sample-request.json
for _ in $(seq 1 60); do
  curl -s -H "$auth" localhost:18080/api/v1/jobs/$job | grep -q '"status":"COMPLETED"' && break
  sleep 0.5
done
call "job status" 200 "" $P/api/v1/jobs/$job -H "$auth"
call "job result" 200 "" $P/api/v1/jobs/$job/result -H "$auth"
call "unknown guideline set" 422 "" -X POST $P/api/v1/jobs -H "$auth" -H "$json" \
  -d '{"article":{"title":"T","text":"Some text."},"guidelineSet":"nope"}'
call "a field too large" 413 request -X POST $P/api/v1/jobs -H "$auth" -H "$json" \
  -d "{\"article\":{\"title\":\"$(head -c 1200 /dev/zero | tr '\0' 'x')\",\"text\":\"Some text.\"}}"
call "an unknown nested field (its JSON Pointer in the problem)" 400 request -X POST $P/api/v1/jobs -H "$auth" -H "$json" \
  -d '{"article":{"text":"Some text.","colour":"red"}}'
grep -q '"pointer":"/article/colour"' "$work/body" || { echo "contract-check: no pointer in $(cat "$work/body")"; violations=$((violations + 1)); }
call "a string where a boolean belongs" 400 request -X POST $P/api/v1/jobs -H "$auth" -H "$json" \
  -d '{"article":{"text":"Some text."},"options":{"gtcValidation":"yes"}}'
call "a format in another letter case" 202 "" -X POST $P/api/v1/jobs -H "$auth" -H "$json" \
  -d '{"article":{"text":"Some text.","format":"Markdown"}}'
call "a blank GTC query" 400 request -X POST $P/api/v1/jobs -H "$auth" -H "$json" \
  -d '{"article":{"text":"Some text."},"options":{"gtcValidation":true,"gtcQueries":[" "]}}'
call "not JSON" 415 request -X POST $P/api/v1/jobs -H "$auth" -H 'Content-Type: text/plain' -d 'text'
call "no token" 401 request $P/api/v1/jobs/$job
call "unknown job" 404 "" $P/api/v1/jobs/00000000-0000-4000-8000-000000000000 -H "$auth"
call "a job id that is not a UUID" 404 request $P/api/v1/jobs/not-a-uuid -H "$auth"
call "a result before completion of an unknown job" 404 "" \
  $P/api/v1/jobs/00000000-0000-4000-8000-000000000000/result -H "$auth"

call "submit a batch" 202 "" -X POST $P/api/v1/batches -H "$auth" -H "$json" \
  -d '{"batchId":"cc-batch-1","submitter":"contract","items":[{"externalRef":"a","article":{"title":"T","text":"Returns are not guaranteed.","format":"plain"}}]}'
batch=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$work/body")
call "batch status" 200 "" "$P/api/v1/batches/$batch" -H "$auth"
call "a batch without submitter (the token owns a REST batch)" 202 "" -X POST $P/api/v1/batches -H "$auth" -H "$json" \
  -d '{"batchId":"cc-batch-3","items":[{"externalRef":"a","article":{"title":"T","text":"Plain text.","format":"plain"}}]}'
call "a batch with an unknown field" 400 request -X POST $P/api/v1/batches -H "$auth" -H "$json" \
  -d '{"batchId":"cc-batch-4","submitter":"contract","colour":"red","items":[{"externalRef":"a","article":{"title":"T","text":"Plain text.","format":"plain"}}]}'
call "a batch replying to a topic that is not allow-listed" 400 "" -X POST $P/api/v1/batches -H "$auth" -H "$json" \
  -d '{"batchId":"cc-batch-5","submitter":"contract","replyTo":"topic:elsewhere","items":[{"externalRef":"a","article":{"title":"T","text":"Plain text.","format":"plain"}}]}'
call "a batch with a control character" 400 "" -X POST $P/api/v1/batches -H "$auth" -H "$json" \
  -d '{"batchId":"cc-batch-6","submitter":"con\u0007tract","items":[{"externalRef":"a","article":{"title":"T","text":"Plain text.","format":"plain"}}]}'
call "a path with an encoded backslash" 400 request "$P/api/v1/guideline-sets/a%5Cb" -H "$auth"

call "batch by its batchId" 200 "" "$P/api/v1/batches?batchId=cc-batch-1" -H "$auth"
call "batch results" 200 "" "$P/api/v1/batches/$batch/results?page=0&size=10" -H "$auth"
call "batch page size out of range" 400 request "$P/api/v1/batches/$batch?size=1000" -H "$auth"
call "unknown batch" 404 "" "$P/api/v1/batches/00000000-0000-4000-8000-000000000000" -H "$auth"
call "a batch item with an unknown field" 400 request -X POST $P/api/v1/batches -H "$auth" -H "$json" \
  -d '{"batchId":"cc-batch-7","items":[{"externalRef":"a","article":{"text":"Plain text.","titel":"T"}}]}'
call "batch by its batchId, without it" 400 request "$P/api/v1/batches" -H "$auth"
call "batch without items" 400 request -X POST $P/api/v1/batches -H "$auth" -H "$json" \
  -d '{"batchId":"cc-batch-2","submitter":"contract"}'

call "guideline sets" 200 "" $P/api/v1/guideline-sets -H "$auth"
call "one guideline set" 200 "" $P/api/v1/guideline-sets/default -H "$auth"
call "unknown guideline set" 404 "" $P/api/v1/guideline-sets/nope -H "$auth"
call "usage" 200 "" $P/api/v1/usage -H "$auth"
call "dead letters without the admin role" 403 "" $P/api/v1/admin/dead-letters -H "$auth"
call "dev login" 200 "" -X POST $P/auth/dev-login -H "$json" -d '{"subject":"contract-2"}'
call "dev login, not JSON" 415 request -X POST $P/auth/dev-login -H 'Content-Type: text/plain' -d 'x'
call "liveness" 200 "" $P/actuator/health/liveness
call "readiness" 200 "" $P/actuator/health/readiness
call "metrics without a metrics token" 401 request $P/actuator/prometheus

echo "contract-check: $calls calls through Prism $PRISM_VERSION, $violations violation(s)"
[[ $violations -eq 0 ]]
