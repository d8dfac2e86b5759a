#!/usr/bin/env bash
# Builds the distribution if needed, unpacks it under work-local/ and runs the agent with
# configs/monitor.conf of this checkout. Extra arguments go to bin/monitor
# (e.g. scripts/run_local.sh snapshot --plugin cpu). On a bare Debian 12, run as root, it first
# installs the JDK and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)

# What the build needs, as scripts/test.sh installs it: javac (not just java) and mvn.
if ! command -v javac >/dev/null || ! command -v mvn >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "run_local.sh: needs a Java 17 JDK and Maven; as root: apt-get install openjdk-17-jdk-headless maven" >&2
    echo "run_local.sh: (or run this script as root, it installs them)" >&2
    exit 2
  fi
  echo "run_local.sh: installing openjdk-17-jdk-headless and maven (apt-get, about a minute)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven >/dev/null
fi

mkdir -p work-local
tarball=$(ls distribution/target/agent-collector-*.tar.gz 2>/dev/null | head -n 1 || true)
newest_source=$(find pom.xml */pom.xml plugins configs distribution/src monitor-*/src -newer "${tarball:-/nonexistent}" -type f 2>/dev/null | head -n 1 || true)
if [ -z "$tarball" ] || [ -n "$newest_source" ]; then
  # The first build downloads the dependencies from Maven Central (a few minutes). One line
  # per module here; Maven's whole output goes to work-local/build.log.
  # Only what the tarball needs: no test compilation (scripts/test.sh builds and runs the tests).
  echo "run_local.sh: building (mvn -B package -Dmaven.test.skip=true, log: work-local/build.log)"
  if ! mvn -B -ntp package -Dmaven.test.skip=true -pl distribution -am 2>&1 | tee work-local/build.log \
      | grep --line-buffered -E '^\[INFO\] Building .* \[[0-9]+/[0-9]+\]$|^\[INFO\] BUILD|^\[ERROR\]'; then
    echo "run_local.sh: build failed, see work-local/build.log" >&2
    exit 1
  fi
  tarball=$(ls distribution/target/agent-collector-*.tar.gz | head -n 1)
fi

# Each build unpacks into a directory of its own (version + content hash) and work-local/current
# points at it: a rebuild, `snapshot` or `plugins` never touches the install a running agent uses.
name=$(basename "$tarball" .tar.gz)
hash=$(sha256sum "$tarball" | cut -c1-12)
home="work-local/$name-$hash"
if [ ! -d "$home" ]; then
  tmp=$(mktemp -d work-local/.unpack.XXXXXX)
  tar -xzf "$tarball" -C "$tmp"
  mv "$tmp/$name" "$home"
  rmdir "$tmp"
fi
ln -sfn "$name-$hash" work-local/current.new && mv -T work-local/current.new work-local/current
exec "$top/work-local/current/bin/monitor" --config "$top/configs/monitor.conf" "$@"
