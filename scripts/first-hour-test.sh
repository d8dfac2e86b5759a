#!/usr/bin/env bash
# The README's first hour, checked: in a throwaway bare Debian 12 root (debootstrap --variant=minbase,
# from the mirror apt uses here) a clone of this repository runs the README's command
# `scripts/run_local.sh`, which must install the JDK and Maven itself, build from Maven Central and
# start an agent that answers /metrics. Nothing else is installed in the root.
#
# Caches, under /var/cache/agent-collector-test/ (measured on 2 busy cores: cold 7.3 min, of which
# debootstrap 2.5 and the JDK, Maven Central and the build 4; warm 3.2 min):
#   bookworm-minbase/  the pristine debootstrap root, copied for each run (debootstrap: ~3 min);
#   apt-archives/      the .deb files run_local.sh's apt-get downloads inside the root;
#   m2/                the root's ~/.m2: what the root's own Maven downloaded from Central in an
#                      earlier run. The host's ~/.m2 is never used, so a cold run proves the
#                      command works from Central alone.
# Needs root (debootstrap, chroot, mounts). Under CI=true a missing prerequisite fails; locally it skips.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
cache=/var/cache/agent-collector-test
start=$(date +%s)

skip() {
  if [ "${CI:-}" = true ]; then
    echo "first-hour-test: FAILED: $1 (CI=true: not skipped)" >&2
    exit 1
  fi
  echo "first-hour-test: SKIPPED: $1" >&2
  exit 0
}
log() { echo "first-hour-test: [$(($(date +%s) - start)) s] $*"; }

[ "$(id -u)" = 0 ] || skip "needs root (debootstrap, chroot)"
if ! command -v debootstrap >/dev/null; then
  log "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null \
    || skip "cannot install debootstrap"
fi
command -v git >/dev/null || skip "needs git to clone the repository"

# The mirror apt uses here (one-line or deb822 sources), for the bookworm suite.
mirror=$(sed -E 's/\[[^]]*\]//' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
  | awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' || true)
if [ -z "$mirror" ]; then
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | awk '/^URIs:/ { u = $2 } /^Suites:/ && / bookworm( |$)/ { print u; exit }' || true)
fi
mirror=${mirror:-http://deb.debian.org/debian}

mkdir -p "$cache/apt-archives/partial" "$cache/m2"
if [ ! -d "$cache/bookworm-minbase" ]; then
  log "debootstrap bookworm (minbase) from $mirror into $cache/bookworm-minbase (a few minutes, once)"
  rm -rf "$cache/bookworm-minbase.tmp"
  debootstrap --variant=minbase bookworm "$cache/bookworm-minbase.tmp" "$mirror" > "$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log" >&2; skip "debootstrap failed (log: $cache/debootstrap.log)"; }
  mv "$cache/bookworm-minbase.tmp" "$cache/bookworm-minbase"
fi

root=$(mktemp -d /var/tmp/first-hour.XXXXXX)
agent_pid=""
cleanup() {
  if [ -n "$agent_pid" ]; then
    kill -TERM -- "-$agent_pid" 2>/dev/null || true
    sleep 2
    kill -KILL -- "-$agent_pid" 2>/dev/null || true
  fi
  for m in root/.m2 var/cache/apt/archives dev/pts dev sys proc; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"
  done
  # Never delete through a mount that is still there (it would be the host's /dev or cache).
  if findmnt -rn -o TARGET | grep -q "^$root"; then
    echo "first-hour-test: $root still has mounts, left in place" >&2
  else
    rm -rf "$root"
  fi
}
trap cleanup EXIT

log "copying the cached root to $root"
cp -a "$cache/bookworm-minbase/." "$root/"
# What the machine itself is set up with, not a step of the README: its DNS, and the extra CA
# certificates it trusts (a TLS-inspecting proxy's, say), which the root's ca-certificates then
# installs into the JDK's trust store when run_local.sh installs the JDK.
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
log "cloning $repo (HEAD $(git rev-parse --short HEAD)) into the root"
git clone -q "$repo" "$root/root/agent-collector"
mount -t proc proc "$root/proc"
mount -t sysfs -o ro sysfs "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
mkdir -p "$root/root/.m2"
mount --bind "$cache/m2" "$root/root/.m2"

# The root shares this machine's network: a free loopback port instead of :9100, set as the
# README says (MONITOR_LISTEN_ADDRESS).
port=19190
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

log "running scripts/run_local.sh in the root (agent on 127.0.0.1:$port), output in $root/run.log"
setsid chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 MONITOR_LISTEN_ADDRESS="127.0.0.1:$port" \
  /bin/bash -c 'cd /root/agent-collector && exec scripts/run_local.sh' > "$root/run.log" 2>&1 < /dev/null &
agent_pid=$!

deadline=$((start + ${FIRST_HOUR_TIMEOUT:-600}))
metrics=""
while [ "$(date +%s)" -lt "$deadline" ]; do
  if ! kill -0 "$agent_pid" 2>/dev/null; then
    cat "$root/run.log" >&2
    echo "first-hour-test: FAILED: scripts/run_local.sh exited" >&2
    exit 1
  fi
  metrics=$(curl -sf "http://127.0.0.1:$port/metrics" 2>/dev/null || true)
  case $metrics in *node_memory_MemTotal_bytes*) break ;; esac
  sleep 2
done

fail() {
  cat "$root/run.log" >&2
  echo "first-hour-test: FAILED: $1" >&2
  exit 1
}
[ -n "$metrics" ] || fail "no answer on 127.0.0.1:$port/metrics within ${FIRST_HOUR_TIMEOUT:-600} s"
version=$(grep -m1 -A1 '<artifactId>agent-collector-parent</artifactId>' pom.xml | sed -n 's/.*<version>\(.*\)<\/version>.*/\1/p')
grep -q "^monitor_build_info{.*version=\"$version\"" <<<"$metrics" || fail "no monitor_build_info of version $version"
mem=$(awk '/^node_memory_MemTotal_bytes/ { print $NF }' <<<"$metrics")
awk -v m="$mem" 'BEGIN { exit !(m + 0 > 0) }' || fail "node_memory_MemTotal_bytes is '$mem'"
grep -q '^monitor_collector_success{collector="meminfo".*} 1' <<<"$metrics" || fail "meminfo is not collected"
grep -q 'INFO  Agent - agent-collector .* listening on http://127.0.0.1:'"$port"'/' "$root/run.log" || fail "no start line in the output"
grep -q '^\[INFO\] Building monitor-runtime' "$root/run.log" || fail "no build progress in the output"
grep -E 'Building|installing|listening' "$root/run.log" | sed 's/^/  | /'

# A second command while the agent runs (the README's `scripts/run_local.sh snapshot`) must leave
# its install alone.
log "scripts/run_local.sh snapshot --plugin mem while the agent runs"
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  /bin/bash -c 'cd /root/agent-collector && scripts/run_local.sh snapshot --plugin mem --format prometheus' \
  > "$root/snapshot.log" 2>&1 || fail "snapshot failed: $(cat "$root/snapshot.log")"
grep -q '^node_memory_MemTotal_bytes' "$root/snapshot.log" || fail "snapshot printed no node_memory_MemTotal_bytes"
after=$(curl -sf "http://127.0.0.1:$port/metrics" || true)
grep -q '^node_memory_MemTotal_bytes' <<<"$after" || fail "the agent stopped answering after snapshot"
log "PASSED: bare Debian 12 -> scripts/run_local.sh -> /metrics answers (MemTotal $mem), snapshot beside it"
