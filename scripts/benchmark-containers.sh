#!/usr/bin/env bash
# Container benchmark for BENCHMARKS.md: N idle containers (default 200) on a private dockerd,
# then scripts/benchmark.sh with the docker plugin pointed at it. Loopback and unix sockets only.
# Usage (root): scripts/benchmark-containers.sh [N] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
runs=${2:-2}
# shellcheck source=scripts/test-daemons.sh
source scripts/test-daemons.sh
trap 'stop_daemons || true' EXIT
start_dockerd
d="/usr/bin/docker -H $MONITOR_TEST_DOCKER_HOST"
echo "creating $n idle containers"
for i in $(seq 1 "$n"); do
  $d run -d --name "bench-$i" --network none --memory 32m "$MONITOR_TEST_IMAGE" sleep 86400 >/dev/null
done
EXTRA_ENV="CONFIG_FORCE_plugins_docker_socket=$MONITOR_TEST_DOCKER_HOST CONFIG_FORCE_self__metrics_jvm=false ${EXTRA_ENV:-}" \
  bash scripts/benchmark.sh "$runs"
