#!/usr/bin/env bash
# Fuzzes Coffer's parsers with Jazzer: every @FuzzTest class (or the ones named), one after the
# other, each in a Maven run and JVM of its own for a bounded time, then prints the executions per
# target.
#
#   scripts/fuzz.sh                          # every target, 30s each
#   FUZZ_DURATION=10m scripts/fuzz.sh SigV4HeaderFuzzTest AwsChunkedFuzzTest
#
# A finding fails the run; Jazzer writes the input to the test's corpus directory
# (src/test/resources/<package>/<Class>Inputs/<method>/crash-...), where it stays a regression
# test once committed. Inputs that reached new code are kept in .cifuzz-corpus/ for the next run.
#
# One Maven run per target: Jazzer fuzzes only one fuzz test per JVM, and Surefire's fork-per-class
# mode would load the test classes in Maven's own JVM, which may be older than the JDK >= 21 the
# build selects for the tests (maven-toolchains-plugin).
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${FUZZ_DURATION:-30s}
if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(find src/test/java -name '*FuzzTest.java' -exec basename {} .java \; | sort)
fi

log=$(mktemp "${TMPDIR:-/tmp}/coffer-fuzz.XXXXXX")
status=0
# Compile once; each target's run below then finds everything up to date.
./mvnw -B -q test-compile >>"$log" 2>&1 || { tail -50 "$log"; exit 1; }
for target in "${targets[@]}"; do
  ./mvnw -B test -Pfuzz -Dfuzz.duration="$duration" -Dtest="$target" \
    -Dsurefire.failIfNoSpecifiedTests=false >>"$log" 2>&1 || status=$?
done

# libFuzzer ends each run with "Done <n> runs in <s> second(s)", then Surefire names the class.
awk '
  /^Done [0-9]+ runs in/ { runs = $2; seconds = $5 }
  /Tests run:.* -- in / && runs != "" {
    target = $NF; sub(/.*\./, "", target)
    printf "%-40s %12d executions in %s s\n", target, runs, seconds
    runs = ""
  }
' "$log"
grep -E "Tests run:|FAILURE|ERROR\]" "$log" | grep -v "^\[INFO\] Tests run: [0-9]*, Failures: 0, Errors: 0" || true
echo "full log: $log"
exit "$status"
