#!/usr/bin/env bash
# Builds the distribution if needed, unpacks it under work-local/ and runs the agent with
# configs/monitor.conf of this checkout. Extra arguments go to bin/monitor
# (e.g. scripts/run_local.sh snapshot --plugin cpu).
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)

tarball=$(ls distribution/target/agent-collector-*.tar.gz 2>/dev/null | head -n 1 || true)
newest_source=$(find pom.xml */pom.xml plugins configs distribution/src monitor-*/src -newer "${tarball:-/nonexistent}" -type f 2>/dev/null | head -n 1 || true)
if [ -z "$tarball" ] || [ -n "$newest_source" ]; then
  echo "run_local.sh: building (mvn -B -q package -DskipTests)"
  mvn -B -q package -DskipTests
  tarball=$(ls distribution/target/agent-collector-*.tar.gz | head -n 1)
fi

rm -rf work-local && mkdir -p work-local
tar -xzf "$tarball" -C work-local
home=$(ls -d work-local/agent-collector-*/)
exec "$home/bin/monitor" --config "$top/configs/monitor.conf" "$@"
