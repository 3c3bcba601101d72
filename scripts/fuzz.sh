#!/usr/bin/env bash
# Fuzzes Coffer's parsers with Jazzer: every @FuzzTest class (or the ones named), each in a JVM of
# its own for a bounded time, then prints the executions per target.
#
#   scripts/fuzz.sh                          # every target, 30s each
#   FUZZ_DURATION=10m scripts/fuzz.sh SigV4HeaderFuzzTest AwsChunkedFuzzTest
#
# A finding fails the run; Jazzer writes the input to the test's corpus directory
# (src/test/resources/<package>/<Class>Inputs/<method>/crash-...), where it stays a regression
# test once committed. Inputs that reached new code are kept in .cifuzz-corpus/ for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${FUZZ_DURATION:-30s}
tests=${*:-'*FuzzTest'}
tests=${tests// /,}

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

log=$(mktemp "${TMPDIR:-/tmp}/coffer-fuzz.XXXXXX")
status=0
./mvnw -B test -Pfuzz -Dfuzz.duration="$duration" -Dtest="$tests" \
  -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || status=$?

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
