#!/usr/bin/env bash
# Soak test for RELIABILITY.md: the built tarball's agent with the docker plugin on a private
# dockerd, SCRAPERS concurrent scrapers (each scrapes, pauses PAUSE_MS, again) for SECONDS, while
# CYCLES containers are created, started and removed one after another. Then, after the retention
# of stopped containers (set to 30s here), no soak container's series may be left, and the
# agent's threads and file descriptors must be back where they were. Loopback and unix sockets
# only. Run as root on Debian (dockerd, busybox-static): scripts/soak.sh
#   SCRAPERS=200 SECONDS_=600 CYCLES=1000 PAUSE_MS=1000 (defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
scrapers=${SCRAPERS:-200}
seconds=${SECONDS_:-600}
cycles=${CYCLES:-1000}
pause=${PAUSE_MS:-1000}
tarball=${TARBALL:-$(ls distribution/target/agent-collector-*.tar.gz | head -n 1)}

# shellcheck source=scripts/test-daemons.sh
source scripts/test-daemons.sh
work=$(mktemp -d)
cleanup() {
  [ -n "${agent_pid:-}" ] && kill "$agent_pid" 2>/dev/null
  [ -n "${churn_pid:-}" ] && kill "$churn_pid" 2>/dev/null
  stop_daemons || true
  rm -rf "$work"
}
trap cleanup EXIT
start_dockerd >/dev/null
docker=(/usr/bin/docker -H "$MONITOR_TEST_DOCKER_HOST")

tar -xzf "$tarball" -C "$work"
home=$(ls -d "$work"/agent-collector-*/)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$work/soak.conf" <<CONF
include required(file("$top/configs/monitor.conf"))
web.listen-address = "127.0.0.1:$port"
plugins.docker.socket = "$MONITOR_TEST_DOCKER_HOST"
plugins.containers.retention = 30s
CONF
"$home/bin/monitor" --config "$work/soak.conf" > "$work/agent.log" 2>&1 &
agent_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/-/ready"; do
  kill -0 "$agent_pid" || { cat "$work/agent.log"; exit 1; }
  sleep 0.2
done
sleep 10
# The JVM's threads before the load (the HTTP front may add threads under load and retire them).
read -r threads0 fds0 < <(echo "$(awk '/^Threads:/ {print $2}' /proc/$agent_pid/status) $(ls /proc/$agent_pid/fd | wc -l)")
echo "machine: $(nproc) cores, $(uname -r), $(java -version 2>&1 | head -n 1)"
echo "before: threads=$threads0 fds=$fds0 rss_mb=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$agent_pid/status)"

churn() {
  local i id n=0
  for i in $(seq 1 "$cycles"); do
    id=$("${docker[@]}" run -d --network none --name "soak-$i" "$MONITOR_TEST_IMAGE" sleep 600) || continue
    sleep 0.2
    "${docker[@]}" rm -f "$id" >/dev/null && n=$((n + 1))
  done
  echo "churn: $n of $cycles containers created, started and removed"
}
churn > "$work/churn.log" 2>&1 &
churn_pid=$!

status=0
java "$top/scripts/bench/Soak.java" "http://127.0.0.1:$port/metrics" "$agent_pid" "$scrapers" "$seconds" "$pause" || status=$?
t_load=$(date +%s)
wait "$churn_pid" || true
churn_pid=
cat "$work/churn.log"
echo "churn ended $(( $(date +%s) - t_load )) s after the scrapers"
sleep 45 # past the 30 s retention and one interval
left=$(curl -s "http://127.0.0.1:$port/metrics" | grep -c 'name="soak-' || true)
threads1=$(awk '/^Threads:/ {print $2}' /proc/$agent_pid/status)
fds1=$(ls /proc/$agent_pid/fd | wc -l)
echo "after: threads=$threads1 fds=$fds1 rss_mb=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$agent_pid/status) soak_series_left=$left"
failed_lines=$(grep -c -E 'WARN|ERROR' "$work/agent.log" || true)
echo "agent log: $failed_lines WARN/ERROR lines"; grep -E 'WARN|ERROR' "$work/agent.log" | head -5 || true
[ "$left" -eq 0 ] || { echo "soak: $left series of removed containers left"; status=1; }
[ "$fds1" -le $((fds0 + 5)) ] || { echo "soak: file descriptors $fds0 -> $fds1"; status=1; }
[ "$threads1" -le $((threads0 + 5)) ] || { echo "soak: threads $threads0 -> $threads1"; status=1; }
exit "$status"
