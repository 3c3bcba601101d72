#!/usr/bin/env bash
# bench/notify.sh: what event notifications cost and how fast they are delivered. One server
# (fsync on), four buckets: one without rules, one whose rule sends s3:ObjectCreated:* to a
# webhook (a Python receiver answering 200), one to NATS (the machine's server, core publish +
# flush), one to a webhook that is down (events queued, none delivered: the write path's own
# cost). Rounds of `coffer bench --workload put-small` run against each bucket in turn
# (interleaved, so drift hits all four alike); for each run it prints the PUT rate, and the events
# per second the target accepted while the run lasted (coffer_notification_delivered_total before
# and after, over the run's wall time) with the backlog left in the queue at its end; then it waits
# for that backlog to drain before the next run (so a run never pays for the previous one's
# deliveries) and prints the rate of delivery without load. At the end: each bucket's median PUT
# rate and the median of its per-round ratio to the bucket without rules.
#
#   bench/notify.sh [rounds] [duration]        # defaults: 3 rounds of 10s
#   NATS_URL=nats://127.0.0.1:4222 bench/notify.sh
set -euo pipefail
script=bench/notify.sh
repo="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$repo/bench/common.sh"
rounds=${1:-3}
duration=${2:-10s}
nats_url=${NATS_URL:-nats://127.0.0.1:4222}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

hook_port=$(free_port)
python3 - "$hook_port" <<'PY' &
import http.server, sys
class Hook(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Hook).serve_forever()
PY
pids+=($!)

console_port=$(free_port)
s3_port=$(free_port)
api_key="bench-api-key-000000"
COFFER_ACCESS_KEY="$ACCESS_KEY" COFFER_SECRET_KEY="$SECRET_KEY" COFFER_API_KEY="$api_key" \
  "$JAVA" -Xmx512m -jar "$jar" server --data "$work/data" \
  --address "127.0.0.1:$s3_port" --console-address "127.0.0.1:$console_port" \
  >"$work/coffer.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$console_port/metrics"
api="http://127.0.0.1:$console_port/api/v1"
call() { # method path [json]
  curl -sf -X "$1" -H "X-API-Key: $api_key" -H "Content-Type: application/json" \
    ${3:+-d "$3"} "$api$2" >/dev/null || { echo "$script: $1 $2 failed" >&2; exit 1; }
}
subject="coffer.bench.$(date +%s%N)"
call POST /notification-targets \
  "{\"id\": \"bench-hook\", \"type\": \"webhook\", \"config\": {\"endpoint\": \"http://127.0.0.1:$hook_port/\"}}"
call POST /notification-targets \
  "{\"id\": \"bench-nats\", \"type\": \"nats\", \"config\": {\"url\": \"$nats_url\", \"subject\": \"$subject\"}}"
owner=$(curl -sf -H "X-API-Key: $api_key" "$api/credentials" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["credentials"][0]["id"])' 2>/dev/null || echo 1)
for b in plain hooked natsed parked; do
  call POST /buckets "{\"name\": \"bench-$b\", \"owner_id\": $owner}"
done
call PUT /buckets/bench-hooked/notification \
  '{"rules": [{"target_arn": "arn:coffer:sqs::bench-hook:webhook", "events": ["s3:ObjectCreated:*"]}]}'
call PUT /buckets/bench-natsed/notification \
  '{"rules": [{"target_arn": "arn:coffer:sqs::bench-nats:nats", "events": ["s3:ObjectCreated:*"]}]}'

# parked: a rule whose webhook never answers (a closed port), so every event is queued and none is
# delivered during the run: the cost of the rule on the write path alone, without the delivery
# work that competes for the same cores. Made afresh before each run, so its queue starts empty.
down_port=$(free_port)
park() {
  call PUT /buckets/bench-parked/notification '{"rules": []}'
  curl -s -o /dev/null -X DELETE -H "X-API-Key: $api_key" "$api/notification-targets/bench-down"
  call POST /notification-targets \
    "{\"id\": \"bench-down\", \"type\": \"webhook\", \"config\": {\"endpoint\": \"http://127.0.0.1:$down_port/\"}}"
  call PUT /buckets/bench-parked/notification \
    '{"rules": [{"target_arn": "arn:coffer:sqs::bench-down:webhook", "events": ["s3:ObjectCreated:*"]}]}'
}

metric() { # name target
  curl -sf "http://127.0.0.1:$console_port/metrics" \
    | awk -v n="$1{target=\"$2\"}" '$1 == n {print $2; found=1} END {if (!found) print 0}'
}

drain() { # target: waits until its queue is empty; prints events/s delivered meanwhile
  local from to start end
  if [ "$(metric coffer_notification_queued "$1")" = "0.0" ]; then echo "-"; return; fi
  from=$(metric coffer_notification_delivered_total "$1")
  start=$(date +%s.%N)
  while [ "$(metric coffer_notification_queued "$1")" != "0.0" ]; do sleep 0.2; done
  end=$(date +%s.%N)
  to=$(metric coffer_notification_delivered_total "$1")
  python3 -c "print('%.0f' % (($to - $from) / ($end - $start)))"
}

printf '%-6s %-8s %10s %16s %14s %14s\n' round bucket "PUT/s" "delivered ev/s" "queued at end" \
  "drain ev/s"
for round in $(seq 1 "$rounds"); do
  for b in plain hooked natsed parked; do
    target=""; [ "$b" = hooked ] && target=bench-hook; [ "$b" = natsed ] && target=bench-nats
    [ "$b" = parked ] && park
    before=0; [ -n "$target" ] && before=$(metric coffer_notification_delivered_total "$target")
    start=$(date +%s.%N)
    AWS_ACCESS_KEY_ID="$ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$SECRET_KEY" \
      "$JAVA" -jar "$jar" bench --endpoint "http://127.0.0.1:$s3_port" --bucket "bench-$b" --keep \
      --workload put-small --duration "$duration" --no-progress --json "$work/$b-$round.json" >/dev/null
    end=$(date +%s.%N)
    puts=$(python3 -c 'import json,sys; print("%.0f" % json.load(open(sys.argv[1]))["results"][0]["opsPerSec"])' "$work/$b-$round.json")
    echo "$b $puts" >>"$work/rates"
    if [ "$b" = parked ]; then
      rate="-"; queued=$(metric coffer_notification_queued bench-down); drained="-"
    elif [ -n "$target" ]; then
      after=$(metric coffer_notification_delivered_total "$target")
      queued=$(metric coffer_notification_queued "$target")
      rate=$(python3 -c "print('%.0f' % (($after - $before) / ($end - $start)))")
      drained=$(drain "$target")
    else
      rate="-"; queued="-"; drained="-"
    fi
    printf '%-6s %-8s %10s %16s %14s %14s\n' "$round" "$b" "$puts" "$rate" "$queued" "$drained"
  done
done
python3 - "$work/rates" <<'PY'
import statistics, sys
rates = {}
for line in open(sys.argv[1]):
    b, r = line.split()
    rates.setdefault(b, []).append(float(r))
plain = rates["plain"]
print("median PUT/s, and the median of each round's ratio to plain:")
for b, rs in rates.items():
    ratios = [r / p for r, p in zip(rs, plain)]
    print("  %-7s %7.0f  %.2fx" % (b, statistics.median(rs), statistics.median(ratios)))
PY
