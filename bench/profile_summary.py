#!/usr/bin/env python3
"""Summarises an async-profiler collapsed-stack file taken by bench/profile.sh: samples per
thread, per activity (each sample counted under the first activity its stack contains), and the
hottest leaf frames. Usage:
  profile_summary.py profile.collapsed [--cpu-ticks N --seconds S --bench bench.json]"""
import argparse
import json
import re
from collections import Counter

# What a stack is doing, judged by the first of these frames found in it (most specific first).
ACTIVITIES = [
    ("fsync / fdatasync", ("fsync", "fdatasync", "force0")),
    ("SQLite: commit, savepoints (Conn.exec)", ("io/coffer/meta/sqlite/Conn.exec",)),
    ("SQLite: statements of an operation", ("org/sqlite/",)),
    ("store: waiting for the writer / queue", ("SqliteWorkers.await", "takeUninterruptibly")),
    ("store: completing callers' futures", ("SqliteWorkers.complete",)),
    ("MD5 (ETag)", ("md5_implCompress", "MD5")),
    ("SHA-256 / CRC checksums", ("sha256_implCompress", "SHA2", "Crc64Nvme", "CRC32C")),
    ("SigV4 verification", ("SigV4Verifier",)),
    ("XML (listings, requests)", ("io/coffer/s3/xml/",)),
    ("blob files: write / read", ("UnixFileDispatcherImpl.write", "UnixFileDispatcherImpl.read", "pwrite", "pread")),
    ("sendfile / socket writes", ("sendfile", "writev", "Native.writeAddress", "AbstractChannelHandlerContext$WriteTask")),
    ("socket reads (event loop)", ("AbstractEpollStreamChannel$EpollStreamUnsafe.epollInReady",)),
    ("epoll wait / wake-ups", ("epollWait", "eventfd")),
    ("request handling (other)", ("io/coffer/",)),
    ("JIT compiler", ("CompileBroker",)),
    ("GC", ("G1", "GCTaskThread", "ConcurrentGCThread")),
]


def thread_group(frame):
    name = frame.strip("[]")
    name = re.sub(r"\s*tid=\d+", "", name)
    name = re.sub(r"-?\d+$", "-N", name)
    return name or "(unnamed)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("collapsed")
    ap.add_argument("--cpu-ticks", type=int)
    ap.add_argument("--seconds", type=float)
    ap.add_argument("--bench")
    args = ap.parse_args()

    total = 0
    threads, activities, leaves = Counter(), Counter(), Counter()
    with open(args.collapsed) as f:
        for line in f:
            stack, _, n = line.rstrip("\n").rpartition(" ")
            n = int(n)
            frames = stack.split(";")
            total += n
            if frames[0].startswith("["):
                threads[thread_group(frames[0])] += n
            for label, needles in ACTIVITIES:
                if any(needle in stack for needle in needles):
                    activities[label] += n
                    break
            else:
                activities["other"] += n
            leaves[frames[-1]] += n
    if total == 0:
        print("no samples")
        return

    def table(title, counter, limit):
        print(f"\n{title}")
        for key, n in counter.most_common(limit):
            print(f"  {100 * n / total:5.1f}%  {key}")

    print(f"{total} samples")
    if args.bench:
        with open(args.bench) as f:
            result = json.load(f)["results"][0]
        print(f"workload {result['workload']}: {result['opsPerSec']:.1f} ops/s, {result['mbPerSec']:.1f} MB/s,"
              f" p50 {result['p50Ms']} ms, p99 {result['p99Ms']} ms, errors {result['errors']}")
        if args.cpu_ticks and args.seconds:
            cores = args.cpu_ticks / 100 / args.seconds
            per_op_us = args.cpu_ticks * 10_000 / (result["opsPerSec"] * args.seconds)
            print(f"server CPU while profiled: {cores:.2f} cores, about {per_op_us:.0f} us per operation")
    table("by thread", threads, 12)
    table("by activity (first match in the stack)", activities, len(ACTIVITIES) + 1)
    table("hottest leaf frames", leaves, 15)


if __name__ == "__main__":
    main()
