#!/usr/bin/env bash
# Builds the hub's image and checks the probes the region template uses (/actuator/health/liveness and
# /actuator/health/readiness on the container port).
#
# With a working container engine (podman or docker): builds ./Dockerfile, starts the image with the embedded
# profile listening on all interfaces, and polls the probes through the published port.
# Without one (this project's machines: see docs/deployment.md, "Building the images here"), it does what the
# Dockerfile's build and runtime stages do, without the engine: packages the jar with the Maven wrapper, extracts
# Spring Boot's layers with the same jarmode command, copies them in the Dockerfile's order into one folder, starts
# the same entry point (JarLauncher with the same JVM flags) from it, and polls the same probes.
#
# Usage: scripts/image-smoke.sh [--engine|--layout]   (default: the engine when one runs, else the layout)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${SMOKE_PORT:-18089}
IMAGE=localhost/compliance-hub:smoke
mode=${1:-auto}
work=$(mktemp -d)
pid=""
cid=""
engine=""

cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  [[ -n "$cid" ]] && "$engine" rm -f "$cid" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

probe() {
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; then
      curl -fsS "http://127.0.0.1:$PORT/actuator/health/liveness" >/dev/null
      echo "readiness and liveness UP on port $PORT"
      return 0
    fi
    sleep 3
  done
  echo "the probes did not answer within 180 s" >&2
  return 1
}

engine_works() {
  for e in podman docker; do
    if command -v "$e" >/dev/null 2>&1 && "$e" info >/dev/null 2>&1; then engine=$e; return 0; fi
  done
  return 1
}

if [[ "$mode" != "--layout" ]] && engine_works; then
  if "$engine" build -t "$IMAGE" .; then
    cid=$("$engine" run -d -p "127.0.0.1:$PORT:8080" -e SERVER_ADDRESS=0.0.0.0 "$IMAGE")
    probe
    exit 0
  fi
  echo "$engine could not build the image (on this project's machines: no registry access)" >&2
  [[ "$mode" == "--engine" ]] && exit 1
elif [[ "$mode" == "--engine" ]]; then
  echo "no container engine answers" >&2
  exit 1
fi

echo "no usable container engine: checking the image's layout and entry point without one"
./mvnw -q -B -ntp -Dmaven.test.skip=true -DskipTests package
java -Djarmode=tools -jar target/compliance-hub-*.jar extract --layers --launcher --destination "$work/layers"
mkdir "$work/app"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do   # the Dockerfile's COPY order
  cp -a "$work/layers/$layer/." "$work/app/"
done
(cd "$work/app" && exec env PORT="$PORT" java -XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 \
  -XX:+ExitOnOutOfMemoryError org.springframework.boot.loader.launch.JarLauncher >"$work/hub.log" 2>&1) &
pid=$!
probe || { tail -40 "$work/hub.log" >&2; exit 1; }
