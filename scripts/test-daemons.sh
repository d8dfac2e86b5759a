#!/usr/bin/env bash
# Starts and stops the daemons the integration tests use, on private sockets and state dirs,
# never the host's: a dockerd (which runs its own containerd) with no bridge, no iptables.
#   source scripts/test-daemons.sh; start_dockerd; ...; stop_daemons
# Exports MONITOR_TEST_DOCKER_HOST and MONITOR_TEST_IMAGE for the tests.

TEST_DAEMONS_DIR=${TEST_DAEMONS_DIR:-$(mktemp -d /tmp/agent-collector-daemons.XXXXXX)}

start_dockerd() {
  local b=$TEST_DAEMONS_DIR/docker
  mkdir -p "$b"
  # Debian's dockerd speaks API 1.41; /usr/bin/docker is its matching client.
  dockerd --host "unix://$b/docker.sock" --data-root "$b/root" --exec-root "$b/exec" --pidfile "$b/docker.pid" \
    --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
    > "$b/dockerd.log" 2>&1 &
  for _ in $(seq 1 100); do
    [ -S "$b/docker.sock" ] && /usr/bin/docker -H "unix://$b/docker.sock" version >/dev/null 2>&1 && break
    sleep 0.1
  done
  if ! /usr/bin/docker -H "unix://$b/docker.sock" version >/dev/null 2>&1; then
    echo "test-daemons: dockerd did not start; its log:" >&2
    tail -20 "$b/dockerd.log" >&2
    return 1
  fi
  # The test image: busybox-static in an otherwise empty rootfs (no registry is reachable).
  local r=$TEST_DAEMONS_DIR/rootfs
  mkdir -p "$r/bin" "$r/tmp" "$r/proc" "$r/sys" "$r/dev" "$r/etc"
  cp /bin/busybox "$r/bin/busybox"
  for a in $("$r/bin/busybox" --list); do [ -e "$r/bin/$a" ] || ln -s busybox "$r/bin/$a"; done
  tar -C "$r" -c . | /usr/bin/docker -H "unix://$b/docker.sock" import - local/busybox:test >/dev/null
  export MONITOR_TEST_DOCKER_HOST="unix://$b/docker.sock"
  export MONITOR_TEST_DOCKER_PIDFILE="$b/docker.pid"
  export MONITOR_TEST_DOCKERD_CMD="dockerd --host unix://$b/docker.sock --data-root $b/root --exec-root $b/exec --pidfile $b/docker.pid --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false"
  export MONITOR_TEST_IMAGE=local/busybox:test
  echo "test-daemons: dockerd on $MONITOR_TEST_DOCKER_HOST"
}

stop_daemons() {
  # Best effort and never failing: it runs from an EXIT trap, where a failure would replace
  # the exit status of the tests.
  set +e
  local b=$TEST_DAEMONS_DIR/docker
  if [ -f "$b/docker.pid" ]; then
    /usr/bin/docker -H "unix://$b/docker.sock" ps -aq 2>/dev/null | xargs -r /usr/bin/docker -H "unix://$b/docker.sock" rm -f >/dev/null 2>&1
    local pid
    pid=$(cat "$b/docker.pid" 2>/dev/null)
    if [ -n "$pid" ]; then
      kill -TERM "$pid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  # Unmount anything dockerd left under our private dirs before removing them.
  grep -o " $TEST_DAEMONS_DIR[^ ]*" /proc/mounts 2>/dev/null | sort -r | xargs -r -n1 umount -l 2>/dev/null
  rm -rf "$TEST_DAEMONS_DIR"
  return 0
}
