#!/usr/bin/env bash
# Coffer beside s3proxy (and nginx as the physical limit) on this machine, same workloads, same run.
#
#   bench/compare.sh [--quick] [--rounds N] [--duration D] [--warmup D] [--workloads a,b,...]
#                    [--results DIR] [--no-nginx] [--tls] [--sse] [--postgres URL [--nodes N]]
#                    [--signed-payload] [--versioning] [--policy FILE]
#
# Starts Coffer (the jar, -Xmx256m) and s3proxy (org.gaul:s3proxy from Maven Central, provider
# filesystem-nio2 on a temp dir, -Xmx256m) on free loopback ports, plus nginx with WebDAV PUT when
# it is installed; runs every workload against each server in alternation (the order of the
# servers flips every round so that drift on a shared machine hits both alike), and prints the
# medians with the ratio Coffer/s3proxy. Results (raw JSON per run, summary.md, summary.json) go to
# target/bench-results/<date>/ unless --results says otherwise. Needs a JDK >= 21, python3 and curl.
# --tls adds the same servers over TLS, with a certificate made for the run (scripts/test-certs.sh,
# openssl): Coffer with --tls-cert/--tls-key twice (--tls-engine openssl: BoringSSL through
# netty-tcnative, and --tls-engine jdk), s3proxy's Jetty with a
# PKCS#12 key store, nginx with ssl; put-*/get-* only. --sse adds Coffer plain with
# x-amz-server-side-encryption: AES256 on every write (SSE-S3); put-*/get-* only.
# --postgres URL adds Coffer with its metadata in that PostgreSQL database (emptied first: every
# table of its public schema is dropped; a URL without query parameters), one node on its own
# data dir; --nodes N (N > 1, needs
# nginx) adds N nodes on one data dir and the same database behind an nginx round-robin load
# balancer, and one node behind the same kind of balancer, so that the balancer's own cost is
# measured apart from the nodes'.
# --signed-payload adds Coffer and s3proxy (the same processes) with every body's SHA-256 signed
# instead of UNSIGNED-PAYLOAD, on the workloads that send bodies; --versioning adds Coffer with
# versioning enabled on its bucket; --policy FILE adds Coffer with that bucket policy on its
# bucket (${bucket} standing for its name). Each is a row of its own beside the plain figure.
# Every run also measures the server's CPU per operation (/proc/<pid>/stat of the server's
# processes and their descendants, over the measured window).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"

rounds=3 duration=15s warmup=3s nginx=auto quick=0 tls=0 sse=0 postgres="" nodes=1
signed=0 versioning=0 policy=""
workloads="put-small,get-small,put-large,get-large,list,list-delimiter,multipart,mixed,warp-mixed-small,warp-mixed"
results="$repo/target/bench-results/$(date -u +%Y%m%d-%H%M%S)"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 duration=4s warmup=2s ;;
    --rounds) rounds="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --workloads) workloads="$2"; shift ;;
    --results) results="$2"; shift ;;
    --no-nginx) nginx=off ;;
    --tls) tls=1 ;;
    --sse) sse=1 ;;
    --postgres) postgres="$2"; shift ;;
    --nodes) nodes="$2"; shift ;;
    --signed-payload) signed=1 ;;
    --versioning) versioning=1 ;;
    --policy) policy="$(readlink -f "$2")"; shift
      [ -f "$policy" ] || { echo "compare.sh: no policy file $2" >&2; exit 2; } ;;
    -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

# --- tools -------------------------------------------------------------------------------------
script=compare.sh
. "$here/common.sh"
s3proxy_jar="$(s3proxy_jar)"
if [ "$nginx" = auto ]; then
  if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then nginx=on; else nginx=off; fi
fi

# --- servers -----------------------------------------------------------------------------------
open_work compare
mkdir -p "$results/raw"

start_coffer "$work/coffer" "$results/coffer.log"
pids+=("$coffer_pid"); coffer_plain_pid=$coffer_pid; coffer_plain_port=$coffer_port

# TLS: one certificate for every server; Coffer over TLS is a server of its own (both its ports
# speak TLS), once per engine; s3proxy and nginx add an https listener beside the plain one.
certs="$work/certs"
coffer_tls=off
if [ "$tls" = 1 ]; then
  "$repo/scripts/test-certs.sh" "$certs" "${BENCH_CERT_KEY:-ec}"
  if "$JAVA" -jar "$jar" server --help 2>/dev/null | grep -q -- --tls-cert; then
    coffer_tls=on
    start_coffer "$work/coffertls" "$results/coffertls.log" --tls-engine openssl \
      --tls-cert "$certs/server.pem" --tls-key "$certs/server.key"
    pids+=("$coffer_pid"); coffertls_pid=$coffer_pid; coffertls_port=$coffer_port
    start_coffer "$work/cofferjdk" "$results/cofferjdk.log" --tls-engine jdk \
      --tls-cert "$certs/server.pem" --tls-key "$certs/server.key"
    pids+=("$coffer_pid"); cofferjdk_pid=$coffer_pid; cofferjdk_port=$coffer_port
  else
    echo "compare.sh: this coffer.jar has no --tls-cert: Coffer's TLS rows stay empty" >&2
  fi
  s3proxy_tls_port=$(free_port)
  nginx_tls_port=$(free_port)
fi

s3proxy_port=$(free_port)
mkdir -p "$work/s3proxy"
cat >"$work/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$s3proxy_port
${s3proxy_tls_port:+s3proxy.secure-endpoint=https://127.0.0.1:$s3proxy_tls_port
s3proxy.keystore-path=$certs/server.p12
s3proxy.keystore-password=changeit}
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$ACCESS_KEY
s3proxy.credential=$SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$work/s3proxy
PROPS
"$JAVA" -Xmx256m -jar "$s3proxy_jar" --properties "$work/s3proxy.properties" >"$results/s3proxy.log" 2>&1 &
s3proxy_pid=$!; pids+=("$s3proxy_pid")

nginx_pid=""
if [ "$nginx" = on ]; then
  nginx_port=$(free_port)
  mkdir -p "$work/nginx/root" "$work/nginx/tmp" "$work/nginx/logs"
  user_line=""; [ "$(id -u)" = 0 ] && user_line="user root;"
  cat >"$work/nginx/nginx.conf" <<CONF
$user_line
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_max_body_size 0;
  client_body_buffer_size 1m;
  client_body_temp_path $work/nginx/tmp;
  proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp;
  scgi_temp_path $work/nginx/tmp;
  ${nginx_tls_port:+ssl_certificate $certs/server.pem;
  ssl_certificate_key $certs/server.key;
  ssl_protocols TLSv1.2 TLSv1.3;
  ssl_session_cache shared:SSL:1m;}
  server {
    listen 127.0.0.1:$nginx_port;
    ${nginx_tls_port:+listen 127.0.0.1:$nginx_tls_port ssl;}
    root $work/nginx/root;
    location / {
      dav_methods PUT DELETE;
      create_full_put_path on;
      dav_access user:rw;
    }
  }
}
CONF
  "$(command -v nginx || echo /usr/sbin/nginx)" -p "$work/nginx" -e "$work/nginx/logs/error.log" \
    -c "$work/nginx/nginx.conf" -g 'daemon off;' >"$results/nginx.log" 2>&1 &
  nginx_pid=$!; pids+=("$nginx_pid")
fi

# PostgreSQL: one node on its own data dir; with --nodes, N nodes on one data dir behind an nginx
# load balancer, and one node behind another (the balancer's own cost, measured apart).
reset_postgres() { # drops every table of the database's public schema
  psql -q "$postgres" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
}
start_balancer() { # name port upstream-ports...: an nginx round-robin proxy on port
  local name="$1" port="$2" servers=""; shift 2
  for p in "$@"; do servers+="server 127.0.0.1:$p; "; done
  mkdir -p "$work/$name/logs" "$work/$name/tmp"
  cat >"$work/$name/nginx.conf" <<CONF
$user_line
worker_processes auto;
pid $work/$name/nginx.pid;
error_log $work/$name/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_max_body_size 0;
  client_body_temp_path $work/$name/tmp;
  proxy_temp_path $work/$name/tmp;
  fastcgi_temp_path $work/$name/tmp;
  uwsgi_temp_path $work/$name/tmp;
  scgi_temp_path $work/$name/tmp;
  # nginx closes a client connection after 1000 requests by default; the bench would count that
  keepalive_requests 1000000;
  upstream nodes { $servers keepalive 64; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://nodes;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_request_buffering off;
      proxy_buffering off;
    }
  }
}
CONF
  "$(command -v nginx || echo /usr/sbin/nginx)" -p "$work/$name" -e "$work/$name/logs/error.log" \
    -c "$work/$name/nginx.conf" -g 'daemon off;' >"$results/$name.log" 2>&1 &
  balancer_pid=$!; pids+=("$balancer_pid")
}
if [ -n "$postgres" ]; then
  reset_postgres
  start_coffer "$work/cofferpg" "$results/cofferpg.log" --metadata "$postgres" --node-id pg1
  pids+=("$coffer_pid"); cofferpg_pid=$coffer_pid; cofferpg_port=$coffer_port
  wait_http "http://127.0.0.1:$cofferpg_port/coffer/health/ready"
  if [ "$nodes" -gt 1 ]; then
    [ "$nginx" = on ] || { echo "compare.sh: --nodes needs nginx" >&2; exit 2; }
    user_line=""; [ "$(id -u)" = 0 ] && user_line="user root;"
    node_ports=()
    cluster_db="${postgres##*/}_cluster" # the URL's database name, with a suffix
    psql -q "$postgres" -c "DROP DATABASE IF EXISTS $cluster_db WITH (FORCE)" -c "CREATE DATABASE $cluster_db" >/dev/null
    for i in $(seq 1 "$nodes"); do
      start_coffer "$work/cluster" "$results/cluster-$i.log" --metadata "${postgres%/*}/$cluster_db" --node-id "node$i"
      pids+=("$coffer_pid"); node_ports+=("$coffer_port"); cluster_pids+=("$coffer_pid")
      # one at a time: the first creates the schema and the admin credential
      wait_http "http://127.0.0.1:$coffer_port/coffer/health/ready"
    done
    cluster_port=$(free_port); start_balancer lbn "$cluster_port" "${node_ports[@]}"; lbn_pid=$balancer_pid
    lb1_port=$(free_port); start_balancer lb1 "$lb1_port" "$cofferpg_port"; lb1_pid=$balancer_pid
    wait_http "http://127.0.0.1:$cluster_port/coffer/health/ready"
    wait_http "http://127.0.0.1:$lb1_port/coffer/health/ready"
  fi
fi

wait_http "http://127.0.0.1:$coffer_plain_port/coffer/health/ready"
wait_http "http://127.0.0.1:$s3proxy_port/"
[ -n "$nginx_pid" ] && wait_http "http://127.0.0.1:$nginx_port/"
if [ "$coffer_tls" = on ]; then
  wait_http "https://127.0.0.1:$coffertls_port/coffer/health/ready" --cacert "$certs/ca.pem"
  wait_http "https://127.0.0.1:$cofferjdk_port/coffer/health/ready" --cacert "$certs/ca.pem"
fi
[ "$tls" = 1 ] && wait_http "https://127.0.0.1:$s3proxy_tls_port/" --cacert "$certs/ca.pem"
[ "$tls" = 1 ] && [ -n "$nginx_pid" ] && wait_http "https://127.0.0.1:$nginx_tls_port/" --cacert "$certs/ca.pem"

# --- runs --------------------------------------------------------------------------------------
postgres_pids() { # url: the PostgreSQL processes serving that database (its backends, and the WAL
  # writer, checkpointer and background writer every commit leans on), when they run on this machine
  local pid
  for pid in $(psql -Atq "$1" -c "SELECT pid FROM pg_stat_activity WHERE (datname = current_database()
      AND pid <> pg_backend_pid()) OR backend_type IN ('walwriter', 'checkpointer', 'background writer')" 2>/dev/null); do
    grep -qs postgres "/proc/$pid/comm" && echo "$pid"
  done
}
server_pids() { # server: its processes, comma-separated; coffer bench adds their descendants (nginx's
  # workers) and reads their CPU time from /proc at the edges of the measured window
  local list=()
  case "$1" in
    coffer|coffersse|coffersig|coffervers|cofferpolicy) list=("$coffer_plain_pid") ;;
    s3proxy|s3proxysig|s3proxytls) list=("$s3proxy_pid") ;;
    nginx|nginxtls) list=("$nginx_pid") ;;
    coffertls) list=("$coffertls_pid") ;;
    cofferjdk) list=("$cofferjdk_pid") ;;
    cofferpg) list=("$cofferpg_pid" $(postgres_pids "$postgres")) ;;
    cofferpglb) list=("$lb1_pid" "$cofferpg_pid" $(postgres_pids "$postgres")) ;;
    cofferpgn) list=("$lbn_pid" "${cluster_pids[@]}" $(postgres_pids "${postgres%/*}/$cluster_db")) ;;
  esac
  local IFS=,; echo "${list[*]}"
}
bench() { # server endpoint round workload [extra options]
  local server="$1" endpoint="$2" round="$3" workload="$4"; shift 4
  echo "round $round: $workload on $server" >&2
  AWS_ACCESS_KEY_ID="$ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$SECRET_KEY" \
    "$JAVA" -jar "$jar" bench --endpoint "$endpoint" --workload "$workload" \
    --duration "$duration" --warmup "$warmup" --bucket "bench-$server-$round-$workload" \
    --server-pid "$(server_pids "$server")" \
    --json "$results/raw/$server-$workload-$round.json" --no-progress "$@" >>"$results/bench.log" 2>&1 \
    || echo "  ($server $workload round $round reported errors; see bench.log)" >&2
  # nginx keeps what was PUT (no bucket to delete): drop it, so the disk does not fill over rounds
  if [[ "$server" == nginx* ]]; then rm -rf "$work/nginx/root/bench-$server-$round-$workload"; fi
}

IFS=',' read -r -a workload_list <<<"$workloads"
# Every server of the run, in the order of round 1; each later round starts one further along the
# list, so each server follows a different neighbour each round and drift hits all alike.
servers=(coffer s3proxy)
[ -n "$nginx_pid" ] && servers+=(nginx)
[ "$coffer_tls" = on ] && servers+=(coffertls cofferjdk)
[ "$tls" = 1 ] && servers+=(s3proxytls)
[ "$tls" = 1 ] && [ -n "$nginx_pid" ] && servers+=(nginxtls)
[ "$sse" = 1 ] && servers+=(coffersse)
[ -n "$postgres" ] && servers+=(cofferpg)
[ -n "${cluster_port:-}" ] && servers+=(cofferpglb cofferpgn)
[ "$signed" = 1 ] && servers+=(coffersig s3proxysig)
[ "$versioning" = 1 ] && servers+=(coffervers)
[ -n "$policy" ] && servers+=(cofferpolicy)
tls_args=(--ca-cert "$certs/ca.pem")
run_on() { # server round workload
  local server="$1" round="$2" workload="$3" object=no body=no
  # object: plain object PUT/GET/HEAD/DELETE, which nginx serves too; body: the request sends one
  [[ "$workload" == put-* || "$workload" == get-* || "$workload" == warp-mixed* ]] && object=yes
  [[ "$workload" == put-* || "$workload" == multipart || "$workload" == mixed || "$workload" == warp-mixed* ]] && body=yes
  case "$server" in
    coffer) bench coffer "http://127.0.0.1:$coffer_plain_port" "$round" "$workload" ;;
    s3proxy) bench s3proxy "http://127.0.0.1:$s3proxy_port" "$round" "$workload" ;;
    nginx) [ $object = yes ] && bench nginx "http://127.0.0.1:$nginx_port" "$round" "$workload" --plain-http ;;
    coffertls) [ $object = yes ] && bench coffertls "https://127.0.0.1:$coffertls_port" "$round" "$workload" "${tls_args[@]}" ;;
    cofferjdk) [ $object = yes ] && bench cofferjdk "https://127.0.0.1:$cofferjdk_port" "$round" "$workload" "${tls_args[@]}" ;;
    s3proxytls) [ $object = yes ] && bench s3proxytls "https://127.0.0.1:$s3proxy_tls_port" "$round" "$workload" "${tls_args[@]}" ;;
    nginxtls) [ $object = yes ] && bench nginxtls "https://127.0.0.1:$nginx_tls_port" "$round" "$workload" --plain-http "${tls_args[@]}" ;;
    cofferpg) bench cofferpg "http://127.0.0.1:$cofferpg_port" "$round" "$workload" ;;
    cofferpglb) bench cofferpglb "http://127.0.0.1:$lb1_port" "$round" "$workload" ;;
    cofferpgn) bench cofferpgn "http://127.0.0.1:$cluster_port" "$round" "$workload" ;;
    coffersse) [ $object = yes ] && bench coffersse "http://127.0.0.1:$coffer_plain_port" "$round" "$workload" --sse AES256 ;;
    coffersig) [ $body = yes ] && bench coffersig "http://127.0.0.1:$coffer_plain_port" "$round" "$workload" --signed-payload ;;
    s3proxysig) [ $body = yes ] && bench s3proxysig "http://127.0.0.1:$s3proxy_port" "$round" "$workload" --signed-payload ;;
    coffervers) bench coffervers "http://127.0.0.1:$coffer_plain_port" "$round" "$workload" --versioning ;;
    cofferpolicy) bench cofferpolicy "http://127.0.0.1:$coffer_plain_port" "$round" "$workload" --bucket-policy "$policy" ;;
  esac
  return 0
}
for round in $(seq 1 "$rounds"); do
  shift_by=$(( (round - 1) % ${#servers[@]} ))
  order=("${servers[@]:$shift_by}" "${servers[@]:0:$shift_by}")
  for workload in "${workload_list[@]}"; do
    for server in "${order[@]}"; do run_on "$server" "$round" "$workload"; done
  done
done

# --- summary -----------------------------------------------------------------------------------
peak_rss_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
nginx_rss=0
if [ -n "$nginx_pid" ]; then
  for p in $nginx_pid $(pgrep -P "$nginx_pid" || true); do nginx_rss=$((nginx_rss + $(peak_rss_kib "$p"))); done
fi
python3 "$here/summarize.py" "$results" \
  --rss coffer="$(peak_rss_kib "$coffer_plain_pid")" --rss s3proxy="$(peak_rss_kib "$s3proxy_pid")" \
  ${coffertls_pid:+--rss coffertls="$(peak_rss_kib "$coffertls_pid")"} \
  ${cofferpg_pid:+--rss cofferpg="$(peak_rss_kib "$cofferpg_pid")"} \
  --rss nginx="$nginx_rss" --nginx "$nginx" --rounds "$rounds" --duration "$duration" --quick "$quick"
echo "results in $results" >&2
