#!/usr/bin/env bash
# The evaluation command (docs/evaluation.md): runs the labelled corpus eval/corpus/**.yaml through the hub's real
# flow (POST /api/v1/jobs, queue, worker, GET /api/v1/jobs/{id}/result) and measures the verdicts: precision,
# recall (all labels and rules-decidable ones), F1, span accuracy, false alarms on clean items, coverage, review
# rate and the score's separation of compliant from violating articles; overall, per guideline, language and split.
#
#   scripts/eval.sh [--check] [--mode NAME] [--corpus DIR] [--split dev|test] [--concurrency N] [--timeout S]
#                   [--thresholds FILE] [--page FILE] [--results FILE] [--data-dir DIR]
#                   [--url URL --token TOKEN] [--hub.setting=value ...]
#
# By default it starts a hub in this JVM on the embedded default (no LLM: mode rules-only) in a temporary data dir,
# so ./data is never touched. With HUB_LLM_ENABLED=true, HUB_LLM_URL and the key (docs/configuration.md) the hub
# judges with the model and the mode is --mode (default llm). --url and --token evaluate a hub that already runs.
# Any --name=value argument is a hub setting (e.g. --spring.profiles.active=local). With MLFLOW_TRACKING_URI set,
# the run is logged to MLflow (experiment <prefix>evaluation). It rewrites the results section of
# docs/evaluation.md and target/eval/results.json. The last line of stdout is
#   eval: items=N en=N de=N precision=P recall=R false-alarms=F separation=S
# --check exits 1 when a figure breaks its mode's bar in eval/thresholds.yaml (each breach is printed); 2 means a
# usage or corpus error. Needs only a JDK 17+: it compiles (./mvnw) when the classes are missing or older than the
# sources.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
classpath_file="$root/target/eval.classpath"
stamp="$root/target/eval.compiled"
if [[ ! -f "$stamp" || ! -f "$root/target/classes/hub/evaluation/EvaluationCommand.class" ]] \
   || [[ -n "$(find src/main pom.xml -newer "$stamp" -type f -print -quit)" ]]; then
  ./mvnw -B -q compile >&2
  touch "$stamp"
fi
if [[ ! -s "$classpath_file" || "$root/pom.xml" -nt "$classpath_file" ]]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file" >&2
fi
exec java ${EVAL_JAVA_OPTS:--Xmx1g} -cp "$root/target/classes:$(cat "$classpath_file")" hub.evaluation.EvaluationCommand "$@"
