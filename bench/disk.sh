#!/usr/bin/env bash
# The limit for durable writes: what the disk under a folder takes when every file is fsynced, as
# a durable 64 MiB PUT does (nginx's WebDAV PUT, the HTTP limit in compare.sh, does not fsync and
# can outrun the disk while the page cache absorbs it).
#
#   bench/disk.sh [--dir DIR] [--seconds 8] [--rounds 3] [--writers 4] [--size-mib 64]
#
# Each round, --writers processes each copy a file of random bytes with `dd conv=fdatasync` over
# and over for --seconds (deleting the previous copy); prints MB/s (10^6 bytes) per round and the
# median. DIR defaults to target/disk-bench in this checkout (the data directory's disk in
# compare.sh and ab.sh); it is removed afterwards.
set -euo pipefail
dir="$(cd "$(dirname "$0")/.." && pwd)/target/disk-bench"
seconds=8 rounds=3 writers=4 size_mib=64
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --writers) writers="$2"; shift ;;
    --size-mib) size_mib="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "disk.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT
head -c $((size_mib << 20)) /dev/urandom > "$dir/source"
sync

writer() { # index end-epoch: prints how many files it fsynced
  local n=0
  while [ "$(date +%s)" -lt "$2" ]; do
    dd if="$dir/source" of="$dir/w$1-$n" bs=1M conv=fdatasync status=none
    rm -f "$dir/w$1-$((n - 1))"
    n=$((n + 1))
  done
  rm -f "$dir/w$1-$((n - 1))"
  echo "$n"
}

results=()
for round in $(seq 1 "$rounds"); do
  start=$(date +%s.%N)
  end=$(($(date +%s) + seconds))
  pids=()
  for w in $(seq 1 "$writers"); do
    writer "$w" "$end" > "$dir/count-$w" &
    pids+=($!)
  done
  wait "${pids[@]}"
  elapsed=$(python3 -c "import time; print(time.time() - $start)")
  files=$(cat "$dir"/count-* | paste -sd+ | bc)
  rate=$(python3 -c "print(round($files * $size_mib * 1048576 / $elapsed / 1e6))")
  echo "round $round: $files files of $size_mib MiB fsynced in $(printf '%.1f' "$elapsed") s: $rate MB/s"
  results+=("$rate")
done
printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " MB/s durable (" NR " rounds)"}'
