#!/usr/bin/env bash
# Container benchmark for BENCHMARKS.md: idle containers on a private dockerd, then
# scripts/benchmark.sh with the docker plugin pointed at it, once per container count (counts
# ascending: containers are added between measurements). Loopback and unix sockets only.
# Usage (root): scripts/benchmark-containers.sh [counts] [runs]   e.g. "0 50 100 200" 1
# For the steady state BENCHMARKS.md records: WARM_SECONDS=240 IDLE_SECONDS=60 (scripts/benchmark.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${1:-200}
runs=${2:-2}
# shellcheck source=scripts/test-daemons.sh
source scripts/test-daemons.sh
trap 'stop_daemons || true' EXIT
start_dockerd
d="/usr/bin/docker -H $MONITOR_TEST_DOCKER_HOST"
have=0
for n in $counts; do
  echo "== $n idle containers"
  while [ "$have" -lt "$n" ]; do
    have=$((have + 1))
    $d run -d --name "bench-$have" --network none --memory 32m "$MONITOR_TEST_IMAGE" sleep 86400 >/dev/null
  done
  EXTRA_ENV="CONFIG_FORCE_plugins_docker_socket=$MONITOR_TEST_DOCKER_HOST CONFIG_FORCE_self__metrics_jvm=false ${EXTRA_ENV:-}" \
    bash scripts/benchmark.sh "$runs"
done
