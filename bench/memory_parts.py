#!/usr/bin/env python3
"""Splits samples of bench/memory.sh into the parts of Coffer's resident memory.

Usage: memory_parts.py SAMPLES_DIR WORKLOAD...

Each sample holds /proc/<pid>/status, `jcmd <pid> System.map` and `jcmd <pid> VM.native_memory
summary`. Every mapping System.map lists is assigned one part: the NMT category that reserved it,
metadata.db by file name, other files, or "malloc" for anonymous memory NMT did not reserve; NMT's
malloc total is then taken from "malloc", the rest being malloc outside NMT. For each workload the
sample with the largest RSS is printed as one row (MiB)."""
import os
import re
import sys
from collections import defaultdict

PARTS = ["heap", "metaspace", "code", "stacks", "gc", "cds", "nmt-other", "metadata.db",
         "libs+jars", "malloc"]


def sections(path):
    out, name = defaultdict(list), None
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("## "):
                name = line[3:].strip()
            elif name:
                out[name].append(line.rstrip("\n"))
    return out


TAGS = {"JAVAHEAP": "heap", "META": "metaspace", "CLASS": "metaspace", "CODE": "code",
        "STACK": "stacks", "GC": "gc", "CARDTBL": "gc", "CDS": "cds"}


def mappings(map_lines):
    """(part, rss KiB) of every mapping System.map lists: 0xfrom-0xto vsize prot rss hugetlb pgsz
    notes info file."""
    out = []
    for line in map_lines:
        f = line.split()
        if len(f) < 9 or not re.match(r"0x[0-9a-f]+-0x[0-9a-f]+$", f[0]):
            continue
        rss, info, name = int(f[3]) // 1024, f[7], " ".join(f[8:])
        if info.startswith("STACK"):
            part = "stacks"
        elif info in TAGS:
            part = TAGS[info]
        elif info != "-":
            part = "nmt-other"
        elif "metadata.db" in name:
            part = "metadata.db"
        elif name.startswith("/"):
            part = "libs+jars"
        else:
            part = "malloc"  # [heap], glibc's thread arenas, anything NMT did not reserve
        out.append((part, rss))
    return out


def nmt_malloc(nmt_lines):
    """NMT's malloc'd KiB per category (committed of the malloc line under each)."""
    out, category = {}, None
    for line in nmt_lines:
        m = re.match(r"^-\s+(.+?) \(reserved=", line)
        if m:
            category = m.group(1).strip()
            continue
        m = re.search(r"\(malloc=(\d+)KB", line)
        if m and category:
            out.setdefault(category, int(m.group(1)))
    return out


def parts_of(sample):
    s = sections(sample)
    status = {l.split(":")[0]: int(l.split()[1]) for l in s["status"] if l.split()[1:2]}
    parts = defaultdict(int)
    for part, rss in mappings(s["map"]):
        parts[part] += rss
    return status, parts, nmt_malloc(s["nmt"])


def main():
    samples, workloads = sys.argv[1], sys.argv[2:]
    print("| workload | RSS | VmHWM so far | " + " | ".join(PARTS) + " | malloc by the JVM (NMT) | malloc outside NMT (SQLite, glibc) |")
    print("|---|" + "--:|" * (len(PARTS) + 4))
    for w in workloads:
        files = [os.path.join(samples, f) for f in os.listdir(samples)
                 if re.fullmatch(re.escape(w) + r"-\d+\.txt", f)]
        best = None
        for f in files:
            status, parts, nmt = parts_of(f)
            if best is None or status.get("VmRSS", 0) > best[0].get("VmRSS", 0):
                best = (status, parts, nmt)
        if best is None:
            continue
        status, parts, nmt = best
        mib = lambda k: f"{k / 1024:.0f}"
        total = sum(nmt.values())
        untracked = parts.get("malloc", 0) - total
        print(f"| {w} | {mib(status.get('VmRSS', 0))} | {mib(status.get('VmHWM', 0))} | "
              + " | ".join(mib(parts.get(p, 0)) for p in PARTS)
              + f" | {mib(total)} | {mib(untracked)} |")


if __name__ == "__main__":
    main()
