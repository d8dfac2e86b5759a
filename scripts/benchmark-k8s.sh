#!/usr/bin/env bash
# Benchmark for BENCHMARKS.md (issue #6): the agent on a Kubernetes-like node without Docker: a
# private standalone containerd with N idle containers in namespace k8s.io carrying kubelet's
# labels, and k8s-labels watching node-1's pods on fabric8's mock API server (PODS realistic
# pods), then scripts/benchmark.sh (start time, RSS, CPU, latency; node_exporter alongside).
# Loopback and unix sockets only. Usage (root): scripts/benchmark-k8s.sh [containers] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
runs=${2:-2}
pods=${PODS:-110}
# shellcheck source=scripts/test-daemons.sh
source scripts/test-daemons.sh
api_pid=
trap '[ -n "$api_pid" ] && kill $api_pid 2>/dev/null; stop_daemons || true' EXIT
start_containerd
ctr="ctr --address $MONITOR_TEST_CONTAINERD_ADDRESS -n k8s.io"
for i in $(seq 1 "$n"); do
  $ctr run -d --null-io --runc-root "$MONITOR_TEST_CONTAINERD_RUNC_ROOT" --memory-limit 33554432 \
    --label io.kubernetes.pod.name="bench-$i" --label io.kubernetes.pod.namespace=bench \
    --label io.kubernetes.container.name=app "$MONITOR_TEST_CONTAINERD_IMAGE" "bench-$i" sleep 86400 >/dev/null
done
cp=$(cd plugins/k8s-labels && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -cp "plugins/k8s-labels/target/test-classes:plugins/k8s-labels/target/classes:$cp" \
  io.agentcollector.plugin.k8slabels.BenchApiServer "$pods" > "$TEST_DAEMONS_DIR/api.out" 2>&1 &
api_pid=$!
for _ in $(seq 1 100); do grep -q '^port=' "$TEST_DAEMONS_DIR/api.out" && break; sleep 0.2; done
port=$(sed -n 's/^port=//p' "$TEST_DAEMONS_DIR/api.out")
echo "mock API server on 127.0.0.1:$port with $pods pods; $n containers in containerd namespace k8s.io"
EXTRA_ENV="CONFIG_FORCE_plugins_containerd_socket=$MONITOR_TEST_CONTAINERD_ADDRESS CONFIG_FORCE_plugins_docker_enabled=false \
CONFIG_FORCE_plugins_k8s__labels_enabled=true CONFIG_FORCE_plugins_k8s__labels_node__name=node-1 \
CONFIG_FORCE_plugins_k8s__labels_master__url=http://127.0.0.1:$port CONFIG_FORCE_self__metrics_jvm=false ${EXTRA_ENV:-}" \
  bash scripts/benchmark.sh "$runs"
