#!/usr/bin/env bash
# A newcomer's first hour, literally: clones this checkout's HEAD into a temporary folder, then runs the README's
# own commands there, taken from the code blocks marked <!-- first-hour:NAME --> in README.md, in the README's order:
#   run     ./mvnw spring-boot:run … (in the background; the hub must be ready on localhost:8080, as a user waits
#           for the log's "Started ComplianceHubApplication")
#   token   TOKEN=$(scripts/dev-token.sh …)
#   submit  KEY=… and the curl that submits the sample (must answer 202)
#   job     JOB=$(curl …) (must yield the same job id)
#   poll    the status curl, repeated until COMPLETED, then the result curl (must return a report with a score)
# Fails (exit 1) with the step and its output when a command does not work as written. Prints the time until the
# hub answered. Needs port 8080 free. Usage: scripts/first-hour.sh [--keep] (keep the clone for a look).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
keep=false
[[ "${1:-}" == "--keep" ]] && keep=true

block() {   # the fenced bash block after the marker <!-- first-hour:$1 --> in README.md
  awk -v marker="<!-- first-hour:$1 -->" '
    $0 == marker { found = 1; next }
    found && /^```bash/ { inside = 1; next }
    inside && /^```/ { exit }
    inside { print }' "$root/README.md"
}

fail() { echo "first-hour: FAILED at '$1': $2" >&2; exit 1; }

for step in run token submit job poll; do
  [[ -n "$(block "$step")" ]] || fail "$step" "README.md has no bash block after <!-- first-hour:$step -->"
done
if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
  fail run "port 8080 is taken: stop what listens there first"
fi

clone="$(mktemp -d /tmp/first-hour.XXXXXX)"
hub_pid=""
cleanup() {
  if [[ -n "$hub_pid" ]]; then
    kill -- "-$hub_pid" 2>/dev/null || kill "$hub_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null || break; sleep 0.5; done
  fi
  if $keep; then echo "first-hour: the clone is kept in $clone" >&2; else rm -rf "$clone"; fi
}
trap cleanup EXIT
git clone -q "$root" "$clone"
cd "$clone"

# run: in its own process group, so that stopping it stops Maven and the hub it forked.
start=$(date +%s%N)
set -m
bash -c "$(block run)" > "$clone/run.log" 2>&1 &
hub_pid=$!
set +m
ready() { curl -sf -o /dev/null localhost:8080/actuator/health/readiness; }
for _ in $(seq 1 600); do
  if ready; then break; fi
  kill -0 "$hub_pid" 2>/dev/null || fail run "the hub stopped: $(tail -20 "$clone/run.log")"
  sleep 0.5
done
ready || fail run "not ready on localhost:8080 after 300 s"
echo "first-hour: the hub was ready $(( ($(date +%s%N) - start) / 1000000 )) ms after '$(block run | head -1)'"

# The other steps run in one shell, as a user types them, so that TOKEN, KEY and JOB carry over.
session() {
  bash -c "set -euo pipefail
$(block token)
$(block submit)
$(block job)
echo \"\$TOKEN\" > .first-hour-token
echo \"\$JOB\" > .first-hour-job" 2>&1
}
out="$(session)" || fail "token/submit/job" "$out"
grep -q "^HTTP/1.1 202" <<<"$out" || fail submit "expected HTTP/1.1 202, got: $out"
job="$(cat .first-hour-job)"
[[ "$job" =~ ^[0-9a-f-]{36}$ ]] || fail job "JOB is '$job', not a job id"
grep -q "\"jobId\":\"$job\"" <<<"$out" || fail job "the second submission with the same key named another job: $out"

poll="$(block poll)"
status_line="$(head -1 <<<"$poll")"
for _ in $(seq 1 120); do
  status="$(TOKEN="$(cat .first-hour-token)" JOB="$job" bash -c "$status_line")"
  grep -q '"status":"COMPLETED"' <<<"$status" && break
  grep -q '"status":"FAILED"' <<<"$status" && fail poll "the job failed: $status"
  sleep 0.5
done
grep -q '"status":"COMPLETED"' <<<"$status" || fail poll "not COMPLETED after 60 s: $status"
result="$(TOKEN="$(cat .first-hour-token)" JOB="$job" bash -c "$poll" | tail -1)"
grep -q '"score"' <<<"$result" && grep -q '"guidelines"' <<<"$result" \
  || fail poll "the result is not a report: ${result:0:400}"
echo "first-hour: run, token, submit, job, poll and result work as written (job $job)"
