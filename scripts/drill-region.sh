#!/usr/bin/env bash
# The seed's regional failover, drilled for real on one machine (docs/disaster-recovery.md, "Regional drill"):
#
#   West Europe  = PostgreSQL primary + Redis primary + hub (hub.region=westeurope), reads and writes local
#   North Europe = PostgreSQL streaming replica + Redis replica (replicaof) + hub (hub.region=northeurope),
#                  reads from its local replica (hub.datasource.replica.url), writes to the West Europe primary
#   shared       = Azurite (the GZRS blob store)
#   Front Door   = HAProxy, health probes on /actuator/health/readiness, weights 70/30, runtime API socket
#
# Steady load through HAProxy (submissions and status reads, every answer recorded), then West Europe is killed
# whole with kill -9 (hub, PostgreSQL primary with all its processes, Redis primary). Measured: the time until
# HAProxy takes the primary out, the promotion (pg_promote), RTO (first failed submission to the first accepted
# one), RPO (the last job West Europe acknowledged against what the promoted database holds). North Europe then
# writes to the promoted database the way the runbook does it in Azure: the connection string changes and the hub
# restarts. Failback: West Europe is rebuilt as a replica of the promoted database, a planned switchover makes it
# the primary again, and the traffic goes back 10 % -> 50 % -> 70 % (the normal split) by HAProxy's weights.
# After the load every accepted (202) job must exist exactly once and be completed exactly once.
#
# Everything runs on loopback on ports of its own (DRILL_* below; never 5432, 6379, 10000 or 8080), under a
# temporary directory, and is stopped by PID at the end. Needs root (PostgreSQL runs as the postgres user; missing
# Debian packages are installed). The jar is built first unless DRILL_SKIP_BUILD=1. Last line:
#   region-drill: rto=Ns rpo=Ns lost=N duplicated=N failback=ok|failed
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=scripts/local-services.sh
source scripts/local-services.sh

PG_WE=${DRILL_PG_WE:-55442}
PG_NE=${DRILL_PG_NE:-55443}
REDIS_WE=${DRILL_REDIS_WE:-56389}
REDIS_NE=${DRILL_REDIS_NE:-56390}
AZURITE_PORT=${DRILL_AZURITE_PORT:-50010}
HUB_WE=${DRILL_HUB_WE:-28081}
HUB_NE=${DRILL_HUB_NE:-28082}
LB_PORT=${DRILL_LB_PORT:-28080}
STEADY_SECONDS=${DRILL_STEADY_SECONDS:-15}
AFTER_SECONDS=${DRILL_AFTER_SECONDS:-10}
STEP_SECONDS=${DRILL_STEP_SECONDS:-8}
PROBE="inter 2s fall 3 rise 2"   # Front Door: every 10 s, unhealthy below 3 of 4 (docs/disaster-recovery.md)

say() { printf '[region-drill] %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

[ "$(id -u)" = 0 ] || { say "run as root (PostgreSQL clusters run as the postgres user)"; exit 2; }
for port in $PG_WE $PG_NE $REDIS_WE $REDIS_NE $AZURITE_PORT $HUB_WE $HUB_NE $LB_PORT; do
  if port_open "$port"; then say "port $port is in use; set the DRILL_* ports"; exit 2; fi
done

# --- what the drill needs, installed when missing ------------------------------------------------------------------
command -v pg_ctlcluster >/dev/null || apt_install postgresql
command -v redis-server >/dev/null || apt_install redis-server
command -v haproxy >/dev/null || apt_install haproxy
command -v socat >/dev/null || apt_install socat
command -v curl >/dev/null || apt_install curl
command -v openssl >/dev/null || apt_install openssl   # scripts/dev-token.sh signs the drill's token
command -v javac >/dev/null || apt_install openjdk-17-jdk-headless   # ./mvnw builds the jar
install_azurite
PGBIN=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -n 1)/bin
if [ "${DRILL_SKIP_BUILD:-}" != 1 ]; then
  say "building the jar"
  ./mvnw -B -q package -DskipTests -Dexec.skip=true ${DRILL_MAVEN_ARGS:-} >&2
fi
JAR=$(ls "$ROOT"/target/compliance-hub-*.jar | grep -v original | head -n 1)

WORK=$(mktemp -d /tmp/region-drill.XXXXXX)
chmod 755 "$WORK" && chown postgres "$WORK"   # PostgreSQL writes its logs and sockets here
LOAD_LOG=$WORK/load.log
RUN=$(date +%s)
: > "$LOAD_LOG"
declare -A HUB_PID=()
AZURITE_PID="" HAPROXY_PID="" LOAD_PID=""
DRILL_START=$(now_ms)

as_pg() { runuser -u postgres -- "$@"; }
psql_at() { "$PGBIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d "${3:-compliancehub}" -qtAX -c "$2"; }
pg_pid() { head -n 1 "$WORK/pg-$1/postmaster.pid" 2>/dev/null || true; }
redis_pid() { cat "$WORK/redis-$1.pid" 2>/dev/null || true; }

kill_pid() { # pid [grace seconds]: TERM, wait, then KILL; only PIDs this script started
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 $((${2:-20} * 2))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

stop_pg() {
  local pid; pid=$(pg_pid "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg-$1" -m "${2:-fast}" -w stop >/dev/null 2>&1 || kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  set +e
  touch "$WORK/stop-load"
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null
  for name in "${!HUB_PID[@]}"; do kill_pid "${HUB_PID[$name]}"; done
  [ -n "$HAPROXY_PID" ] && kill_pid "$HAPROXY_PID"
  for region in we ne; do stop_pg "$region" immediate; kill_pid "$(redis_pid "$region")"; done
  if [ -n "$AZURITE_PID" ]; then
    kill "$AZURITE_PID" 2>/dev/null; sleep 1; kill -9 "$AZURITE_PID" 2>/dev/null
  fi
  if [ "${DRILL_KEEP:-}" = 1 ] || [ "$rc" != 0 ]; then say "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- West Europe: PostgreSQL primary, Redis primary -----------------------------------------------------------------
pg_conf() { # region port
  cat >> "$WORK/pg-$1/postgresql.conf" <<EOF
port = $2
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = replica
max_wal_senders = 5
hot_standby = on
wal_keep_size = 128MB
EOF
}
pg_start() { as_pg "$PGBIN/pg_ctl" -D "$WORK/pg-$1" -l "$WORK/pg-$1.log" -w -t 60 start >/dev/null; }
pg_replica_of() { # region source-port own-port: a streaming replica (pg_basebackup -R writes standby.signal)
  rm -rf "$WORK/pg-$1"
  mkdir -m 700 "$WORK/pg-$1" && chown postgres "$WORK/pg-$1"
  as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$2" -U postgres -D "$WORK/pg-$1" -R -X stream -c fast
  pg_conf "$1" "$3"
  pg_start "$1"
}
redis_start() { # region port [replicaof-port]
  rm -f "$WORK/redis-$1.pid"
  redis-server --port "$2" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --dir "$WORK" \
    --pidfile "$WORK/redis-$1.pid" --logfile "$WORK/redis-$1.log" ${3:+--replicaof 127.0.0.1 $3}
  wait_for_port "$2" "Redis $1"
  for _ in $(seq 1 20); do [ -s "$WORK/redis-$1.pid" ] && return 0; sleep 0.2; done
}

say "West Europe: PostgreSQL primary on $PG_WE, Redis on $REDIS_WE"
mkdir -p "$WORK/pg-we" && chown postgres "$WORK/pg-we"
as_pg "$PGBIN/initdb" -D "$WORK/pg-we" -A trust -U postgres --no-sync >/dev/null
pg_conf we "$PG_WE"
pg_start we
psql_at "$PG_WE" "CREATE DATABASE compliancehub" postgres
redis_start we "$REDIS_WE"
say "North Europe: streaming replica on $PG_NE (pg_basebackup -R), Redis replica on $REDIS_NE"
pg_replica_of ne "$PG_WE" "$PG_NE"
redis_start ne "$REDIS_NE" "$REDIS_WE"

say "Azurite (shared GZRS store) on $AZURITE_PORT"
mkdir -p "$WORK/azurite"
"$(azurite_bin)" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" --location "$WORK/azurite" --silent \
  --skipApiVersionCheck > "$WORK/azurite.log" 2>&1 &
AZURITE_PID=$!
wait_for_port "$AZURITE_PORT" Azurite

# --- the hubs ----------------------------------------------------------------------------------------------------------
SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=' | head -c 48)
BLOBS="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
jdbc() { echo "jdbc:postgresql://127.0.0.1:$1/compliancehub?currentSchema=compliance_hub&user=postgres"; }

# start_hub region port primary-db-port replica-db-port|"" redis-port
start_hub() {
  local region=$1 port=$2 db=$3 replica=$4 redis=$5 readiness=readinessState,db,jobConsumer
  # A hub that reads from a replica stays in rotation for reads while the primary across the region is down.
  [ -n "$replica" ] && readiness=readinessState,readReplica,jobConsumer
  DB_CONNECTION_STRING=$(jdbc "$db") REDIS_CONNECTION_STRING="redis://127.0.0.1:$redis" \
  AZURE_STORAGE_CONNECTION_STRING="$BLOBS" JWT_SECRET_KEY="$SECRET" SPRING_PROFILES_ACTIVE=local \
  nohup java -Xmx512m -jar "$JAR" \
    --server.port="$port" --hub.region="$region" --hub.instance-id="hub-$region" \
    --hub.data-dir="$WORK/data-$region" \
    --hub.datasource.replica.url="${replica:+$(jdbc "$replica")}" \
    --hub.cache.status-uri="spring-redis://127.0.0.1:$redis?redisTemplate=#stringRedisTemplate" \
    --management.endpoint.health.group.readiness.include="$readiness" \
    --hub.api.rate-limit.per-second=100000 --hub.api.rate-limit.burst=100000 \
    --hub.recovery.interval-ms=2000 --hub.recovery.requeue-after-seconds=10 \
    --hub.worker.lease-seconds=15 --hub.worker.lease-renew-interval-ms=5000 \
    >> "$WORK/hub-$region.log" 2>&1 &
  HUB_PID[$region]=$!
  disown   # no job-control notice when it is killed; it is stopped by its PID
}
await_ready() { # port name
  for _ in $(seq 1 360); do
    [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$1/actuator/health/readiness")" = 200 ] && return 0
    sleep 0.5
  done
  say "$2 did not become ready"; return 1
}

say "hubs: westeurope on $HUB_WE (PostgreSQL $PG_WE), northeurope on $HUB_NE (writes $PG_WE, reads $PG_NE)"
start_hub westeurope "$HUB_WE" "$PG_WE" "" "$REDIS_WE"
HUB_PID[we]=${HUB_PID[westeurope]}; unset 'HUB_PID[westeurope]'
await_ready "$HUB_WE" "West Europe hub"   # the first start migrates the schema; the second only validates it
start_hub northeurope "$HUB_NE" "$PG_WE" "$PG_NE" "$REDIS_NE"
HUB_PID[ne]=${HUB_PID[northeurope]}; unset 'HUB_PID[northeurope]'
await_ready "$HUB_NE" "North Europe hub"

# --- Front Door stand-in ---------------------------------------------------------------------------------------------
cat > "$WORK/haproxy.cfg" <<EOF
global
  stats socket $WORK/haproxy.sock mode 600 level admin
defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  # A connection the dead origin refused never reached it: safe to send to the other origin, even a POST.
  retries 2
  option redispatch
  retry-on conn-failure
frontend front-door
  bind 127.0.0.1:$LB_PORT
  default_backend hub-origins
backend hub-origins
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  default-server $PROBE
  http-response set-header X-Served-By %s
  server primary 127.0.0.1:$HUB_WE weight 70 check
  server secondary 127.0.0.1:$HUB_NE weight 30 check
EOF
haproxy -c -q -f "$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
lb() { echo "$*" | socat stdio "unix-connect:$WORK/haproxy.sock"; }
origin_status() { lb "show stat" | awk -F, -v s="$1" '$1 == "hub-origins" && $2 == s { print $18 }'; }
await_origin() { # name status
  for _ in $(seq 1 240); do
    case "$(origin_status "$1")" in "$2"*) return 0 ;; esac
    sleep 0.25
  done
  say "origin $1 did not become $2"; return 1
}
wait_for_port "$LB_PORT" HAProxy
await_origin primary UP
await_origin secondary UP
say "HAProxy on $LB_PORT: primary (West Europe) 70, secondary (North Europe) 30, probes $PROBE"

# --- load: submissions and status reads through the balancer, every answer recorded -----------------------------------
TOKEN=$(JWT_SECRET_KEY=$SECRET scripts/dev-token.sh --subject drill --tenant drill)
load() {
  set +e
  local seq=0 last="" code served job t
  while [ ! -f "$WORK/stop-load" ]; do
    seq=$((seq + 1))
    t=$(now_ms)
    code=$(curl -s -m 5 -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X POST \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "X-Correlation-ID: drill-$RUN-$seq" \
      --data "{\"article\":{\"title\":\"Drill $seq\",\"text\":\"Drill article $seq. Our fund offers guaranteed returns.\",\"format\":\"plain\",\"language\":\"en\"}}" \
      "http://127.0.0.1:$LB_PORT/api/v1/jobs")
    served=$(tr -d '\r' < "$WORK/headers" 2>/dev/null | awk 'tolower($1) == "x-served-by:" { print $2 }')
    job=$(sed -n 's/.*"jobId":"\([^"]*\)".*/\1/p' "$WORK/body" 2>/dev/null)
    echo "$t submit ${code:-000} ${served:--} ${job:--} drill-$RUN-$seq" >> "$LOAD_LOG"
    [ "$code" = 202 ] && last=$job
    if [ -n "$last" ]; then
      t=$(now_ms)
      code=$(curl -s -m 5 -o /dev/null -D "$WORK/headers" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
        "http://127.0.0.1:$LB_PORT/api/v1/jobs/$last")
      served=$(tr -d '\r' < "$WORK/headers" 2>/dev/null | awk 'tolower($1) == "x-served-by:" { print $2 }')
      echo "$t status ${code:-000} ${served:--} $last -" >> "$LOAD_LOG"
    fi
    sleep 0.1
  done
}
load &
LOAD_PID=$!
say "steady load for ${STEADY_SECONDS}s"
sleep "$STEADY_SECONDS"

# --- West Europe dies ----------------------------------------------------------------------------------------------------
PG_WE_PID=$(pg_pid we)
PG_WE_ALL="$PG_WE_PID $(ps -o pid= --ppid "$PG_WE_PID" | tr '\n' ' ')"
T_KILL=$(now_ms)
# shellcheck disable=SC2086
kill -9 "${HUB_PID[we]}" $PG_WE_ALL "$(redis_pid we)"
unset 'HUB_PID[we]'
say "killed West Europe with kill -9: hub, PostgreSQL ($PG_WE_ALL), Redis"
await_origin primary DOWN
T_MOVED=$(now_ms)
say "traffic moved: HAProxy took the primary out after $(secs $((T_MOVED - T_KILL)))s"

# Runbook step 2: pin the traffic to North Europe.
lb "disable server hub-origins/primary" >/dev/null
# Runbook step 3: promote the replica (forced: the primary cannot be reached).
T_PROMOTE=$(now_ms)
[ "$(psql_at "$PG_NE" "SELECT pg_promote(true, 60)")" = t ] || { say "promotion failed"; exit 1; }
T_PROMOTED=$(now_ms)
say "promoted the North Europe replica in $(secs $((T_PROMOTED - T_PROMOTE)))s"
# Runbook step 6: break the Redis link; the North Europe cache becomes writable.
redis-cli -p "$REDIS_NE" replicaof no one >/dev/null
# Runbook steps 4 and 7: the North Europe hub's DB-CONNECTION-STRING now names the promoted server, and the hub
# restarts so that it applies (az keyvault secret set + az containerapp revision restart). Its requests wait on a
# database that is gone, so it gets 5 s to stop before SIGKILL.
kill_pid "${HUB_PID[ne]}" 5
start_hub northeurope "$HUB_NE" "$PG_NE" "" "$REDIS_NE"
HUB_PID[ne]=${HUB_PID[northeurope]}; unset 'HUB_PID[northeurope]'
await_ready "$HUB_NE" "North Europe hub on the promoted database"
await_origin secondary UP
T_NE_READY=$(now_ms)
say "North Europe writes to the promoted database ($(secs $((T_NE_READY - T_KILL)))s after the kill)"
sleep "$AFTER_SECONDS"

# RTO: first failed submission after the kill to the first accepted one after it.
read -r T_FAIL T_OK < <(awk -v k="$T_KILL" '$2 == "submit" && $1 >= k {
    if (fail == "" && $3 != 202) fail = $1
    if (fail != "" && ok == "" && $3 == 202) ok = $1 }
  END { print (fail == "" ? 0 : fail), (ok == "" ? 0 : ok) }' "$LOAD_LOG")
if [ "$T_FAIL" = 0 ]; then RTO_MS=0; elif [ "$T_OK" = 0 ]; then RTO_MS=999999; else RTO_MS=$((T_OK - T_FAIL)); fi
# RPO: the jobs West Europe acknowledged against what the promoted database holds.
awk -v k="$T_KILL" '$2 == "submit" && $3 == 202 && $4 == "primary" && $1 < k { print $1, $5 }' "$LOAD_LOG" > "$WORK/we-acked"
psql_at "$PG_NE" "SELECT id FROM compliance_hub.jobs" > "$WORK/promoted-ids"
read -r RPO_MS WE_LOST < <(awk 'NR == FNR { have[$1] = 1; next }
    { if ($2 in have) { if ($1 > kept) kept = $1 } else { lost++; if ($1 > last) last = $1 } }
    END { print (lost ? last - kept : 0), lost + 0 }' "$WORK/promoted-ids" "$WORK/we-acked")
say "RTO $(secs "$RTO_MS")s, RPO $(secs "$RPO_MS")s ($WE_LOST of $(wc -l < "$WORK/we-acked") West Europe acknowledgements missing on the promoted database)"

# --- failback -----------------------------------------------------------------------------------------------------------
T_FAILBACK=$(now_ms)
say "failback: West Europe rebuilt as a replica of the promoted database"
pg_replica_of we "$PG_NE" "$PG_WE"
redis_start we "$REDIS_WE" "$REDIS_NE"
lag_bytes() { # primary-port replica-port
  local lsn; lsn=$(psql_at "$1" "SELECT pg_current_wal_lsn()")
  psql_at "$2" "SELECT pg_wal_lsn_diff('$lsn', pg_last_wal_replay_lsn())"
}
for _ in $(seq 1 120); do [ "$(lag_bytes "$PG_NE" "$PG_WE")" -le 0 ] 2>/dev/null && break; sleep 0.5; done
say "replica lag 0; planned switchover (writes stop: submissions fail until West Europe is the primary again)"
kill_pid "${HUB_PID[ne]}"; unset 'HUB_PID[ne]'
stop_pg ne fast                      # a clean stop sends the last WAL to the West Europe replica
[ "$(psql_at "$PG_WE" "SELECT pg_promote(true, 60)")" = t ] || { say "promotion of West Europe failed"; exit 1; }
pg_replica_of ne "$PG_WE" "$PG_NE"   # North Europe demoted to the replica again
redis-cli -p "$REDIS_WE" replicaof no one >/dev/null
redis-cli -p "$REDIS_NE" replicaof 127.0.0.1 "$REDIS_WE" >/dev/null
lb "set weight hub-origins/primary 0" >/dev/null
lb "enable server hub-origins/primary" >/dev/null
start_hub westeurope "$HUB_WE" "$PG_WE" "" "$REDIS_WE"
HUB_PID[we]=${HUB_PID[westeurope]}; unset 'HUB_PID[westeurope]'
start_hub northeurope "$HUB_NE" "$PG_WE" "$PG_NE" "$REDIS_NE"
HUB_PID[ne]=${HUB_PID[northeurope]}; unset 'HUB_PID[northeurope]'
await_ready "$HUB_WE" "West Europe hub"
await_ready "$HUB_NE" "North Europe hub"
await_origin primary UP
await_origin secondary UP
FAILBACK_OK=1
STEPS=""
for split in 10:90 50:50 70:30; do
  lb "set weight hub-origins/primary ${split%:*}" >/dev/null
  lb "set weight hub-origins/secondary ${split#*:}" >/dev/null
  t0=$(now_ms); sleep "$STEP_SECONDS"; t1=$(now_ms)
  read -r n we ne bad < <(awk -v a="$t0" -v b="$t1" '$1 >= a && $1 < b { n++; if ($4 == "primary") we++; if ($4 == "secondary") ne++;
      if (($2 == "submit" && $3 != 202) || ($2 == "status" && $3 != 200)) bad++ }
    END { print n + 0, we + 0, ne + 0, bad + 0 }' "$LOAD_LOG")
  say "weights ${split}: $n requests, $we to West Europe, $ne to North Europe, $bad failed"
  STEPS="$STEPS ${split}=${we}/${ne}/${bad}"
  if [ "$bad" != 0 ] || [ "$we" = 0 ]; then FAILBACK_OK=0; fi
done
touch "$WORK/stop-load"
wait "$LOAD_PID" 2>/dev/null || true
LOAD_PID=""
T_END_LOAD=$(now_ms)

# --- every 202: exists exactly once, completes exactly once ------------------------------------------------------------
awk '$2 == "submit" && $3 == 202 { print $6, $5 }' "$LOAD_LOG" | sort > "$WORK/accepted"
ACCEPTED=$(wc -l < "$WORK/accepted")
query="SELECT j.correlation_id, j.id, j.status,
              (SELECT count(*) FROM compliance_hub.reports r WHERE r.job_id = j.id),
              (SELECT count(*) FROM compliance_hub.job_usage u WHERE u.job_id = j.id)
         FROM compliance_hub.jobs j WHERE j.correlation_id LIKE 'drill-$RUN-%'"
for _ in $(seq 1 240); do
  psql_at "$PG_WE" "$query" | tr '|' ' ' | sort > "$WORK/stored"
  open=$(awk '$3 != "COMPLETED"' "$WORK/stored" | wc -l)
  [ "$open" = 0 ] && break
  sleep 0.5
done
read -r LOST DUPLICATED INCOMPLETE < <(awk 'NR == FNR { rows[$1]++; id[$1] = $2; done[$1] = ($3 == "COMPLETED" && $4 == 1 && $5 == 1); twice[$1] = ($4 > 1 || $5 > 1); next }
    { if (!($1 in rows) || id[$1] != $2) lost++; else { if (rows[$1] > 1 || twice[$1]) dup++; if (!done[$1]) open++ } }
    END { print lost + 0, dup + 0, open + 0 }' "$WORK/stored" "$WORK/accepted")
# A job accepted twice under one request would have two rows for one correlation id; one not accepted may exist too
# (a submission whose answer was lost), which is not a duplicate of an accepted one.
say "$ACCEPTED accepted submissions: $LOST lost, $DUPLICATED duplicated, $INCOMPLETE not completed exactly once"
[ "$INCOMPLETE" = 0 ] || FAILBACK_OK=0
[ "$LOST" = 0 ] && [ "$DUPLICATED" = 0 ] || FAILBACK_OK=0
FAILBACK_S=$(secs $((T_END_LOAD - T_FAILBACK)))
TOTAL_S=$(secs $(($(now_ms) - DRILL_START)))

MOVED_S=$(secs $((T_MOVED - T_KILL)))
PROMOTE_S=$(secs $((T_PROMOTED - T_PROMOTE)))
ceil() { awk -v ms="$1" 'BEGIN { s = int(ms / 1000); if (s * 1000 < ms) s++; print s }'; }
RTO_S=$(ceil "$RTO_MS"); RPO_S=$(ceil "$RPO_MS")
cat > "$WORK/figures" <<EOF
traffic_moved_s=$MOVED_S
promotion_s=$PROMOTE_S
rto_s=$(secs "$RTO_MS")
rpo_s=$(secs "$RPO_MS")
accepted=$ACCEPTED
lost=$LOST
duplicated=$DUPLICATED
failback_steps=${STEPS# }
failback_s=$FAILBACK_S
total_s=$TOTAL_S
EOF
sed 's/^/[region-drill] /' "$WORK/figures" >&2
[ -n "${DRILL_FIGURES:-}" ] && cp "$WORK/figures" "$DRILL_FIGURES"
PASS=1
awk -v m="$MOVED_S" 'BEGIN { exit !(m < 30) }' || PASS=0
[ "$RTO_S" -lt 300 ] && [ "$RPO_S" -lt 60 ] || PASS=0
[ "$FAILBACK_OK" = 1 ] || PASS=0
echo "region-drill: rto=${RTO_S}s rpo=${RPO_S}s lost=$LOST duplicated=$DUPLICATED failback=$([ "$FAILBACK_OK" = 1 ] && echo ok || echo failed)"
[ "$PASS" = 1 ]
