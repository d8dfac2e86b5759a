#!/usr/bin/env bash
# Starts and stops the daemons the integration tests use, on private sockets and state dirs,
# never the host's: a dockerd (which runs its own containerd) with no bridge, no iptables, and a
# standalone containerd (start_containerd).
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

# A standalone containerd on its own socket, root and state (CRI off: the tests use ctr), with
# the busybox test image imported into the namespaces k8s.io, default and moby (Docker's, which
# the plugin skips by default). No dockerd needed: the image is written as an OCI archive here.
start_containerd() {
  local c=$TEST_DAEMONS_DIR/containerd
  mkdir -p "$c"
  cat > "$c/config.toml" <<CONF
version = 2
root = "$c/root"
state = "$c/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$c/containerd.sock"
[plugins."io.containerd.internal.v1.opt"]
  path = "$c/opt"
CONF
  containerd --config "$c/config.toml" > "$c/containerd.log" 2>&1 &
  echo $! > "$c/containerd.pid"
  for _ in $(seq 1 100); do
    [ -S "$c/containerd.sock" ] && ctr --address "$c/containerd.sock" version >/dev/null 2>&1 && break
    sleep 0.1
  done
  if ! ctr --address "$c/containerd.sock" version >/dev/null 2>&1; then
    echo "test-daemons: containerd did not start; its log:" >&2
    tail -20 "$c/containerd.log" >&2
    return 1
  fi
  # The same busybox-static rootfs as start_dockerd's, as a one-layer OCI image archive.
  local r=$TEST_DAEMONS_DIR/rootfs
  mkdir -p "$r/bin" "$r/tmp" "$r/proc" "$r/sys" "$r/dev" "$r/etc"
  [ -e "$r/bin/busybox" ] || cp /bin/busybox "$r/bin/busybox"
  for a in $("$r/bin/busybox" --list); do [ -e "$r/bin/$a" ] || ln -s busybox "$r/bin/$a"; done
  local o=$c/oci image=docker.io/local/busybox:test arch
  arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
  rm -rf "$o"; mkdir -p "$o/blobs/sha256"
  tar -C "$r" -c . > "$o/layer.tar"
  local layer lsize config csize manifest msize
  layer=$(sha256sum "$o/layer.tar" | cut -d' ' -f1); lsize=$(stat -c %s "$o/layer.tar")
  mv "$o/layer.tar" "$o/blobs/sha256/$layer"
  printf '{"architecture":"%s","os":"linux","config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$arch" "$layer" > "$o/config.json"
  config=$(sha256sum "$o/config.json" | cut -d' ' -f1); csize=$(stat -c %s "$o/config.json")
  mv "$o/config.json" "$o/blobs/sha256/$config"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":%s}]}' \
    "$config" "$csize" "$layer" "$lsize" > "$o/manifest.json"
  manifest=$(sha256sum "$o/manifest.json" | cut -d' ' -f1); msize=$(stat -c %s "$o/manifest.json")
  mv "$o/manifest.json" "$o/blobs/sha256/$manifest"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"test"}}]}' \
    "$manifest" "$msize" "$image" > "$o/index.json"
  echo '{"imageLayoutVersion":"1.0.0"}' > "$o/oci-layout"
  tar -C "$o" -cf "$c/busybox-oci.tar" oci-layout index.json blobs
  local ns
  for ns in k8s.io default moby; do
    if ! ctr --address "$c/containerd.sock" -n "$ns" image import "$c/busybox-oci.tar" >/dev/null; then
      echo "test-daemons: importing the test image into containerd namespace $ns failed" >&2
      return 1
    fi
  done
  export MONITOR_TEST_CONTAINERD_ADDRESS="$c/containerd.sock"
  export MONITOR_TEST_CONTAINERD_PIDFILE="$c/containerd.pid"
  export MONITOR_TEST_CONTAINERD_CMD="containerd --config $c/config.toml"
  export MONITOR_TEST_CONTAINERD_IMAGE=$image
  # runc's state of the test containers stays under our dir too (ctr run --runc-root).
  export MONITOR_TEST_CONTAINERD_RUNC_ROOT="$c/runc"
  echo "test-daemons: containerd on $MONITOR_TEST_CONTAINERD_ADDRESS"
}

stop_daemons() {
  # Best effort and never failing: it runs from an EXIT trap, where a failure would replace
  # the exit status of the tests.
  set +e
  local b=$TEST_DAEMONS_DIR/docker
  if [ -f "$b/docker.pid" ]; then
    /usr/bin/docker -H "unix://$b/docker.sock" ps -aq 2>/dev/null |
      timeout 120 xargs -r /usr/bin/docker -H "unix://$b/docker.sock" rm -f >/dev/null 2>&1
    # dockerd 20.10 once hung in `rm -f` with 200 containers (2026-12-01): whatever its containerd
    # still runs is killed directly, so no container outlives the test.
    local s=$b/exec/containerd/containerd.sock id
    if [ -S "$s" ]; then
      for id in $(timeout 10 ctr --address "$s" -n moby tasks ls -q 2>/dev/null); do
        timeout 10 ctr --address "$s" -n moby task kill -s KILL "$id" >/dev/null 2>&1
      done
    fi
    local pid
    pid=$(cat "$b/docker.pid" 2>/dev/null)
    if [ -n "$pid" ]; then
      kill -TERM "$pid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      grep -qs "$b/docker.sock" "/proc/$pid/cmdline" && kill -KILL "$pid" 2>/dev/null
    fi
  fi
  local c=$TEST_DAEMONS_DIR/containerd
  if [ -f "$c/containerd.pid" ]; then
    local ns id cpid
    for ns in $(ctr --address "$c/containerd.sock" namespaces ls -q 2>/dev/null); do
      for id in $(ctr --address "$c/containerd.sock" -n "$ns" containers ls -q 2>/dev/null); do
        ctr --address "$c/containerd.sock" -n "$ns" task kill -s KILL "$id" >/dev/null 2>&1
        ctr --address "$c/containerd.sock" -n "$ns" task delete -f "$id" >/dev/null 2>&1
        ctr --address "$c/containerd.sock" -n "$ns" containers rm "$id" >/dev/null 2>&1
      done
    done
    cpid=$(cat "$c/containerd.pid" 2>/dev/null)
    # The pid file may be stale (a test restarted containerd): only our config's process.
    [ -n "$cpid" ] && ! grep -qs "$c/config.toml" "/proc/$cpid/cmdline" && cpid=""
    [ -z "$cpid" ] && cpid=$(pgrep -f "^containerd --config $c/config.toml" | head -1)
    if [ -n "$cpid" ]; then
      kill -TERM "$cpid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$cpid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  # Unmount anything dockerd left under our private dirs before removing them.
  grep -o " $TEST_DAEMONS_DIR[^ ]*" /proc/mounts 2>/dev/null | sort -r | xargs -r -n1 umount -l 2>/dev/null
  rm -rf "$TEST_DAEMONS_DIR"
  return 0
}
