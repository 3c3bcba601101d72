#!/usr/bin/env bash
# Where Coffer's resident memory goes, workload by workload.
#
#   bench/memory.sh [--workloads a,b,...] [--duration D] [--warmup D] [--jar JAR]
#                   [--jvm-opts "OPTS"] [--results DIR] [--s3proxy]
#
# Starts the jar as bench/common.sh's start_coffer does (-Xmx256m after the launcher's default JVM
# options), with Native Memory Tracking on, runs the workloads one after the other with
# `coffer bench`, and samples the server every 2 s. For each workload it prints the sample with
# the largest RSS, split into parts: the RSS of each mapping from `jcmd <pid> System.map`, grouped
# by the NMT category that reserved it (Java heap, metaspace and class space, code cache, thread
# stacks, GC data, the CDS archive), the mapping of metadata.db (SQLite's mmap_size), other files
# (libjvm.so, jars), and malloc: anonymous memory NMT did not reserve, split into what NMT counts
# as malloc'd by the JVM (JIT arenas, GC data, symbols, direct buffers such as Netty's under
# Other) and the rest (SQLite's page caches, what glibc keeps after free), with VmHWM, the peak
# RSS compare.sh reports. --s3proxy runs the same workloads against s3proxy (-Xmx256m, as
# compare.sh starts it) afterwards and prints its VmHWM after each. Raw samples go to --results
# (default target/bench-results/memory-<date>/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"

workloads="put-small,get-small,put-large,get-large,list" duration=10s warmup=3s extra_jvm="" s3proxy=0
own_jar=""
results="$repo/target/bench-results/memory-$(date -u +%Y%m%d-%H%M%S)"
while [ $# -gt 0 ]; do
  case "$1" in
    --workloads) workloads="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --jar) own_jar="$(readlink -f "$2")"; shift ;;
    --jvm-opts) extra_jvm="$2"; shift ;;
    --results) results="$2"; shift ;;
    --s3proxy) s3proxy=1 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "memory.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

script=memory.sh
. "$here/common.sh"
bench_jar="$jar"
[ -n "$own_jar" ] && jar="$own_jar"
jcmd="$JAVA_HOME/bin/jcmd"
open_work memory
mkdir -p "$results/samples"

coffer_jvm_opts="-XX:NativeMemoryTracking=summary $extra_jvm"
start_coffer "$work/coffer" "$results/coffer.log"
pids+=("$coffer_pid")
wait_http "http://127.0.0.1:$coffer_port/coffer/health/ready"

sample() { # pid file: one sample of the server's memory
  {
    echo "## status"; grep -E '^(VmHWM|VmRSS|RssAnon|RssFile|RssShmem|Threads):' "/proc/$1/status"
    echo "## map"; "$jcmd" "$1" System.map 2>/dev/null || true
    echo "## nmt"; "$jcmd" "$1" VM.native_memory summary 2>/dev/null || true
  } >"$2"
}

run_workload() { # endpoint workload pid tag
  local endpoint=$1 workload=$2 pid=$3 tag=$4 i=0
  AWS_ACCESS_KEY_ID="$ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$SECRET_KEY" \
    "$JAVA" -jar "$bench_jar" bench --endpoint "$endpoint" --workload "$workload" \
    --duration "$duration" --warmup "$warmup" --bucket "mem-$workload" \
    --json "$results/$tag-$workload.json" --no-progress >>"$results/bench.log" 2>&1 &
  local bench_pid=$!
  while kill -0 "$bench_pid" 2>/dev/null; do
    [ "$tag" = coffer ] && sample "$pid" "$results/samples/$workload-$((i++)).txt"
    sleep 2
  done
  wait "$bench_pid" || echo "  ($tag $workload reported errors; see bench.log)" >&2
  [ "$tag" = coffer ] && sample "$pid" "$results/samples/$workload-$((i++)).txt"
  return 0
}

IFS=',' read -r -a workload_list <<<"$workloads"
for workload in "${workload_list[@]}"; do
  echo "coffer: $workload" >&2
  run_workload "http://127.0.0.1:$coffer_port" "$workload" "$coffer_pid" coffer
done
python3 "$here/memory_parts.py" "$results/samples" "${workload_list[@]}" \
  | tee "$results/parts.md"

if [ "$s3proxy" = 1 ]; then
  s3proxy_jar="$(s3proxy_jar)"
  s3proxy_port=$(free_port)
  mkdir -p "$work/s3proxy-data"
  cat >"$work/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$s3proxy_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$ACCESS_KEY
s3proxy.credential=$SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$work/s3proxy-data
EOF
  "$JAVA" -Xmx256m -jar "$s3proxy_jar" --properties "$work/s3proxy.properties" >"$results/s3proxy.log" 2>&1 &
  s3pid=$!; pids+=("$s3pid")
  wait_http "http://127.0.0.1:$s3proxy_port/"
  for workload in "${workload_list[@]}"; do
    run_workload "http://127.0.0.1:$s3proxy_port" "$workload" "$s3pid" s3proxy
    echo "s3proxy after $workload: $(grep -E '^(VmHWM|VmRSS)' "/proc/$s3pid/status" | tr -s ' \n' ' ')"
  done | tee -a "$results/parts.md"
fi
echo "results in $results" >&2
