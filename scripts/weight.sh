#!/usr/bin/env bash
# Issue #18's weight figures as one markdown table (BENCHMARKS.md): the agent from the built
# tarball and Debian's node_exporter (defaults) started side by side IN THE SAME RUN, RUNS times,
# each scraped once every 5 s like Prometheus (scripts/bench/Weight.java measures, WeightTable.java
# prints the table with the ratios). Loopback and unix sockets only.
#   host        tarball defaults (configs/monitor.conf), no container daemon: CPU per cycle in the
#               windows WINDOWS (s after start, WINDOW_SECONDS each), RSS and VmHWM after 100
#               scrapes, start -> /-/ready; beside it a second agent with the docker and containerd
#               plugins disabled (the cost of an absent daemon: RSS difference), and the agent's
#               threads that switched more often than once per cycle in the last window
#   k8s         (root) a private containerd with K8S_CONTAINERS containers and k8s-labels on a mock
#               API server with PODS pods, as scripts/benchmark-k8s.sh: one window K8S_WINDOWS
#   containers  (root) a private dockerd with CONTAINERS idle containers, as
#               scripts/benchmark-containers.sh: one window CONTAINERS_WINDOWS
# Usage: [TARBALL=…] [RUNS=3] [PROFILES="host k8s containers"] scripts/weight.sh
# Quick try: RUNS=1 PROFILES=host WINDOWS="30 90" WINDOW_SECONDS=30 scripts/weight.sh
# EXTRA_ENV (CONFIG_FORCE_…=… …) goes to every agent; NE_FLAGS to node_exporter.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
runs=${RUNS:-3}
profiles=${PROFILES:-host k8s containers}
built=(distribution/target/agent-collector-*.tar.gz)
tarball=${TARBALL:-${built[0]}}
if [ ! -f "$tarball" ]; then
  echo "weight: no tarball: build it (mvn -B -q package -DskipTests) or set TARBALL" >&2
  exit 2
fi
ne_bin=$(command -v prometheus-node-exporter || true)
[ -n "$ne_bin" ] || echo "weight: *** prometheus-node-exporter not installed: no node_exporter column, no ratios ***" >&2

work=$(mktemp -d /tmp/weight.XXXXXX)
raw=$work/raw.txt
helper_pid=
api_pid=
daemons=
cleanup() {
  set +e
  if [ -n "$helper_pid" ]; then
    kill "$helper_pid" 2>/dev/null # its shutdown hook ends the agents and node_exporter
    wait "$helper_pid" 2>/dev/null
  fi
  # Whatever is still alive of what the helpers started (their pids, checked against pid reuse).
  local f pid
  for f in "$work"/*/pids; do
    [ -f "$f" ] || continue
    while read -r pid; do
      if grep -qsE "monitor.home=$work|node-exporter" "/proc/$pid/cmdline"; then
        kill -KILL "$pid" 2>/dev/null
      fi
    done < "$f"
  done
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null
  [ -n "$daemons" ] && stop_daemons
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

tar -xzf "$tarball" -C "$work"
home=$(ls -d "$work"/agent-collector-*/)
home=${home%/}
mkdir -p "$work/classes"
javac -d "$work/classes" scripts/bench/Weight.java scripts/bench/WeightTable.java
TEST_DAEMONS_DIR=$work/daemons # set per profile before start_*
# shellcheck source=scripts/test-daemons.sh
source scripts/test-daemons.sh

note() { echo "weight: *** $* ***" | tee -a "$work/notes" >&2; }

# measure PROFILE RUN: one run of scripts/bench/Weight.java; its lines go to stdout and $raw.
measure() {
  local logs=$work/$1-$2
  mkdir -p "$logs"
  AGENT_HOME=$home AGENT_CONFIG=$top/configs/monitor.conf NE_BIN=$ne_bin \
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m -cp "$work/classes" Weight "$1" "$2" "$logs" \
    > "$logs/out" 2> "$logs/err" &
  helper_pid=$!
  if ! wait "$helper_pid"; then
    helper_pid=
    note "$1 run $2 failed: $(tail -5 "$logs/err")"
    for f in "$logs"/*.log; do echo "--- $f" >&2; tail -20 "$f" >&2; done
    return 1
  fi
  helper_pid=
  tee -a "$raw" < "$logs/out"
}

profile_host() {
  local s
  for s in /var/run/docker.sock /run/containerd/containerd.sock; do
    [ -S "$s" ] && note "$s exists: the host profile assumes no container daemon, the agent reads this one"
  done
  for i in $(seq 1 "$runs"); do
    NORUNTIMES=1 WAKE=1 AGENT_ENV=${EXTRA_ENV:-} measure host "$i"
  done
}

profile_k8s() {
  if [ "$(id -u)" != 0 ] || ! command -v containerd >/dev/null || ! command -v ctr >/dev/null; then
    note "k8s profile SKIPPED: needs root, containerd and ctr"
    return
  fi
  # The mock API server's class path, its sibling modules as target/classes (in the reactor: no
  # module needs to be in ~/.m2); test-compile builds it where it is missing.
  if ! nice -n 19 mvn -B -q -o -pl plugins/k8s-labels -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/k8s-cp.txt" > "$work/k8s-cp.log" 2>&1; then
    note "k8s profile SKIPPED: the mock API server (plugins/k8s-labels tests) does not build: $(grep -m 3 ERROR "$work/k8s-cp.log")"
    return
  fi
  local cp
  cp=$(cat "$work/k8s-cp.txt")
  TEST_DAEMONS_DIR=$work/daemons-k8s
  daemons=1
  start_containerd || { note "k8s profile SKIPPED: the private containerd did not start"; return 1; }
  local ctr="ctr --address $MONITOR_TEST_CONTAINERD_ADDRESS -n k8s.io" i port
  for i in $(seq 1 "${K8S_CONTAINERS:-20}"); do
    $ctr run -d --null-io --runc-root "$MONITOR_TEST_CONTAINERD_RUNC_ROOT" --memory-limit 33554432 \
      --label io.kubernetes.pod.name="bench-$i" --label io.kubernetes.pod.namespace=bench \
      --label io.kubernetes.container.name=app "$MONITOR_TEST_CONTAINERD_IMAGE" "weight-$i" sleep 86400 > /dev/null
  done
  java -cp "plugins/k8s-labels/target/test-classes:plugins/k8s-labels/target/classes:$cp" \
    io.agentcollector.plugin.k8slabels.BenchApiServer "${PODS:-110}" > "$work/api.out" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 150); do grep -q '^port=' "$work/api.out" && break; sleep 0.2; done
  port=$(sed -n 's/^port=//p' "$work/api.out")
  echo "weight: k8s: ${K8S_CONTAINERS:-20} containers in containerd namespace k8s.io, ${PODS:-110} pods on 127.0.0.1:$port" >&2
  for i in $(seq 1 "$runs"); do
    WINDOWS=${K8S_WINDOWS:-90} AGENT_ENV="CONFIG_FORCE_plugins_containerd_socket=$MONITOR_TEST_CONTAINERD_ADDRESS \
CONFIG_FORCE_plugins_docker_enabled=false CONFIG_FORCE_plugins_k8s__labels_enabled=true \
CONFIG_FORCE_plugins_k8s__labels_node__name=node-1 CONFIG_FORCE_plugins_k8s__labels_master__url=http://127.0.0.1:$port \
CONFIG_FORCE_self__metrics_jvm=false ${EXTRA_ENV:-}" measure k8s "$i"
  done
  kill "$api_pid"
  api_pid=
  stop_daemons
  daemons=
}

profile_containers() {
  if [ "$(id -u)" != 0 ] || ! command -v dockerd >/dev/null || [ ! -x /usr/bin/docker ] || [ ! -x /bin/busybox ]; then
    note "containers profile SKIPPED: needs root, dockerd, /usr/bin/docker and /bin/busybox"
    return
  fi
  TEST_DAEMONS_DIR=$work/daemons-containers
  daemons=1
  start_dockerd || { note "containers profile SKIPPED: the private dockerd did not start"; return 1; }
  local n=${CONTAINERS:-200} i
  echo "weight: containers: starting $n idle containers" >&2
  for i in $(seq 1 "$n"); do
    /usr/bin/docker -H "$MONITOR_TEST_DOCKER_HOST" run -d --name "bench-$i" --network none --memory 32m \
      "$MONITOR_TEST_IMAGE" sleep 86400 > /dev/null
  done
  for i in $(seq 1 "$runs"); do
    WINDOWS=${CONTAINERS_WINDOWS:-120} AGENT_ENV="CONFIG_FORCE_plugins_docker_socket=$MONITOR_TEST_DOCKER_HOST \
CONFIG_FORCE_plugins_containerd_socket=$work/no-containerd.sock CONFIG_FORCE_self__metrics_jvm=false ${EXTRA_ENV:-}" \
      measure containers "$i"
  done
  stop_daemons
  daemons=
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r), $(java -version 2>&1 | head -n 1)"
echo "tarball: $tarball; node_exporter: ${ne_bin:+$("$ne_bin" --version 2>&1 | head -n 1)}; runs: $runs; scrape every ${SCRAPE_INTERVAL:-5} s"
echo "windows (s after start, ${WINDOW_SECONDS:-60} s each): host ${WINDOWS:-30 90 300}, k8s ${K8S_WINDOWS:-90}, containers ${CONTAINERS_WINDOWS:-120}"
for p in $profiles; do
  case $p in
    host | k8s | containers) "profile_$p" || note "$p profile incomplete" ;;
    *) echo "weight: unknown profile $p (host, k8s, containers)" >&2; exit 2 ;;
  esac
done
echo
if [ -s "$raw" ]; then
  java -cp "$work/classes" WeightTable < "$raw"
fi
[ ! -f "$work/notes" ] || cat "$work/notes"
