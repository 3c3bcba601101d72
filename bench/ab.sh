#!/usr/bin/env bash
# Two builds of Coffer side by side: what a change costs (or wins) on the hot path.
#
#   bench/ab.sh BASE_JAR [--rounds N] [--duration D] [--warmup D] [--workloads a,b,...]
#                        [--new-bucket-policy FILE] [--base-jvm-opts "OPTS"]
#
# Starts BASE_JAR (e.g. target/coffer.jar of a worktree at the commit before the change) and this
# checkout's target/coffer.jar, both with -Xmx256m and fsync on, on free loopback ports; runs each
# workload against both in alternation (the order flips every round, so drift of a shared machine
# hits both alike) with this checkout's `coffer bench`, and prints per workload the medians and
# the median of the per-round ratios new/base. Raw JSON goes to target/bench-results/ab-<date>/.
# --new-bucket-policy puts a bucket policy (${bucket} standing for the bucket's name) on the new
# build's bucket only: with a copy of the same jar as BASE_JAR, the ratio is what the policy costs.
# --base-jvm-opts starts the base build with these JVM options (e.g. -XX:+UseG1GC in place of the
# launcher's default collector): with the same jar twice, the ratio is what the default wins.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"

[ $# -ge 1 ] && [ -f "$1" ] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
base_jar="$(readlink -f "$1")"; shift
rounds=5 duration=10s warmup=3s workloads="put-small,get-small" new_policy="" base_opts=""
results="$repo/target/bench-results/ab-$(date -u +%Y%m%d-%H%M%S)"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --workloads) workloads="$2"; shift ;;
    --new-bucket-policy) new_policy="$(readlink -f "$2")"; shift ;;
    --base-jvm-opts) base_opts="$2"; shift ;;
    *) echo "ab.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

script=ab.sh
. "$here/common.sh"
open_work ab
mkdir -p "$results/raw"

new_jar="$jar"
jar="$base_jar"; coffer_jvm_opts="$base_opts" start_coffer "$work/base" "$results/base.log"
base_port=$coffer_port; pids+=("$coffer_pid")
jar="$new_jar"; start_coffer "$work/new" "$results/new.log"
new_port=$coffer_port; pids+=("$coffer_pid")
wait_http "http://127.0.0.1:$base_port/coffer/health/ready"
wait_http "http://127.0.0.1:$new_port/coffer/health/ready"

IFS=',' read -r -a workload_list <<<"$workloads"
for round in $(seq 1 "$rounds"); do
  for workload in "${workload_list[@]}"; do
    order=(base new)
    [ $((round % 2)) = 0 ] && order=(new base)
    for build in "${order[@]}"; do
      port=$base_port; [ "$build" = new ] && port=$new_port
      policy=(); [ "$build" = new ] && [ -n "$new_policy" ] && policy=(--bucket-policy "$new_policy")
      echo "round $round: $workload on $build" >&2
      AWS_ACCESS_KEY_ID="$ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$SECRET_KEY" \
        "$JAVA" -jar "$new_jar" bench --endpoint "http://127.0.0.1:$port" --workload "$workload" \
        --duration "$duration" --warmup "$warmup" --bucket "ab-$round-$workload" \
        --json "$results/raw/$build-$workload-$round.json" --no-progress "${policy[@]}" \
        >>"$results/bench.log" 2>&1 \
        || echo "  ($build $workload round $round reported errors; see bench.log)" >&2
    done
  done
done

python3 - "$results/raw" <<'PY'
import json, os, statistics, sys
from collections import defaultdict
runs = defaultdict(dict)  # (build, workload) -> {round: result}
for name in os.listdir(sys.argv[1]):
    build, rest = name[:-len(".json")].split("-", 1)
    workload, rnd = rest.rsplit("-", 1)
    with open(os.path.join(sys.argv[1], name)) as f:
        for result in json.load(f)["results"]:
            runs[(build, workload)][rnd] = result
print(f"{'workload':<16}{'base':>12}{'new':>12}{'new/base (median of rounds)':>30}")
for workload in sorted({w for _, w in runs}):
    base, new = runs[("base", workload)], runs[("new", workload)]
    field = ("opsPerSec" if workload in ("put-small", "get-small", "mixed", "warp-mixed-small")
             else "itemsPerSec" if workload.startswith("list") else "mbPerSec")
    ratios = [new[r][field] / base[r][field] for r in new if r in base and base[r][field]]
    med = lambda d: statistics.median(x[field] for x in d.values())
    print(f"{workload:<16}{med(base):>12,.0f}{med(new):>12,.0f}"
          f"{statistics.median(ratios):>22.3f} (rounds: {', '.join(f'{x:.2f}' for x in sorted(ratios))})")
PY
echo "results in $results" >&2
