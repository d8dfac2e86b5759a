#!/usr/bin/env bash
# Runs the whole test suite on a Debian machine: installs what the tests need, then mvn -B verify.
# Under CI=true a test whose infrastructure is missing fails; locally it is skipped, loudly.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the suite uses: JDK + Maven to build; promtool (package prometheus),
# node_exporter (the parity oracle), dockerd + containerd and busybox-static (the test image),
# chromium (renders the landing page headless in LandingPageBrowserIT).
# None of them is started as a service by installing.
PACKAGES=(openjdk-17-jdk-headless maven openssl curl prometheus prometheus-alertmanager prometheus-node-exporter docker.io containerd busybox-static chromium)

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

# Private daemons for the container tests; stopped whatever happens.
# shellcheck source=scripts/test-daemons.sh
source scripts/test-daemons.sh
trap 'stop_daemons || true' EXIT
if [ "$(id -u)" = 0 ] && command -v dockerd >/dev/null; then
  start_dockerd || echo "test.sh: no dockerd: docker tests will skip (or fail under CI=true)" >&2
else
  echo "test.sh: not root or no dockerd: docker tests will skip (or fail under CI=true)" >&2
fi

if [ "$(id -u)" = 0 ] && command -v containerd >/dev/null && command -v ctr >/dev/null; then
  start_containerd || echo "test.sh: no containerd: containerd tests will skip (or fail under CI=true)" >&2
else
  echo "test.sh: not root or no containerd: containerd tests will skip (or fail under CI=true)" >&2
fi

status=0
mvn -B verify "$@" || status=$?

# The README's first hour on a bare Debian 12 (scripts/first-hour-test.sh; cold ~7 min, warm ~3).
# A run with Maven arguments (one test, say) leaves it out, except under CI=true.
if [ $# -eq 0 ] || [ "${CI:-}" = true ]; then
  scripts/first-hour-test.sh || status=$?
fi
exit "$status"
