#!/usr/bin/env bash
# Benchmarks for BENCHMARKS.md: the agent (from the built tarball) and node_exporter side by side,
# same machine, same run, loopback only. Usage: scripts/benchmark.sh [runs]
#   - start: fork of bin/monitor -> first HTTP 200 from /metrics
#   - RSS after 100 sequential scrapes, CPU ms per scrape
#   - /metrics latency p50/p99 under 10 concurrent scrapers (10 x 100 requests)
#   - agent CPU per collection cycle: process CPU over IDLE_SECONDS without scrapes, divided by
#     the cycles run (IDLE_SECONDS / the 5 s default interval); the same for the collectors' own
#     threads (monitor_collector_cpu_seconds_total: all, and the containers collector); RSS then
# The agent runs with the plugins enabled in configs/monitor.conf plus EXTRA_ENV (e.g.
# CONFIG_FORCE_plugins_example_enabled=true).
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
runs=${1:-3}
tarball=${TARBALL:-$(ls distribution/target/agent-collector-*.tar.gz | head -n 1)}
work=$(mktemp -d)
trap 'pkill -f "monitor.home=$work" 2>/dev/null || true; [ -n "${ne_pid:-}" ] && kill $ne_pid 2>/dev/null || true; rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
home=$(ls -d "$work"/agent-collector-*/)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
wait_200() { until curl -sf -o /dev/null "$1"; do sleep 0.005; done; }
# "<all collectors' CPU seconds> <the containers collector's>" from the agent's self-metrics.
collector_cpu() {
  # Only that family (name[]): a full rendering inside the idle window would count as cycle CPU.
  curl -s "http://127.0.0.1:$1/metrics?name\[\]=monitor_collector_cpu_seconds_total" | awk '/^monitor_collector_cpu_seconds_total/ {all += $NF; if ($0 ~ /collector="containers"/) c += $NF} END {printf "%f %f", all, c}'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r), $(java -version 2>&1 | head -n 1)"
for i in $(seq 1 "$runs"); do
  port=$(free_port)
  t0=$(now_ms)
  env ${EXTRA_ENV:-} MONITOR_LISTEN_ADDRESS=127.0.0.1:$port "$home/bin/monitor" --config "$top/configs/monitor.conf" > "$work/agent.log" 2>&1 &
  pid=$!
  wait_200 "http://127.0.0.1:$port/metrics"
  t1=$(now_ms)
  sleep "${WARM_SECONDS:-6}" # let every collector finish a cycle or two (longer: JIT done too)
  idle=${IDLE_SECONDS:-30}
  k0=$(collector_cpu "$port"); c0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep "$idle"
  k1=$(collector_cpu "$port"); c1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  cycle_ms=$(( (c1 - c0) * 10 * 5 / idle )) # ticks are 10 ms; one cycle per 5 s
  # The collectors' own thread CPU (monitor_collector_cpu_seconds_total): all, and containers.
  collectors=$(awk -v a="$k0" -v b="$k1" -v s="$idle" 'BEGIN {split(a, x, " "); split(b, y, " "); printf "collectors_cpu_ms_per_cycle=%.1f containers_cpu_ms_per_cycle=%.1f", (y[1]-x[1])*1000*5/s, (y[2]-x[2])*1000*5/s}')
  rss_idle=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
  echo "agent run $i: start_ms=$((t1 - t0)) cpu_ms_per_cycle=$cycle_ms $collectors rss_mb_idle=$rss_idle $(java "$top/scripts/bench/Scrape.java" "http://127.0.0.1:$port/metrics" "$pid")"
  kill "$pid"; wait "$pid" 2>/dev/null || true

  if command -v prometheus-node-exporter >/dev/null; then
    port=$(free_port)
    t0=$(now_ms)
    prometheus-node-exporter --web.listen-address=127.0.0.1:$port ${NE_FLAGS:-} > "$work/ne.log" 2>&1 &
    ne_pid=$!
    wait_200 "http://127.0.0.1:$port/metrics"
    t1=$(now_ms)
    echo "node_exporter run $i: start_ms=$((t1 - t0)) $(java "$top/scripts/bench/Scrape.java" "http://127.0.0.1:$port/metrics" "$ne_pid")"
    kill "$ne_pid"; wait "$ne_pid" 2>/dev/null || true
    ne_pid=
  fi
done
