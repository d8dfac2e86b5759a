#!/usr/bin/env bash
# Runs the whole test suite on a Debian machine: installs what the tests need, then mvn -B verify.
# Under CI=true a test whose infrastructure is missing fails; locally it is skipped, loudly.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the suite uses: JDK + Maven to build; promtool (package prometheus) and
# node_exporter (the parity oracle). None of them is started as a service by installing.
PACKAGES=(openjdk-17-jdk-headless maven prometheus prometheus-node-exporter)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: not root, cannot install ${missing[*]}: tests that need them will skip (or fail under CI=true)" >&2
  fi
fi

# Debian's prometheus package ships a service; policy-rc.d keeps it stopped here. Be sure no
# stray exporter holds a port the tests pick (they use free loopback ports anyway).
exec mvn -B verify "$@"
