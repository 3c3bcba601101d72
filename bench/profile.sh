#!/usr/bin/env bash
# Profiles Coffer under one `coffer bench` workload with async-profiler (from Maven Central).
#
#   bench/profile.sh [--workload put-small] [--event cpu|wall] [--seconds 10] [--results DIR]
#                    [--versioning]
#
# Starts the jar (-Xmx256m, fsync on) on free loopback ports, warms it up with 25 s of the
# workload, then runs the workload again and attaches async-profiler (jcmd JVMTI.agent_load) for
# --seconds in the middle of that run, so neither start-up, JIT warm-up nor the bench's clean-up
# is in the profile. Writes profile.collapsed (one stack per line, for flame graph tools),
# profile.html (a flame graph), bench.txt, and summary.txt (stacks grouped by what they do, and
# the server's CPU time per operation) into target/profiles/<date>/ unless --results says
# otherwise. Needs Linux x86-64, a JDK >= 21, python3 and curl; `--event cpu` needs perf events
# (kernel.perf_event_paranoid <= 1, or root). --versioning runs the workload on a bucket with
# versioning enabled (`coffer bench --versioning`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"

ASYNC_PROFILER_VERSION="${ASYNC_PROFILER_VERSION:-4.2}"
workload=put-small event=cpu seconds=10
bench_options=()
results="$repo/target/profiles/$(date -u +%Y%m%d-%H%M%S)"
while [ $# -gt 0 ]; do
  case "$1" in
    --workload) workload="$2"; shift ;;
    --event) event="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --results) results="$2"; shift ;;
    --versioning) bench_options+=(--versioning) ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "profile.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

script=profile.sh
. "$here/common.sh"
JCMD="$JAVA_HOME/bin/jcmd"

tools="$repo/target/bench-tools"
agent="$tools/async-profiler-$ASYNC_PROFILER_VERSION/linux-x64/libasyncProfiler.so"
if [ ! -f "$agent" ]; then
  echo "resolving tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION from Maven Central ..." >&2
  ./mvnw -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION" \
    -DoutputDirectory="$tools" >&2
  mkdir -p "$tools/async-profiler-$ASYNC_PROFILER_VERSION"
  (cd "$tools/async-profiler-$ASYNC_PROFILER_VERSION" && "$JAVA_HOME/bin/jar" xf "$tools/async-profiler-$ASYNC_PROFILER_VERSION.jar" linux-x64)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/coffer-profile.XXXXXX")"
mkdir -p "$results"
coffer_pid=""
cleanup() {
  [ -n "$coffer_pid" ] && kill "$coffer_pid" 2>/dev/null && wait "$coffer_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

start_coffer "$work/data" "$results/server.log"
wait_http "http://127.0.0.1:$coffer_port/coffer/health/ready"

bench() { # bucket duration warmup [--json file]
  local bucket="$1" duration="$2" warmup="$3"; shift 3
  AWS_ACCESS_KEY_ID="$ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$SECRET_KEY" \
    "$JAVA" -jar "$jar" bench --endpoint "http://127.0.0.1:$coffer_port" --workload "$workload" \
    --duration "$duration" --warmup "$warmup" --bucket "$bucket" --no-progress ${bench_options[@]+"${bench_options[@]}"} "$@"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$coffer_pid/stat"; }
agent_command() { "$JCMD" "$coffer_pid" JVMTI.agent_load "$agent" "\"$1\"" >/dev/null; }

echo "warming up: 25 s of $workload ..." >&2
bench warm-up 25s 1s >/dev/null 2>&1 || true
measured=$((seconds + 10))
echo "profiling $seconds s ($event) inside a ${measured}s run of $workload ..." >&2
bench profiled "${measured}s" 3s --json "$results/bench.json" >"$results/bench.txt" 2>&1 &
bench_pid=$!
sleep 7
ticks_before=$(cpu_ticks)
agent_command "start,event=$event,interval=1ms,threads"
sleep "$seconds"
agent_command "dump,file=$results/profile.html"
agent_command "stop,file=$results/profile.collapsed,collapsed"
ticks_after=$(cpu_ticks)
wait "$bench_pid" || true
python3 "$here/profile_summary.py" "$results/profile.collapsed" \
  --cpu-ticks $((ticks_after - ticks_before)) --seconds "$seconds" --bench "$results/bench.json" \
  | tee "$results/summary.txt"
echo "results in $results" >&2
