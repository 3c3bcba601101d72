# Shared by bench/compare.sh and bench/profile.sh (sourced, not run): finds a JDK >= 21, checks
# the tools a script needs, builds target/coffer.jar when it is missing or older than the
# sources, and offers free_port, wait_http and start_coffer. Expects $repo and $script (for
# messages).

java_ok() { [ -x "$1" ] && [ "$("$1" -XshowSettings:properties -version 2>&1 \
  | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1)" -ge 21 ] 2>/dev/null; }
JAVA=""
for candidate in "${JAVA_HOME:-/nonexistent}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if java_ok "$candidate"; then JAVA="$candidate"; break; fi
done
[ -n "$JAVA" ] || { echo "$script: a JDK >= 21 is needed (set JAVA_HOME)" >&2; exit 1; }
export JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$JAVA")")")"
for tool in python3 curl; do
  command -v "$tool" >/dev/null || { echo "$script: $tool is needed" >&2; exit 1; }
done

# the launcher's default JVM options (default_java_opts), so that Coffer runs as a user's would
. "$repo/src/dist/bin/coffer"

cd "$repo"
jar="$repo/target/coffer.jar"
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  echo "building coffer.jar ..." >&2
  ./mvnw -B -q -DskipTests package >&2
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() { # url [curl options]: waits until the server answers anything over HTTP(S)
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "$@" && return 0
    sleep 0.5
  done
  echo "$script: no answer from $1" >&2; return 1
}

# The credential every server of a run accepts; the secret reaches `coffer bench` through the
# environment, never its command line.
ACCESS_KEY="benchaccesskey000001"
SECRET_KEY="bench-secret-$(date +%s%N)"

start_coffer() { # data-dir log-file [server options...]: the jar as the launcher starts it (its
  # default JVM options), with -Xmx256m (plus the JVM options in $coffer_jvm_opts, if any) on free
  # loopback ports, fsync on; sets coffer_port and coffer_pid
  local data=$1 log=$2 console_port
  shift 2
  coffer_port=$(free_port)
  console_port=$(free_port)
  # shellcheck disable=SC2086,SC2046 # coffer_jvm_opts and the defaults are lists of words
  COFFER_ACCESS_KEY="$ACCESS_KEY" COFFER_SECRET_KEY="$SECRET_KEY" COFFER_API_KEY="bench-api-key-000000" \
    "$JAVA" $(COFFER_JAVA_OPTS="${coffer_jvm_opts:-}" default_java_opts) -Xmx256m ${coffer_jvm_opts:-} \
    -jar "$jar" server --data "$data" \
    --address "127.0.0.1:$coffer_port" --console-address "127.0.0.1:$console_port" "$@" >"$log" 2>&1 &
  coffer_pid=$!
}

s3proxy_jar() { # prints the path of org.gaul:s3proxy's jar, fetched from Maven Central once
  local version="${S3PROXY_VERSION:-4.1.0}"
  local jar="$repo/target/bench-tools/s3proxy-$version-jar-with-dependencies.jar"
  if [ ! -f "$jar" ]; then
    echo "resolving org.gaul:s3proxy:$version from Maven Central ..." >&2
    (cd "$repo" && ./mvnw -B -q dependency:copy -Dartifact="org.gaul:s3proxy:$version:jar:jar-with-dependencies" \
      -DoutputDirectory="$repo/target/bench-tools" >&2)
  fi
  echo "$jar"
}
open_work() { # name: a fresh temporary folder in $work and, on exit, every process in $pids
  # stopped and the folder removed
  work="$(mktemp -d "${TMPDIR:-/tmp}/coffer-$1.XXXXXX")"
  pids=()
  trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
        for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
        rm -rf "$work"' EXIT
}
