#!/usr/bin/env bash
# Long fuzzing run with Jazzer: scripts/fuzz.sh [TARGET] [DURATION]
#   TARGET    fuzz target classes, with or without the FuzzTest suffix, comma-separated
#             (ProcStat, ProcStatFuzzTest,NetDev), or "all" (default): every *FuzzTest
#   DURATION  seconds of fuzzing per target (default 60)
# Each target runs in its own JVM (Jazzer fuzzes one target per JVM), first replaying its seeds and
# kept findings. A finding fails the run and leaves the input in <module>/target/fuzz/crash-<sha1>;
# fix the parser, then copy the input to the target's Inputs directory
# (src/test/resources/<package>/<Class>Inputs/<method>/) so every mvn verify replays it.
# Prints at the end the executions per target. Output: target/fuzz.log.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-all}"
duration="${2:-60}"
[[ "$duration" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: DURATION must be whole seconds, got '$duration'" >&2; exit 2; }

files=()
IFS=, read -ra wanted <<< "$target"
for t in "${wanted[@]}"; do
  if [ "$t" = all ]; then pattern='*FuzzTest.java'; else pattern="${t%FuzzTest}FuzzTest.java"; fi
  mapfile -t found < <(find . -path '*/src/test/java/*' -name "$pattern" -not -path './work-local/*' | sort)
  files+=("${found[@]}")
done
if [ ${#files[@]} -eq 0 ]; then
  echo "fuzz.sh: no fuzz target $target; targets are:" >&2
  find . -path '*/src/test/java/*' -name '*FuzzTest.java' -printf '  %f\n' | sed 's/\.java$//' | sort >&2
  exit 2
fi
classes=$(printf '%s\n' "${files[@]}" | xargs -n1 basename | sed 's/\.java$//' | sort -u | paste -sd, -)
modules=$(printf '%s\n' "${files[@]}" | sed 's|^\./||; s|/src/test/java/.*||' | sort -u | paste -sd, -)

mkdir -p target
log=target/fuzz.log
echo "fuzz.sh: ${#files[@]} target(s), ${duration}s each, modules $modules"
set +e
mvn -B -fae -pl "$modules" -am verify -DskipITs \
  -Dtest="$classes" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.seconds="$duration" 2>&1 | tee "$log" | grep -E '^\[(ERROR|INFO\] (Running|Tests run|BUILD))|stat::number_of_executed_units|FuzzTestFinding|^== Java Exception'
rc=${PIPESTATUS[0]}
set -e

echo
echo "executions per target (fuzzing phase, ${duration}s each):"
# "Running <class>" of the fuzz execution is followed by libFuzzer's final stats.
awk '/--- maven-surefire-plugin:.*\(fuzz\)/ {fuzz = 1} /--- maven-surefire-plugin:.*\(default-test\)/ {fuzz = 0}
     fuzz && /^\[INFO\] Running / {cls = $NF; done = 0}
     fuzz && /stat::number_of_executed_units:/ && !done {printf "  %-60s %12d\n", cls, $2; done = 1}
     fuzz && /FuzzTestFindingException/ {print "  FINDING in " cls}' "$log"
exit "$rc"
