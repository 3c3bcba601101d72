#!/usr/bin/env bash
# End-to-end test with real S3 clients: starts `./coffer server` on free loopback ports with a
# temporary data directory, then drives it with the AWS CLI, boto3, rclone, s3cmd and restic in their
# default settings (only endpoint, credentials and path-style addressing are configured, in
# temporary files: nothing under ~ is read or written). Every step prints `PASS <client> <step>`
# or `FAIL <client> <step>: <reason>`; the last line is `N passed, M failed`, and the exit status
# is non-zero when a step failed. A client that is not installed is one failed step.
#   scripts/e2e-clients.sh [client...]     clients: aws boto3 rclone s3cmd s3cmd2 restic (default:
#                                          all; s3cmd2 is s3cmd signing with Signature Version 2;
#                                          restic backs up into a bucket with object lock, made
#                                          with the AWS CLI)
# The AWS CLI, boto3 and s3cmd (both signatures) then run access-control steps in a bucket of their
# own: bucket policies, ACLs, the public access block, an identity policy made through the
# management API, each checked with anonymous requests; the AWS CLI also sets CORS rules and
# checks browsers' preflights against them, sets object and bucket tags, and sets event notification
# rules naming a webhook target made through the management API (the events arrive at a python
# receiver); it also checks that SSE-C is refused over plain HTTP.
# Then a second server runs over TLS (--tls-cert/--tls-key, a CA and a server certificate made by
# scripts/test-certs.sh with openssl) and every client but s3cmd2 repeats the basic scenario over
# https, trusting the CA through its own option (AWS CLI --ca-bundle, boto3 verify=, rclone
# --ca-cert, s3cmd ca_certs_file, restic --cacert); their steps are labelled <client>+tls. Over
# TLS the AWS CLI, boto3, rclone and s3cmd then write and read back objects with server-side
# encryption: SSE-S3, SSE-KMS under a key made through the management API, SSE-C (wrong or
# missing key refused, ranged GETs), multipart uploads in each mode, a bucket default rule.
# E2E_TLS=0 skips the TLS server, E2E_PLAIN=0 the plain one.
# E2E_KEEP=1 keeps the temporary directory (server log, client output) for a look afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(aws boto3 rclone s3cmd s3cmd2 restic)

work="$(mktemp -d "${TMPDIR:-/tmp}/coffer-e2e.XXXXXX")"
server_pid=""
pids=()
started=$SECONDS

stop_clients() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
cleanup() {
  stop_clients
  stop_server
  if [ "${E2E_KEEP:-}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "$*" >&2; return 1; }

# step CLIENT STEP COMMAND... runs COMMAND with errexit in a subshell (errexit does not work in
# a function called from an `if`), keeps its output, and reports its last line when it fails.
# Prints exactly one PASS or FAIL line.
step() {
  local label=$1$tls_suffix name=$2 out="$work/out/$1$tls_suffix-$2.log" rc
  shift 2
  set +e
  (set -e; "$@") >"$out" 2>&1
  rc=$?
  set -e
  if [ $rc -eq 0 ]; then
    echo "PASS $label $name"
  else
    local reason
    reason="$(grep -v '^[[:space:]]*$' "$out" | tail -n 1 | cut -c1-300)"
    echo "FAIL $label $name: ${reason:-exit status $rc}"
  fi
}

free_ports() {
  python3 -c 'import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))'
}

# curl_ is curl trusting the test CA when the server speaks TLS ($ca_bundle is set then).
curl_() { curl ${ca_bundle:+--cacert "$ca_bundle"} "$@"; }

start_server() { # [server options...]: the server of the current phase ($phase: plain or tls)
  # Build first (the launcher does it when the jar is missing or stale) so that the readiness
  # wait below only covers the start-up.
  "$root/coffer" --version >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; return 1; }
  read -r s3_port console_port < <(free_ports)
  local scheme=http
  [ "$phase" = tls ] && scheme=https
  endpoint="$scheme://127.0.0.1:$s3_port"
  console_url="$scheme://127.0.0.1:$console_port"
  server_log="$work/server-$phase.log"
  COFFER_ACCESS_KEY=e2e-access-key COFFER_SECRET_KEY=e2e-secret-key-0123456789 \
    COFFER_API_KEY=e2e-management-key \
    "$root/coffer" server --data "$work/data-$phase" --address "127.0.0.1:$s3_port" \
    --console-address "127.0.0.1:$console_port" --log-level info "$@" >"$server_log" 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do
    if curl_ -fsS -o /dev/null "$endpoint/coffer/health/ready" 2>/dev/null; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { server_pid=""; break; }
    sleep 0.1
  done
  echo "coffer did not become ready at $endpoint; server log:" >&2
  tail -n 40 "$server_log" >&2
  return 1
}

# ---- test data: a small file, a 50 MiB file and a tree with names clients like to mangle ----
make_data() {
  mkdir -p "$work/src/tree" "$work/out"
  printf 'hello coffer\n' >"$work/src/small.txt"
  head -c $((50 * 1024 * 1024)) /dev/urandom >"$work/src/big.bin"
  local t="$work/src/tree" name
  mkdir -p "$t/deep/a/b/c/d/e/f/g" "$t/with space/and+plus/%41%" "$t/ünï/中文"
  for name in 'x y+z%20.txt' 'ünï cödé.txt' '..foo' 'emoji 😀.txt' 'semi;colon=eq&amp.txt' \
    "quote'and\"double.txt" 'brackets [1] (2) {3}.txt' 'tilde~hash#.txt' 'caret^pipe|.txt' \
    'deep/a/b/c/d/e/f/g/leaf.txt' 'with space/and+plus/%41%/file%2F.txt' 'ünï/中文/文件.txt'; do
    printf 'content of %s\n' "$name" >"$t/$name"
  done
  : >"$t/empty.txt"
  head -c 70000 /dev/urandom >"$t/deep/binary.bin"
  # What a recursive listing of a bucket must show after the uploads: "size key" lines.
  {
    echo "$(stat -c %s "$work/src/small.txt") small.txt"
    echo "$(stat -c %s "$work/src/big.bin") big.bin"
    (cd "$t" && find . -type f -printf '%s tree/%P\n')
  } | LC_ALL=C sort >"$work/expected-listing"
}

tree_digest() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum); }

same_file() { # same_file EXPECTED ACTUAL
  [ -f "$2" ] || fail "$2 was not written"
  local a b
  a=$(sha256sum <"$1" | cut -d' ' -f1)
  b=$(sha256sum <"$2" | cut -d' ' -f1)
  [ "$a" = "$b" ] || fail "sha256 differs: sent $a, got back $b ($(stat -c %s "$2") bytes)"
}

# ---- per-client adapters: <client>_<action>; $bucket is the client's bucket ----
aws_() { aws --endpoint-url "$endpoint" ${ca_bundle:+--ca-bundle "$ca_bundle"} "$@"; }
aws_mb() { aws_ s3 mb "s3://$bucket"; }
aws_put() { aws_ s3 cp "$1" "s3://$bucket/$2"; }
aws_sync_up() { aws_ s3 sync "$1" "s3://$bucket/$2"; }
aws_ls() { aws_ s3 ls --recursive "s3://$bucket" | sed -E 's/^[0-9-]+ +[0-9:]+ +//'; }
aws_get() { aws_ s3 cp "s3://$bucket/$1" "$2"; }
aws_sync_down() { aws_ s3 sync "s3://$bucket/$1" "$2"; }
aws_presign() { aws_ s3 presign "s3://$bucket/$1" --expires-in 300; }
aws_rm() { aws_ s3 rm "s3://$bucket/$1"; }
aws_rm_recursive() { aws_ s3 rm --recursive "s3://$bucket"; }
aws_rb() { aws_ s3 rb "s3://$bucket"; }

boto3_() { E2E_CA_BUNDLE="${ca_bundle:-}" python3 "$root/scripts/e2e_boto3.py" "$endpoint" "$@"; }
boto3_mb() { boto3_ mb "$bucket"; }
boto3_put() { # PutObject for the small file, the transfer manager (multipart) for the large one
  if [ "$(stat -c %s "$1")" -lt 1048576 ]; then boto3_ put "$bucket" "$2" "$1"; else boto3_ upload "$bucket" "$2" "$1"; fi
}
boto3_sync_up() { boto3_ upload-tree "$1" "$bucket" "$2"; }
boto3_ls() { boto3_ ls "$bucket"; }
boto3_get() { boto3_ download "$bucket" "$1" "$2"; }
boto3_sync_down() { boto3_ download-tree "$bucket" "$1" "$2"; }
boto3_presign() { boto3_ presign "$bucket" "$1"; }
boto3_rm() { boto3_ rm "$bucket" "$1"; }
boto3_rm_recursive() { boto3_ rm-recursive "$bucket" ""; }
boto3_rb() { boto3_ rb "$bucket"; }

rclone_() {
  rclone --config "$work/rclone-$phase.conf" --cache-dir "$work/rclone-cache" \
    ${ca_bundle:+--ca-cert "$ca_bundle"} "$@"
}
rclone_mb() { rclone_ mkdir "coffer:$bucket"; }
rclone_put() { rclone_ copyto "$1" "coffer:$bucket/$2"; }
rclone_sync_up() { rclone_ sync "$1" "coffer:$bucket/${2%/}"; }
rclone_ls() { rclone_ ls "coffer:$bucket" | sed -E 's/^ +//'; }
rclone_get() { rclone_ copyto "coffer:$bucket/$1" "$2"; }
rclone_sync_down() { rclone_ sync "coffer:$bucket/${1%/}" "$2"; }
rclone_presign() { rclone_ link --expire 5m "coffer:$bucket/$1"; }
rclone_rm() { rclone_ deletefile "coffer:$bucket/$1"; }
rclone_rm_recursive() { rclone_ delete "coffer:$bucket"; }
rclone_rb() { rclone_ rmdir "coffer:$bucket"; }

s3cmd_() { s3cmd -c "$work/s3cfg-$phase${S3CMD_V2:+-v2}" "$@"; }
s3cmd_mb() { s3cmd_ mb "s3://$bucket"; }
s3cmd_put() { s3cmd_ put "$1" "s3://$bucket/$2"; }
s3cmd_sync_up() { s3cmd_ sync "$1/" "s3://$bucket/$2"; }
s3cmd_ls() { s3cmd_ ls --recursive "s3://$bucket" | sed -E "s|^[0-9-]+ +[0-9:]+ +||; s| +s3://$bucket/| |"; }
s3cmd_get() { s3cmd_ get "s3://$bucket/$1" "$2"; }
s3cmd_sync_down() { s3cmd_ sync "s3://$bucket/$1" "$2/"; }
s3cmd_rm() { s3cmd_ rm "s3://$bucket/$1"; }
s3cmd_presign() { s3cmd_ signurl "s3://$bucket/$1" +300; }
s3cmd_rm_recursive() { s3cmd_ rm --recursive --force "s3://$bucket"; }
s3cmd_rb() { s3cmd_ rb "s3://$bucket"; }

# s3cmd2: s3cmd again, signing everything with Signature Version 2 (signature_v2 = True).
for action in mb put sync_up ls get sync_down rm presign rm_recursive rb; do
  eval "s3cmd2_$action() { S3CMD_V2=1 s3cmd_$action \"\$@\"; }"
done

configure_clients() {
  # The AWS CLI and boto3 read these files; the variables below would override them.
  unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE AWS_DEFAULT_PROFILE \
    AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL AWS_ENDPOINT_URL_S3 AWS_CA_BUNDLE
  export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
  export AWS_EC2_METADATA_DISABLED=true AWS_PAGER=""
  printf '[default]\nregion = us-east-1\n' >"$AWS_CONFIG_FILE"
  printf '[default]\naws_access_key_id = e2e-access-key\naws_secret_access_key = e2e-secret-key-0123456789\n' \
    >"$AWS_SHARED_CREDENTIALS_FILE"
  cat >"$work/rclone-$phase.conf" <<EOF
[coffer]
type = s3
provider = Other
access_key_id = e2e-access-key
secret_access_key = e2e-secret-key-0123456789
region = us-east-1
endpoint = $endpoint
EOF
  # host_bucket without %(bucket)s is s3cmd's documented way to get path-style requests.
  # Over TLS s3cmd checks the certificate and the host name against the test CA;
  # signurl_use_https makes signurl write https:// URLs.
  local https=False
  [ "$phase" = tls ] && https=True
  cat >"$work/s3cfg-$phase" <<EOF
[default]
access_key = e2e-access-key
secret_key = e2e-secret-key-0123456789
host_base = 127.0.0.1:$s3_port
host_bucket = 127.0.0.1:$s3_port
use_https = $https
public_url_use_https = $https
signurl_use_https = $https
ca_certs_file = ${ca_bundle:-}
check_ssl_certificate = True
check_ssl_hostname = True
signature_v2 = False
EOF
  sed 's/^signature_v2 = False$/signature_v2 = True/' "$work/s3cfg-$phase" >"$work/s3cfg-$phase-v2"
}

# ---- the scenario every client runs ----
completed_uploads() { grep -c " CompleteMultipartUpload bucket=$bucket status=200 " "$server_log" || true; }
check_put_big() { # $1 = yes when the client uploads 50 MiB in parts by default
  local before
  before=$(completed_uploads)
  "${client}_put" "$work/src/big.bin" big.bin
  if [ "$1" = yes ] && [ "$(completed_uploads)" -le "$before" ]; then
    fail "expected a multipart upload, the server log shows no CompleteMultipartUpload"
  fi
}
check_object_attributes() { # GetObjectAttributes of the 50 MiB object the CLI uploaded in parts
  local size parts
  size=$(aws_ s3api get-object-attributes --bucket "$bucket" --key big.bin \
    --object-attributes ObjectSize ObjectParts --query ObjectSize --output text)
  [ "$size" = "$(wc -c <"$work/src/big.bin" | tr -d ' ')" ] || fail "ObjectSize is $size"
  parts=$(aws_ s3api get-object-attributes --bucket "$bucket" --key big.bin \
    --object-attributes ObjectParts --query ObjectParts.TotalPartsCount --output text)
  [ "$parts" -gt 1 ] || fail "a multipart object should count its parts, got: $parts"
}
check_ls() {
  "${client}_ls" | LC_ALL=C sort >"$work/$client-listing"
  diff "$work/expected-listing" "$work/$client-listing" >"$work/$client-listing.diff" ||
    fail "listing differs from what was uploaded: $(grep '^[<>]' "$work/$client-listing.diff" | head -n 3 | tr '\n' ' ')"
}
check_get() { # KEY SOURCE
  local dest="$down/$client/$1"
  mkdir -p "$(dirname "$dest")"
  "${client}_get" "$1" "$dest"
  same_file "$2" "$dest"
}
check_sync_down() {
  local dest="$down/$client-tree"
  mkdir -p "$dest"
  "${client}_sync_down" tree/ "$dest"
  diff <(tree_digest "$work/src/tree") <(tree_digest "$dest") >"$work/$client-tree.diff" ||
    fail "downloaded tree differs: $(grep '^[<>]' "$work/$client-tree.diff" | head -n 3 | tr '\n' ' ')"
}
check_presign() { # KEY SOURCE
  local url code body="$down/$client-presigned"
  url=$("${client}_presign" "$1" | tail -n 1)
  [[ $url == http* ]] || fail "no URL from presign: $url"
  code=$(curl_ -sS -o "$body" -w '%{http_code}' "$url")
  [ "$code" = 200 ] || fail "curl got HTTP $code for $url: $(head -c 300 "$body" | tr '\n' ' ')"
  same_file "$2" "$body"
}
check_boto3_post() { # generate_presigned_post and a form POST of the small file, read back
  local body="$down/boto3-posted"
  boto3_ post-form "$bucket" posted.txt "$work/src/small.txt"
  boto3_ cat "$bucket" posted.txt >"$body"
  same_file "$work/src/small.txt" "$body"
  boto3_ rm "$bucket" posted.txt
}
check_rm() {
  "${client}_rm" small.txt
  ! "${client}_ls" | grep -q ' small\.txt$' || fail "small.txt is still listed"
}
check_rm_recursive() {
  "${client}_rm_recursive"
  local left
  left=$("${client}_ls" | head -n 3)
  [ -z "$left" ] || fail "objects left after the recursive delete: $left"
}
check_rclone_multipart() { # rclone's default cutoff is 200 MiB: force its multipart path too
  local dest="$down/rclone-multipart.bin"
  rclone_ copyto --s3-upload-cutoff 10M --s3-chunk-size 5M "$work/src/big.bin" "coffer:$bucket/big.bin"
  rclone_get big.bin "$dest"
  same_file "$work/src/big.bin" "$dest"
}

# restic: a backup repository in a bucket created with object lock enabled (hence versioned), so
# every overwrite and delete of restic's keeps a version or adds a delete marker. The cache and
# the password stay in the temporary directory.
restic_() {
  AWS_ACCESS_KEY_ID=e2e-access-key AWS_SECRET_ACCESS_KEY=e2e-secret-key-0123456789 \
    RESTIC_REPOSITORY="s3:$endpoint/$bucket" RESTIC_PASSWORD=e2e-restic-password \
    RESTIC_CACHE_DIR="$work/restic-cache-$phase" restic ${ca_bundle:+--cacert "$ca_bundle"} "$@"
}
restic_mb() {
  aws_ s3api create-bucket --bucket "$bucket" --object-lock-enabled-for-bucket >/dev/null
  local status
  status=$(aws_ s3api get-bucket-versioning --bucket "$bucket" --query Status --output text)
  [ "$status" = Enabled ] || fail "a bucket created with object lock must be versioned, is: $status"
}
restic_backup() { # a first snapshot, a change, a second snapshot
  mkdir -p "$work/restic-src"
  cp -a "$work/src/tree/." "$work/restic-src/"
  restic_ backup "$work/restic-src"
  printf 'changed after the first snapshot\n' >"$work/restic-src/changed.txt"
  rm -f "$work/restic-src/empty.txt"
  restic_ backup "$work/restic-src"
  [ "$(restic_ snapshots --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ] ||
    fail "expected 2 snapshots"
}
check_restic_restore() {
  local dest="$down/restic"
  rm -rf "$dest"
  restic_ restore latest --target "$dest"
  diff <(tree_digest "$work/restic-src") <(tree_digest "$dest$work/restic-src") >"$work/restic.diff" ||
    fail "restored tree differs: $(grep '^[<>]' "$work/restic.diff" | head -n 3 | tr '\n' ' ')"
}
check_restic_prune() { # deletes in the versioned bucket add delete markers; the repository stays whole
  restic_ forget --keep-last 1 --prune
  restic_ check --read-data
  [ "$(aws_ s3api list-object-versions --bucket "$bucket" --query 'length(DeleteMarkers || `[]`)' --output text)" -gt 0 ] ||
    fail "prune deleted objects but the bucket shows no delete markers"
}
run_restic() {
  if ! installed aws; then
    step restic installed fail "restic's bucket is created with the AWS CLI, which is not installed"
    return
  fi
  step restic mb-object-lock restic_mb
  step restic init restic_ init
  step restic backup restic_backup
  step restic check restic_ check --read-data
  step restic restore check_restic_restore
  step restic forget-prune check_restic_prune
  step restic restore-after-prune check_restic_restore
}

# ---- access control: bucket policies, ACLs, public access block, identity policies ----
# Each client gets a second bucket, $abucket, holding public/a.txt and private/b.txt; what an
# anonymous caller (curl without a signature, or boto3 unsigned) may read is checked after every
# change of the settings.
api() { # METHOD PATH [JSON]: the management API with its key; prints the answer
  curl_ -sS --fail-with-body -H "X-API-Key: e2e-management-key" -H 'Content-Type: application/json' \
    -X "$1" "$console_url/api/v1$2" ${3:+--data "$3"}
}
anon() { # PATH-AND-QUERY STATUS [ERROR-CODE or TEXT IN THE BODY]: an unsigned GET, as a browser
  local body code
  body="$work/out/anon-$client-$$-$RANDOM"
  code=$(curl_ -sS -o "$body" -w '%{http_code}' "$endpoint/$abucket/$1")
  [ "$code" = "$2" ] || fail "anonymous GET /$abucket/$1: HTTP $code, expected $2: $(head -c 300 "$body")"
  [ -z "${3:-}" ] || grep -qF -- "$3" "$body" || fail "anonymous GET /$abucket/$1: no '$3' in $(head -c 300 "$body")"
}
denied() { # COMMAND...: must fail, saying AccessDenied (the AWS CLI's and s3cmd's messages)
  local out
  if out=$("$@" 2>&1); then fail "not refused: $*"; fi
  grep -q 'AccessDenied' <<<"$out" || fail "refused, but not with AccessDenied: $(tail -n 1 <<<"$out")"
}
public_prefix_policy() { # the canned "public read for a prefix" policy, for $abucket/public/*
  local file="$work/policy-$abucket.json"
  printf '{"Version": "2012-10-17", "Statement": [{"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::%s/public/*"}]}\n' \
    "$abucket" >"$file"
  echo "$file"
}
same_policy() { # JSON: the stored policy is the one sent (compared as JSON)
  python3 -c 'import json,sys
sent = json.load(open(sys.argv[1])); got = json.loads(sys.argv[2])
if sent != got: sys.exit(f"stored policy differs: {got}")' "$(public_prefix_policy)" "$1"
}
# A credential of its own with an identity policy: reads $abucket/public/*, nothing else. Prints
# "access-key secret-key".
reader_credential() {
  local name="e2e-$client-reader" doc
  doc=$(printf '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::%s/public/*"}]}' "$abucket")
  api POST /policies "{\"name\": \"$name\", \"document\": $doc}" >/dev/null
  api POST /credentials "{\"user_name\": \"$name\", \"policies\": [\"$name\"]}" |
    python3 -c 'import json,sys; c = json.load(sys.stdin); print(c["access_key"], c["secret_key"])'
}

aws_access_mb() {
  aws_ s3api create-bucket --bucket "$abucket" >/dev/null
  for key in public/a.txt private/b.txt; do
    aws_ s3api put-object --bucket "$abucket" --key "$key" --body "$work/src/small.txt" >/dev/null
  done
  anon public/a.txt 403 AccessDenied
}
aws_put_policy() {
  aws_ s3api put-bucket-policy --bucket "$abucket" --policy "file://$(public_prefix_policy)"
  same_policy "$(aws_ s3api get-bucket-policy --bucket "$abucket" --query Policy --output text)"
  local public
  public=$(aws_ s3api get-bucket-policy-status --bucket "$abucket" --query PolicyStatus.IsPublic --output text)
  [ "$public" = True ] || fail "get-bucket-policy-status: IsPublic is $public"
}
aws_anon_policy() {
  anon public/a.txt 200 'hello coffer'
  anon private/b.txt 403 AccessDenied
  anon '?list-type=2' 403 AccessDenied
}
aws_put_object_acl() { # an upload with x-amz-acl, then an ACL set on an existing object
  aws_ s3api put-object --bucket "$abucket" --key acl/put.txt --body "$work/src/small.txt" --acl public-read >/dev/null
  anon acl/put.txt 200 'hello coffer'
  aws_ s3api put-object --bucket "$abucket" --key acl/later.txt --body "$work/src/small.txt" >/dev/null
  anon acl/later.txt 403 AccessDenied
  aws_ s3api put-object-acl --bucket "$abucket" --key acl/later.txt --acl public-read
  anon acl/later.txt 200 'hello coffer'
}
aws_get_object_acl() {
  local grants owner
  owner=$(aws_ s3api get-object-acl --bucket "$abucket" --key acl/later.txt --query Owner.ID --output text)
  grants=$(aws_ s3api get-object-acl --bucket "$abucket" --key acl/later.txt \
    --query 'Grants[].[Grantee.URI || Grantee.ID, Permission]' --output text | LC_ALL=C sort)
  [ "$grants" = "$(printf '%s\tFULL_CONTROL\nhttp://acs.amazonaws.com/groups/global/AllUsers\tREAD' "$owner")" ] ||
    fail "get-object-acl grants (owner $owner): $grants"
}
aws_put_bucket_acl() { # public-read on the bucket lists it to anyone, and reads no object
  anon '?list-type=2' 403 AccessDenied
  aws_ s3api put-bucket-acl --bucket "$abucket" --acl public-read
  anon '?list-type=2' 200 '<Key>private/b.txt</Key>'
  anon private/b.txt 403 AccessDenied
  aws_ s3api get-bucket-acl --bucket "$abucket" --query 'Grants[].Grantee.URI' --output text |
    grep -q 'groups/global/AllUsers' || fail "get-bucket-acl shows no AllUsers grant"
}
aws_ignore_public_acls() { # the ACL grants count for nothing; the bucket policy still does
  aws_ s3api put-public-access-block --bucket "$abucket" --public-access-block-configuration \
    BlockPublicAcls=false,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false
  [ "$(aws_ s3api get-public-access-block --bucket "$abucket" \
    --query PublicAccessBlockConfiguration.IgnorePublicAcls --output text)" = True ] ||
    fail "get-public-access-block: IgnorePublicAcls is not set"
  anon acl/put.txt 403 AccessDenied
  anon acl/later.txt 403 AccessDenied
  anon '?list-type=2' 403 AccessDenied
  anon public/a.txt 200 'hello coffer'
}
aws_delete_policy() {
  aws_ s3api delete-bucket-policy --bucket "$abucket"
  local out
  if out=$(aws_ s3api get-bucket-policy --bucket "$abucket" 2>&1); then fail "a policy is still there: $out"; fi
  grep -q NoSuchBucketPolicy <<<"$out" || fail "get-bucket-policy after the delete: $out"
  anon public/a.txt 403 AccessDenied
}
preflight() { # ORIGIN STATUS: a browser's preflight for a PUT to a key of the access bucket
  local code
  code=$(curl_ -sS -o /dev/null -w '%{http_code}' -X OPTIONS -H "Origin: $1" \
    -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: content-type' \
    "$endpoint/$abucket/upload.txt")
  [ "$code" = "$2" ] || fail "a preflight from $1 got HTTP $code, expected $2"
}
aws_bucket_cors() { # rules set and read back with the CLI, preflights answered by them, deleted
  local rules="$work/cors-rules.json" origin
  printf '%s\n' '{"CORSRules": [{"ID": "uploads", "AllowedOrigins": ["https://*.example.com"],
    "AllowedMethods": ["GET", "PUT"], "AllowedHeaders": ["*"], "ExposeHeaders": ["ETag"],
    "MaxAgeSeconds": 600}]}' >"$rules"
  aws_ s3api put-bucket-cors --bucket "$abucket" --cors-configuration "file://$rules"
  origin=$(aws_ s3api get-bucket-cors --bucket "$abucket" --query 'CORSRules[0].AllowedOrigins[0]' --output text)
  [ "$origin" = 'https://*.example.com' ] || fail "get-bucket-cors answered $origin"
  preflight https://app.example.com 200
  preflight https://app.example.org 403
  aws_ s3api delete-bucket-cors --bucket "$abucket"
  preflight https://app.example.com 403
}
aws_lifecycle() { # the rules round-trip; a transition is refused; deleting them leaves none
  local file="$work/lifecycle-$abucket.json" out
  printf '%s' '{"Rules": [{"ID": "logs", "Status": "Enabled", "Filter": {"Prefix": "logs/"},
    "Expiration": {"Days": 30}, "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 2}}]}' >"$file"
  aws_ s3api put-bucket-lifecycle-configuration --bucket "$abucket" --lifecycle-configuration "file://$file"
  out=$(aws_ s3api get-bucket-lifecycle-configuration --bucket "$abucket" \
    --query 'Rules[0].[ID,Filter.Prefix,Expiration.Days,AbortIncompleteMultipartUpload.DaysAfterInitiation]' --output text)
  [ "$out" = "$(printf 'logs\tlogs/\t30\t2')" ] || fail "get-bucket-lifecycle-configuration: $out"
  printf '%s' '{"Rules": [{"ID": "cold", "Status": "Enabled", "Filter": {},
    "Transitions": [{"Days": 30, "StorageClass": "GLACIER"}]}]}' >"$file"
  if out=$(aws_ s3api put-bucket-lifecycle-configuration --bucket "$abucket" \
    --lifecycle-configuration "file://$file" 2>&1); then fail "a transition was accepted"; fi
  grep -q InvalidStorageClass <<<"$out" || fail "put with a transition: $out"
  aws_ s3api delete-bucket-lifecycle --bucket "$abucket"
  if out=$(aws_ s3api get-bucket-lifecycle-configuration --bucket "$abucket" 2>&1); then
    fail "rules are still there: $out"
  fi
  grep -q NoSuchLifecycleConfiguration <<<"$out" || fail "get after the delete: $out"
}
aws_identity_policy() { # a second credential reads what its policy allows and nothing else
  local keys
  keys=$(reader_credential)
  as_reader() { AWS_ACCESS_KEY_ID=${keys% *} AWS_SECRET_ACCESS_KEY=${keys#* } aws_ "$@"; }
  as_reader s3api get-object --bucket "$abucket" --key public/a.txt "$down/aws-reader-a.txt" >/dev/null
  same_file "$work/src/small.txt" "$down/aws-reader-a.txt"
  denied as_reader s3api get-object --bucket "$abucket" --key private/b.txt "$down/aws-reader-b.txt"
  denied as_reader s3api put-object --bucket "$abucket" --key public/new.txt --body "$work/src/small.txt"
  denied as_reader s3api put-bucket-policy --bucket "$abucket" --policy "file://$(public_prefix_policy)"
  denied as_reader s3api list-objects-v2 --bucket "$abucket"
}
aws_access_rb() { aws_ s3 rb --force "s3://$abucket"; }

boto3_access_mb() {
  boto3_ mb "$abucket"
  boto3_ put-text "$abucket" public/a.txt 'hello coffer'
  boto3_ put-text "$abucket" private/b.txt 'hello coffer'
  boto3_ denied anonymous cat "$abucket" public/a.txt
}
boto3_put_policy() {
  boto3_ put-policy "$abucket" "$(public_prefix_policy)"
  same_policy "$(boto3_ get-policy "$abucket")"
}
boto3_anon_policy() { # boto3 unsigned, then curl
  [ "$(boto3_ anonymous cat "$abucket" public/a.txt)" = 'hello coffer' ] || fail "wrong body"
  boto3_ denied anonymous cat "$abucket" private/b.txt
  anon private/b.txt 403 AccessDenied
}
boto3_put_object_acl() {
  boto3_ put-text "$abucket" acl/put.txt 'hello coffer' public-read
  [ "$(boto3_ anonymous cat "$abucket" acl/put.txt)" = 'hello coffer' ] || fail "wrong body"
  boto3_ put-text "$abucket" acl/later.txt 'hello coffer'
  boto3_ denied anonymous cat "$abucket" acl/later.txt
  boto3_ put-object-acl "$abucket" acl/later.txt public-read
  [ "$(boto3_ anonymous cat "$abucket" acl/later.txt)" = 'hello coffer' ] || fail "wrong body"
}
boto3_get_object_acl() {
  local grants
  grants=$(boto3_ get-object-acl "$abucket" acl/later.txt | LC_ALL=C sort)
  [[ $grants =~ ^[0-9]+\ FULL_CONTROL$'\n'http://acs.amazonaws.com/groups/global/AllUsers\ READ$ ]] ||
    fail "get_object_acl grants: $grants"
  boto3_ put-object-acl "$abucket" acl/later.txt private
  boto3_ denied anonymous cat "$abucket" acl/later.txt
}
boto3_delete_policy() {
  boto3_ delete-policy "$abucket"
  boto3_ denied anonymous cat "$abucket" public/a.txt
}
boto3_identity_policy() {
  local keys
  keys=$(reader_credential)
  as_reader() { AWS_ACCESS_KEY_ID=${keys% *} AWS_SECRET_ACCESS_KEY=${keys#* } boto3_ "$@"; }
  [ "$(as_reader cat "$abucket" public/a.txt)" = 'hello coffer' ] || fail "wrong body"
  as_reader denied cat "$abucket" private/b.txt
  as_reader denied put-text "$abucket" public/new.txt 'not allowed'
  as_reader denied put-object-acl "$abucket" public/a.txt public-read
}
boto3_access_rb() { boto3_ rm-recursive "$abucket" "" && boto3_ rb "$abucket"; }

s3cmd_access_mb() {
  s3cmd_ mb "s3://$abucket"
  s3cmd_ put "$work/src/small.txt" "s3://$abucket/public/a.txt"
  s3cmd_ put "$work/src/small.txt" "s3://$abucket/private/b.txt"
  anon private/b.txt 403 AccessDenied
}
s3cmd_setacl() { # setacl --acl-public, info shows it, --acl-private takes it back
  s3cmd_ setacl --acl-public "s3://$abucket/private/b.txt"
  anon private/b.txt 200 'hello coffer'
  s3cmd_ info "s3://$abucket/private/b.txt" | grep -E 'ACL: +\*anon\*: READ' ||
    fail "s3cmd info shows no public ACL"
  s3cmd_ setacl --acl-private "s3://$abucket/private/b.txt"
  anon private/b.txt 403 AccessDenied
}
s3cmd_put_public() { # put --acl-public sends x-amz-acl: public-read
  s3cmd_ put --acl-public "$work/src/small.txt" "s3://$abucket/acl/put.txt"
  anon acl/put.txt 200 'hello coffer'
}
s3cmd_setpolicy() {
  s3cmd_ setpolicy "$(public_prefix_policy)" "s3://$abucket"
  s3cmd_ info "s3://$abucket" | grep -F "arn:aws:s3:::$abucket/public/*" || fail "s3cmd info shows no policy"
  anon public/a.txt 200 'hello coffer'
  anon private/b.txt 403 AccessDenied
}
s3cmd_delpolicy() {
  s3cmd_ delpolicy "s3://$abucket"
  anon public/a.txt 403 AccessDenied
}
s3cmd_lifecycle() { # s3cmd expire sends a lifecycle configuration; getlifecycle shows it
  s3cmd_ expire "s3://$abucket" --expiry-days=3 --expiry-prefix=logs/
  s3cmd_ getlifecycle "s3://$abucket" | tr -d ' \t\n' | grep -q '<Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>3</Days>' ||
    fail "getlifecycle: $(s3cmd_ getlifecycle "s3://$abucket")"
  s3cmd_ dellifecycle "s3://$abucket"
}
s3cmd_access_rb() { s3cmd_ rm --recursive --force "s3://$abucket" && s3cmd_ rb "s3://$abucket"; }
for action in access_mb setacl put_public setpolicy delpolicy lifecycle access_rb; do
  eval "s3cmd2_$action() { S3CMD_V2=1 s3cmd_$action \"\$@\"; }"
done

# Tags: x-amz-tagging on upload, put/get/delete-object-tagging, a copy with the REPLACE directive,
# bucket tags, and a refused 11th object tag.
aws_tagging() {
  aws_ s3api put-object --bucket "$abucket" --key tags/a.txt --body "$work/src/small.txt" \
    --tagging 'team=red&stage=raw' >/dev/null
  [ "$(aws_ s3api get-object-tagging --bucket "$abucket" --key tags/a.txt \
    --query 'TagSet[].[Key,Value]' --output text | tr '\t\n' '= ' | sed 's/ $//')" = "team=red stage=raw" ] ||
    fail "tags of put-object --tagging"
  [ "$(aws_ s3api head-object --bucket "$abucket" --key tags/a.txt --query TagCount --output text)" = 2 ] ||
    fail "x-amz-tagging-count of head-object"
  aws_ s3api put-object-tagging --bucket "$abucket" --key tags/a.txt \
    --tagging 'TagSet=[{Key=owner,Value=e2e}]' >/dev/null
  [ "$(aws_ s3api get-object-tagging --bucket "$abucket" --key tags/a.txt --query 'TagSet[0].Value' --output text)" = e2e ] ||
    fail "put-object-tagging"
  aws_ s3api copy-object --bucket "$abucket" --key tags/b.txt --copy-source "$abucket/tags/a.txt" \
    --tagging-directive REPLACE --tagging 'copied=yes' >/dev/null
  [ "$(aws_ s3api get-object-tagging --bucket "$abucket" --key tags/b.txt --query 'TagSet[0].Key' --output text)" = copied ] ||
    fail "copy-object --tagging-directive REPLACE"
  aws_ s3api delete-object-tagging --bucket "$abucket" --key tags/a.txt
  [ "$(aws_ s3api get-object-tagging --bucket "$abucket" --key tags/a.txt --query 'length(TagSet)' --output text)" = 0 ] ||
    fail "delete-object-tagging"
  local eleven out
  eleven=$(python3 -c 'print("TagSet=[" + ",".join("{Key=k%d,Value=v}" % i for i in range(11)) + "]")')
  if out=$(aws_ s3api put-object-tagging --bucket "$abucket" --key tags/a.txt --tagging "$eleven" 2>&1); then
    fail "11 object tags were accepted"
  fi
  grep -q BadRequest <<<"$out" || fail "11 object tags: $out"
  aws_ s3api put-bucket-tagging --bucket "$abucket" --tagging 'TagSet=[{Key=cost-center,Value=42}]'
  [ "$(aws_ s3api get-bucket-tagging --bucket "$abucket" --query 'TagSet[0].Value' --output text)" = 42 ] ||
    fail "get-bucket-tagging"
  aws_ s3api delete-bucket-tagging --bucket "$abucket"
  if out=$(aws_ s3api get-bucket-tagging --bucket "$abucket" 2>&1); then fail "bucket tags left: $out"; fi
  grep -q NoSuchTagSet <<<"$out" || fail "get-bucket-tagging without tags: $out"
}

# Event notifications: a webhook target made through the management API (a python receiver on a
# free port), rules set and read back with the CLI; the s3:TestEvent and an upload's record under
# the rule's prefix arrive, one outside it does not; the rules are removed and the target deleted.
aws_notification() {
  local port hook target="e2e-hook-$phase" received="$work/out/webhook-$phase.jsonl" rules
  rules="$work/notification-$phase.json"
  read -r port _ < <(free_ports)
  : >"$received"
  python3 - "$port" "$received" <<'PY' &
import http.server, sys
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(sys.argv[2], "ab") as f:
            f.write(body.replace(b"\n", b"") + b"\n")
        self.send_response(200)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Hook).serve_forever()
PY
  hook=$!
  trap "kill $hook 2>/dev/null || true" EXIT
  api POST /notification-targets \
    "{\"id\": \"$target\", \"type\": \"webhook\", \"config\": {\"endpoint\": \"http://127.0.0.1:$port/\"}}" >/dev/null
  cat >"$rules" <<JSON
{"QueueConfigurations": [{"Id": "e2e-uploads", "QueueArn": "arn:coffer:sqs::$target:webhook",
  "Events": ["s3:ObjectCreated:*"],
  "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "notify/"}]}}}]}
JSON
  aws_ s3api put-bucket-notification-configuration --bucket "$abucket" \
    --notification-configuration "file://$rules"
  [ "$(aws_ s3api get-bucket-notification-configuration --bucket "$abucket" \
    --query 'QueueConfigurations[0].QueueArn' --output text)" = "arn:coffer:sqs::$target:webhook" ] ||
    fail "get-bucket-notification-configuration"
  aws_ s3 cp "$work/src/small.txt" "s3://$abucket/elsewhere/a.txt" >/dev/null
  aws_ s3 cp "$work/src/small.txt" "s3://$abucket/notify/a b.txt" >/dev/null
  for _ in $(seq 200); do
    grep -q 'notify/a+b.txt' "$received" && break
    sleep 0.1
  done
  python3 - "$received" "$abucket" <<'PY' || fail "webhook received: $(head -c 600 "$received")"
import json, sys
docs = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
assert any(d.get("Event") == "s3:TestEvent" and d.get("Bucket") == sys.argv[2] for d in docs), "no s3:TestEvent"
records = [r for d in docs for r in d.get("Records", [])]
keys = [r["s3"]["object"]["key"] for r in records]
assert keys == ["notify/a+b.txt"], keys
assert records[0]["eventName"] == "ObjectCreated:Put", records[0]["eventName"]
assert records[0]["s3"]["configurationId"] == "e2e-uploads"
PY
  aws_ s3api put-bucket-notification-configuration --bucket "$abucket" --notification-configuration '{}'
  [ "$(aws_ s3api get-bucket-notification-configuration --bucket "$abucket" \
    --query 'length(QueueConfigurations || `[]`)' --output text)" = 0 ] || fail "rules left after {}"
  api DELETE "/notification-targets/$target" >/dev/null
}

run_access() {
  abucket="e2e-$client-access"
  step "$client" access-mb "${client}_access_mb"
  case $client in
    aws)
      step aws put-bucket-policy aws_put_policy
      step aws anonymous-policy-prefix aws_anon_policy
      step aws put-object-acl aws_put_object_acl
      step aws get-object-acl aws_get_object_acl
      step aws put-bucket-acl aws_put_bucket_acl
      step aws public-access-block-ignore-acls aws_ignore_public_acls
      step aws delete-bucket-policy aws_delete_policy
      step aws identity-policy aws_identity_policy
      step aws bucket-cors aws_bucket_cors
      step aws lifecycle aws_lifecycle
      step aws tagging aws_tagging
      step aws notification aws_notification
      ;;
    boto3)
      step boto3 put-bucket-policy boto3_put_policy
      step boto3 anonymous-policy-prefix boto3_anon_policy
      step boto3 put-object-acl boto3_put_object_acl
      step boto3 get-object-acl boto3_get_object_acl
      step boto3 delete-bucket-policy boto3_delete_policy
      step boto3 identity-policy boto3_identity_policy
      ;;
    s3cmd | s3cmd2)
      step "$client" setacl "${client}_setacl"
      step "$client" put-acl-public "${client}_put_public"
      step "$client" setpolicy "${client}_setpolicy"
      step "$client" delpolicy "${client}_delpolicy"
      step "$client" lifecycle "${client}_lifecycle"
      ;;
  esac
  step "$client" access-rb "${client}_access_rb"
}

# ---- server-side encryption (over TLS: SSE-C is refused over plain HTTP, as on AWS) ----
# Each client writes into a bucket of its own, $bucket = e2e-<client>-sse, and reads back what it
# wrote; what the server says it did (x-amz-server-side-encryption, the KMS key, the SSE-C
# algorithm) is read with the AWS CLI's head-object, so a client that silently drops its SSE
# option is noticed. The SSE-C key is 32 ASCII bytes, which every client accepts as it is.
ssec_key=e2e-customer-key-0123456789abcde
ssec_other=e2e-customer-key-wrong-123456789
ssec_args() { echo --sse-customer-algorithm AES256 --sse-customer-key "${1:-$ssec_key}"; }
head_field() { # KEY QUERY [head-object options...]: one field of the AWS CLI's head-object
  local key=$1 query=$2
  shift 2
  aws_ s3api head-object --bucket "$bucket" --key "$key" --query "$query" --output text "$@"
}
expect_field() { # KEY QUERY EXPECTED [head-object options...]
  local key=$1 query=$2 want=$3 got
  shift 3
  got=$(head_field "$key" "$query" "$@")
  [[ $got == $want ]] || fail "head-object $key: $query is '$got', expected '$want'"
}
refused() { # CODE COMMAND...: must fail, its message naming CODE (e.g. 400, 403, InvalidRequest)
  local code=$1 out
  shift
  if out=$("$@" 2>&1); then fail "not refused: $*"; fi
  grep -q -- "$code" <<<"$out" || fail "refused, but not with $code: $(tail -n 1 <<<"$out")"
}
kms_key() { # NAME: a named KMS key made through the management API
  api POST /kms/keys "{\"name\": \"$1\"}" >/dev/null
}
sse_mb() { "${client}_mb"; }
sse_rb() { "${client}_rm_recursive" && "${client}_rb"; }

aws_sse_s3() { # small and 50 MiB (multipart) with --sse AES256, read back
  aws_ s3 cp --sse AES256 "$work/src/small.txt" "s3://$bucket/s3/small.txt"
  aws_ s3 cp --sse AES256 "$work/src/big.bin" "s3://$bucket/s3/big.bin"
  expect_field s3/small.txt ServerSideEncryption AES256
  expect_field s3/big.bin ServerSideEncryption AES256
  aws_ s3 cp "s3://$bucket/s3/big.bin" "$down/aws-sse-s3.bin"
  same_file "$work/src/big.bin" "$down/aws-sse-s3.bin"
}
aws_sse_kms() { # a named key, then the key disabled: the object cannot be read until re-enabled
  kms_key e2e-aws-key
  aws_ s3 cp --sse aws:kms --sse-kms-key-id e2e-aws-key "$work/src/big.bin" "s3://$bucket/kms/big.bin"
  expect_field kms/big.bin ServerSideEncryption aws:kms
  expect_field kms/big.bin SSEKMSKeyId '*e2e-aws-key'
  aws_ s3 cp "s3://$bucket/kms/big.bin" "$down/aws-sse-kms.bin"
  same_file "$work/src/big.bin" "$down/aws-sse-kms.bin"
  api PUT /kms/keys/e2e-aws-key '{"enabled": false}' >/dev/null
  refused KMS.DisabledException aws_ s3api get-object --bucket "$bucket" --key kms/big.bin "$down/aws-kms-disabled"
  api PUT /kms/keys/e2e-aws-key '{"enabled": true}' >/dev/null
  aws_ s3api get-object --bucket "$bucket" --key kms/big.bin "$down/aws-kms-again" >/dev/null
  same_file "$work/src/big.bin" "$down/aws-kms-again"
}
aws_sse_c() { # 50 MiB multipart with --sse-c; no key: 400, wrong key: 403; a ranged GET
  aws_ s3 cp --sse-c AES256 --sse-c-key "$ssec_key" "$work/src/big.bin" "s3://$bucket/c/big.bin"
  expect_field c/big.bin SSECustomerAlgorithm AES256 $(ssec_args)
  refused 400 head_field c/big.bin ContentLength
  refused 403 head_field c/big.bin ContentLength $(ssec_args "$ssec_other")
  aws_ s3 cp --sse-c AES256 --sse-c-key "$ssec_key" "s3://$bucket/c/big.bin" "$down/aws-sse-c.bin"
  same_file "$work/src/big.bin" "$down/aws-sse-c.bin"
  # bytes 65530..200009: across the first package boundaries of a 64 KiB package format
  aws_ s3api get-object --bucket "$bucket" --key c/big.bin --range bytes=65530-200009 $(ssec_args) \
    "$down/aws-sse-c-range" >/dev/null
  cmp <(tail -c +65531 "$work/src/big.bin" | head -c 134480) "$down/aws-sse-c-range" ||
    fail "the ranged GET of an SSE-C object returned other bytes"
}
aws_sse_c_refused_over_http() { # plain phase: AWS refuses SSE-C without TLS, and so does Coffer
  refused InvalidRequest aws_ s3api put-object --bucket "$bucket" --key ssec-over-http.txt \
    --body "$work/src/small.txt" $(ssec_args)
}
aws_bucket_encryption() { # a default rule applies to writes without SSE headers
  aws_ s3api put-bucket-encryption --bucket "$bucket" --server-side-encryption-configuration \
    '{"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}'
  [ "$(aws_ s3api get-bucket-encryption --bucket "$bucket" \
    --query 'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm' \
    --output text)" = AES256 ] || fail "get-bucket-encryption does not show the rule"
  aws_ s3 cp "$work/src/small.txt" "s3://$bucket/default/small.txt"
  expect_field default/small.txt ServerSideEncryption AES256
  aws_ s3api delete-bucket-encryption --bucket "$bucket"
}

boto3_sse_c() { boto3_ sse-c "$bucket" "$ssec_key" "$ssec_other" "$work/src/big.bin"; }
boto3_sse_kms() {
  kms_key e2e-boto3-key
  boto3_ sse-kms "$bucket" e2e-boto3-key "$work/src/big.bin"
  expect_field kms/big.bin SSEKMSKeyId '*e2e-boto3-key'
}

rclone_sse() { # KEY MODE-FLAGS... : 50 MiB in parts (cutoff 10M) with the flags, read back with
  # them. A key of its own per mode: rclone skips a copy whose size and time match an object
  # already there, and its existence check (HEAD) with SSE-C headers of an object written
  # otherwise is a 400, as on AWS.
  local key=$1 dest="$down/rclone-sse-$1.bin"
  shift
  rclone_ copyto --s3-upload-cutoff 10M --s3-chunk-size 5M "$@" "$work/src/big.bin" "coffer:$bucket/$key"
  rclone_ copyto "$@" "coffer:$bucket/$key" "$dest"
  same_file "$work/src/big.bin" "$dest"
}
rclone_sse_s3() {
  rclone_sse sse/s3.bin --s3-server-side-encryption AES256
  expect_field sse/s3.bin ServerSideEncryption AES256
}
rclone_sse_kms() {
  kms_key e2e-rclone-key
  rclone_sse sse/kms.bin --s3-server-side-encryption aws:kms --s3-sse-kms-key-id e2e-rclone-key
  expect_field sse/kms.bin ServerSideEncryption aws:kms
  expect_field sse/kms.bin SSEKMSKeyId '*e2e-rclone-key'
}
rclone_sse_c() {
  rclone_sse sse/c.bin --s3-sse-customer-algorithm AES256 --s3-sse-customer-key "$ssec_key"
  expect_field sse/c.bin SSECustomerAlgorithm AES256 $(ssec_args)
  refused 400 head_field sse/c.bin ContentLength
}

s3cmd_sse() { # OPTIONS...: small and 50 MiB (multipart) put with the options, read back
  s3cmd_ put "$@" "$work/src/small.txt" "s3://$bucket/sse/small.txt"
  s3cmd_ put "$@" "$work/src/big.bin" "s3://$bucket/sse/big.bin"
  s3cmd_ get --force "s3://$bucket/sse/big.bin" "$down/s3cmd-sse.bin"
  same_file "$work/src/big.bin" "$down/s3cmd-sse.bin"
}
s3cmd_sse_s3() {
  s3cmd_sse --server-side-encryption
  expect_field sse/small.txt ServerSideEncryption AES256
  expect_field sse/big.bin ServerSideEncryption AES256
}
s3cmd_sse_kms() {
  kms_key e2e-s3cmd-key
  s3cmd_sse --server-side-encryption-kms-id=e2e-s3cmd-key
  expect_field sse/big.bin ServerSideEncryption aws:kms
  expect_field sse/big.bin SSEKMSKeyId '*e2e-s3cmd-key'
}

run_sse() {
  bucket="e2e-$client-sse"
  step "$client" sse-mb sse_mb
  case $client in
    aws)
      step aws sse-s3 aws_sse_s3
      step aws sse-kms aws_sse_kms
      step aws sse-c aws_sse_c
      step aws bucket-encryption aws_bucket_encryption
      ;;
    boto3)
      step boto3 sse-c boto3_sse_c
      step boto3 sse-kms boto3_sse_kms
      ;;
    rclone)
      step rclone sse-s3 rclone_sse_s3
      step rclone sse-kms rclone_sse_kms
      step rclone sse-c rclone_sse_c
      ;;
    s3cmd)
      step s3cmd sse-s3 s3cmd_sse_s3
      step s3cmd sse-kms s3cmd_sse_kms
      ;;
  esac
  step "$client" sse-rb sse_rb
}

installed() {
  case $1 in
    boto3) python3 -c 'import boto3' 2>/dev/null ;;
    s3cmd2) command -v s3cmd >/dev/null 2>&1 ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

run_client() {
  client=$1
  bucket="e2e-$client"
  if ! installed "$client"; then
    step "$client" installed fail "$client is not installed"
    return
  fi
  if [ "$client" = restic ]; then
    run_restic
    return
  fi
  local multipart=yes
  [ "$client" = rclone ] && multipart=no
  step "$client" mb "${client}_mb"
  step "$client" put-small "${client}_put" "$work/src/small.txt" small.txt
  step "$client" put-50MiB check_put_big "$multipart"
  [ "$client" = aws ] && step "$client" object-attributes check_object_attributes
  step "$client" sync-up "${client}_sync_up" "$work/src/tree" tree/
  step "$client" ls check_ls
  step "$client" get-small check_get small.txt "$work/src/small.txt"
  step "$client" get-50MiB check_get big.bin "$work/src/big.bin"
  [ "$client" = rclone ] && step "$client" put-get-50MiB-multipart check_rclone_multipart
  [ "$client" = boto3 ] && step "$client" non-ascii-metadata boto3_ put-raw-meta "$bucket" meta.txt
  step "$client" sync-down check_sync_down
  step "$client" presign check_presign small.txt "$work/src/small.txt"
  step "$client" presign-odd-key check_presign 'tree/x y+z%20.txt' "$work/src/tree/x y+z%20.txt"
  [ "$client" = boto3 ] && step "$client" presigned-post check_boto3_post
  [ "$client" = aws ] && [ "$phase" = plain ] && step aws sse-c-refused-over-http aws_sse_c_refused_over_http
  step "$client" rm check_rm
  step "$client" rm-recursive check_rm_recursive
  step "$client" rb "${client}_rb"
  if [ "$phase" = tls ]; then
    case $client in aws | boto3 | rclone | s3cmd) run_sse ;; esac
  else
    case $client in aws | boto3 | s3cmd | s3cmd2) run_access ;; esac
  fi
}

# run_phase PHASE [server options...]: one server, every client against it side by side (each in
# its own bucket: most of the time goes into starting the Python-based ones, and this way the
# server also serves several clients at once); results in $work/results-PHASE-<client>.
run_phase() {
  phase=$1
  shift
  local c
  # downloads of each phase apart: a sync must not find the other phase's files already there
  down="$work/down-$phase"
  mkdir -p "$down"
  if ! start_server "$@"; then
    echo "FAIL $phase server start: see the log above" >"$work/results-$phase-server"
    return
  fi
  configure_clients
  pids=()
  for c in "${phase_clients[@]}"; do
    run_client "$c" >"$work/results-$phase-$c" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  pids=()
  for c in "${phase_clients[@]}"; do cat "$work/results-$phase-$c"; done
  if grep -qv '^PASS ' "$work"/results-"$phase"-*; then
    echo "---- last lines of the $phase server log ----"
    tail -n 40 "$server_log"
    echo "--------------------------------------"
  fi
  stop_server
}

make_data
# Plain HTTP: every client, the access-control steps, and SSE-C refused without TLS.
tls_suffix="" ca_bundle=""
phase_clients=("${clients[@]}")
[ "${E2E_PLAIN:-1}" = 1 ] && run_phase plain
# TLS: a CA and a server certificate made here with openssl; the clients trust the CA through
# their own option (--ca-bundle, verify=, --ca-cert, ca_certs_file, --cacert); each client runs
# the basic scenario over https and then its server-side encryption steps. Labels: <client>+tls.
if [ "${E2E_TLS:-1}" = 1 ]; then
  "$root/scripts/test-certs.sh" "$work/certs"
  tls_suffix=+tls ca_bundle="$work/certs/ca.pem"
  phase_clients=()
  for c in "${clients[@]}"; do [ "$c" = s3cmd2 ] || phase_clients+=("$c"); done
  run_phase tls --tls-cert "$work/certs/server.pem" --tls-key "$work/certs/server.key"
fi
passed=$(cat "$work"/results-* | grep -c '^PASS ' || true)
failed=$(cat "$work"/results-* | grep -vc '^PASS ' || true)
echo "took $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
