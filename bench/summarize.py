#!/usr/bin/env python3
"""Medians of bench/compare.sh's raw runs: prints a markdown table and writes summary.md and
summary.json into the results directory. Usage: summarize.py RESULTS_DIR [--rss name=KiB ...]"""
import argparse
import json
import os
import statistics
import sys
from collections import defaultdict
from datetime import datetime, timezone

# What each workload is judged by: (result field, column label).
METRIC = {
    "put-small": ("opsPerSec", "ops/s"),
    "get-small": ("opsPerSec", "ops/s"),
    "mixed": ("opsPerSec", "ops/s"),
    "put-large": ("mbPerSec", "MB/s"),
    "get-large": ("mbPerSec", "MB/s"),
    "multipart": ("mbPerSec", "MB/s"),
    "list": ("itemsPerSec", "keys/s"),
    "list-delimiter": ("itemsPerSec", "prefixes/s"),
    "warp-mixed-small": ("opsPerSec", "ops/s"),
    "warp-mixed": ("mbPerSec", "MB/s"),
}
ORDER = list(METRIC)


def load(raw_dir):
    runs = defaultdict(list)  # (server, workload) -> [result]
    for name in sorted(os.listdir(raw_dir)):
        if not name.endswith(".json"):
            continue
        server = name.split("-", 1)[0]
        round_number = name[: -len(".json")].rsplit("-", 1)[1]
        with open(os.path.join(raw_dir, name)) as f:
            for result in json.load(f)["results"]:
                runs[(server, result["workload"])].append(dict(result, round=round_number))
    return runs


def round_ratios(coffer, other, field):
    """Coffer/other of each round: the two ran back to back, so drift of a shared machine
    between rounds cancels out of each ratio."""
    by_round = {r["round"]: r.get(field) for r in other}
    return [c[field] / by_round[c["round"]] for c in sorted(coffer, key=lambda r: int(r["round"]))
            if c.get(field) is not None and by_round.get(c["round"])]


def median(results, field):
    """The median of a field over runs; runs without it (older JSON, an unmeasured server) are
    left out."""
    values = [r[field] for r in results if r.get(field) is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    return "–" if value is None else f"{value:,.{digits}f}"


def ratio(a, b):
    return "–" if a is None or not b else f"{a / b:.2f}×"


# The extra servers of --tls and --sse: (title, servers as (name, label), ratios as (label,
# numerator, denominator)). Ratios are the median of the per-round ratios: both runs of a ratio
# come from the same round.
SECTIONS = [
    ("TLS (`--tls`)",
     [("coffer", "Coffer plain"), ("coffertls", "Coffer TLS (OpenSSL)"),
      ("cofferjdk", "Coffer TLS (JDK)"), ("s3proxy", "s3proxy plain"),
      ("s3proxytls", "s3proxy TLS"), ("nginx", "nginx plain"), ("nginxtls", "nginx TLS")],
     [("Coffer TLS/plain", "coffertls", "coffer"), ("JDK/OpenSSL", "cofferjdk", "coffertls"),
      ("s3proxy TLS/plain", "s3proxytls", "s3proxy"),
      ("Coffer TLS/s3proxy TLS", "coffertls", "s3proxytls"),
      ("nginx TLS/plain", "nginxtls", "nginx"), ("Coffer TLS/nginx TLS", "coffertls", "nginxtls")]),
    ("Encryption at rest (`--sse`: SSE-S3 on every write)",
     [("coffer", "Coffer plain"), ("coffersse", "Coffer SSE-S3")],
     [("SSE-S3/plain", "coffersse", "coffer")]),
    ("Signed payloads (`--signed-payload`: the body's SHA-256 signed, as SDKs over plain HTTP do)",
     [("coffer", "Coffer unsigned"), ("coffersig", "Coffer signed"),
      ("s3proxy", "s3proxy unsigned"), ("s3proxysig", "s3proxy signed")],
     [("Coffer signed/unsigned", "coffersig", "coffer"),
      ("s3proxy signed/unsigned", "s3proxysig", "s3proxy"),
      ("Coffer/s3proxy, both signed", "coffersig", "s3proxysig")]),
    ("Versioning (`--versioning`: enabled on the bucket)",
     [("coffer", "Coffer"), ("coffervers", "Coffer, versioning enabled")],
     [("versioned/plain", "coffervers", "coffer")]),
    ("Bucket policy (`--policy FILE`)",
     [("coffer", "Coffer"), ("cofferpolicy", "Coffer with the policy")],
     [("policy/none", "cofferpolicy", "coffer")]),
    ("Metadata on PostgreSQL (`--postgres`, `--nodes`)",
     [("coffer", "Coffer on SQLite"), ("cofferpg", "one node on PostgreSQL"),
      ("cofferpglb", "one node behind nginx"), ("cofferpgn", "N nodes behind nginx")],
     [("PostgreSQL/SQLite", "cofferpg", "coffer"),
      ("balancer hop (1 node)", "cofferpglb", "cofferpg"),
      ("N nodes/1 node (both behind nginx)", "cofferpgn", "cofferpglb")]),
]


def section(runs, workloads, title, servers, ratios):
    """A markdown table of one comparison; empty when none of its extra servers ran."""
    present = [(name, label) for name, label in servers if any(k[0] == name for k in runs)]
    # a section shows when one of its own servers ran, not only those of the main table
    extra = [name for name, _ in present if name not in ("coffer", "s3proxy", "nginx")]
    used = [w for w in workloads if any(runs.get((name, w)) for name in extra)]
    if not used:
        return [], {}
    ratios = [r for r in ratios if any(k[0] == r[1] for k in runs) and any(k[0] == r[2] for k in runs)]
    head = ["workload", "metric", *(label for _, label in present), *(label for label, _, _ in ratios),
            "server CPU µs/op per server", "client CPU (cores) per server", "errors"]
    lines = ["", f"### {title}", "", "| " + " | ".join(head) + " |",
             "|---|---|" + "--:|" * (len(head) - 2)]
    data = {}
    for w in used:
        field, label = METRIC[w]
        cells = [w, label]
        medians = {name: median(runs.get((name, w), []), field) for name, _ in present}
        cells += [fmt(medians[name], 1) for name, _ in present]
        entry = {"metric": field, "medians": medians, "ratios": {}}
        for rlabel, num, den in ratios:
            per_round = round_ratios(runs.get((num, w), []), runs.get((den, w), []), field)
            med = statistics.median(per_round) if per_round else None
            entry["ratios"][rlabel] = {"median": med, "perRound": per_round}
            cells.append("–" if med is None else
                         f"**{med:.2f}×** ({', '.join(f'{x:.2f}' for x in per_round)})")
        entry["serverCpuMicrosPerOp"] = {
            name: median(runs.get((name, w), []), "serverCpuMicrosPerOp") for name, _ in present}
        cells.append(" / ".join(fmt(entry["serverCpuMicrosPerOp"][name], 1) for name, _ in present))
        cells.append(" / ".join(fmt(median(runs.get((name, w), []), "clientCpuCores"), 2)
                                for name, _ in present))
        cells.append(" / ".join(str(sum(r["errors"] for r in runs.get((name, w), [])))
                                for name, _ in present))
        lines.append("| " + " | ".join(cells) + " |")
        data[w] = entry
    return lines, {title: data}


# Every server a run may have, in the order their columns appear.
SERVERS = [("coffer", "Coffer"), ("s3proxy", "s3proxy"), ("nginx", "nginx"),
           ("coffertls", "Coffer TLS"), ("cofferjdk", "Coffer TLS (JDK)"),
           ("s3proxytls", "s3proxy TLS"), ("nginxtls", "nginx TLS"), ("coffersse", "Coffer SSE-S3"),
           ("coffersig", "Coffer signed"), ("s3proxysig", "s3proxy signed"),
           ("coffervers", "Coffer versioned"), ("cofferpolicy", "Coffer policy"),
           ("cofferpg", "Coffer PostgreSQL"), ("cofferpglb", "1 node behind nginx"),
           ("cofferpgn", "N nodes behind nginx")]


def cpu_table(runs, workloads):
    """Server CPU per operation (µs) of every server that ran, per workload, beside nginx's: each
    from /proc over the measured window, the server's descendants included."""
    present = [(name, label) for name, label in SERVERS
               if any(k[0] == name and r.get("serverCpuMicrosPerOp") is not None
                      for k, rs in runs.items() for r in rs)]
    if not present:
        return [], {}
    head = ["workload", *(label for _, label in present), "Coffer/nginx", "Coffer/s3proxy"]
    lines = ["", "### Server CPU per operation (µs; in parentheses, cores busy)", "",
             "From `/proc/<pid>/stat` (utime + stime of the server's processes and their "
             "descendants, e.g. nginx's workers) at the edges of each measured window; medians "
             "of the rounds. The ratios are the medians of the per-round ratios (lower is cheaper).",
             "", "| " + " | ".join(head) + " |", "|---|" + "--:|" * (len(head) - 1)]
    data = {}
    for w in workloads:
        per = {name: median(runs.get((name, w), []), "serverCpuMicrosPerOp") for name, _ in present}
        if all(v is None for v in per.values()):
            continue
        cores = {name: median(runs.get((name, w), []), "serverCpuCores") for name, _ in present}
        ratios = {}
        for other in ("nginx", "s3proxy"):
            rounds = round_ratios(runs.get(("coffer", w), []), runs.get((other, w), []),
                                  "serverCpuMicrosPerOp")
            ratios[other] = {"median": statistics.median(rounds) if rounds else None,
                             "perRound": rounds}
        cells = [w] + [("–" if per[name] is None else f"{per[name]:,.1f} ({cores[name]:.2f})")
                       for name, _ in present]
        cells += [fmt(ratios[o]["median"], 2) + ("×" if ratios[o]["median"] else "")
                  for o in ("nginx", "s3proxy")]
        lines.append("| " + " | ".join(cells) + " |")
        data[w] = {"microsPerOp": per, "cores": cores, "cofferOverNginx": ratios["nginx"],
                   "cofferOverS3proxy": ratios["s3proxy"]}
    return lines, data


def operations_table(runs, workloads):
    """Each kind of operation of the mixed workloads (warp's mix): medians per server."""
    lines, data = [], {}
    for w in workloads:
        servers = [(name, label) for name, label in SERVERS
                   if any(r.get("operations") for r in runs.get((name, w), []))]
        if not servers:
            continue
        lines += ["", f"### `{w}` per operation (medians of the rounds)", "",
                  "| server | operation | share | ops/s | MB/s | p50 ms | p99 ms | errors |",
                  "|---|---|--:|--:|--:|--:|--:|--:|"]
        data[w] = {}
        for name, label in servers:
            results = runs[(name, w)]
            kinds = [o["operation"] for o in results[0]["operations"]]
            data[w][name] = {}
            for kind in kinds:
                ops = [o for r in results for o in r.get("operations", []) if o["operation"] == kind]
                entry = {f: median(ops, f) for f in ("share", "opsPerSec", "mbPerSec", "p50Ms", "p99Ms")}
                entry["errors"] = sum(o["errors"] for o in ops)
                data[w][name][kind] = entry
                lines.append(f"| {label} | {kind} | {entry['share'] * 100:.1f} % | "
                             f"{fmt(entry['opsPerSec'], 1)} | {fmt(entry['mbPerSec'], 1)} | "
                             f"{fmt(entry['p50Ms'], 2)} | {fmt(entry['p99Ms'], 2)} | {entry['errors']} |")
    return lines, data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--rss", action="append", default=[])
    parser.add_argument("--nginx", default="off")
    parser.add_argument("--rounds", default="?")
    parser.add_argument("--duration", default="?")
    parser.add_argument("--quick", default="0")
    args = parser.parse_args()
    runs = load(os.path.join(args.results, "raw"))
    rss = {k: int(v or 0) for k, v in (item.split("=", 1) for item in args.rss)}
    workloads = [w for w in ORDER if any(key[1] == w for key in runs)]

    rows, summary = [], {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                         "cores": os.cpu_count(), "rounds": args.rounds, "duration": args.duration,
                         "quick": args.quick == "1", "workloads": {}, "peakRssMiB": {}}
    for w in workloads:
        field, label = METRIC[w]
        c, s, n = runs.get(("coffer", w), []), runs.get(("s3proxy", w), []), runs.get(("nginx", w), [])
        cm, sm, nm = median(c, field), median(s, field), median(n, field)
        errors = (sum(r["errors"] for r in c), sum(r["errors"] for r in s))
        per_round = round_ratios(c, s, field)
        per_round_text = ", ".join(f"{x:.2f}" for x in per_round)
        per_round_median = statistics.median(per_round) if per_round else None
        rows.append(f"| {w} | {label} | {fmt(cm, 1)} | {fmt(sm, 1)} | **{ratio(cm, sm)}** | "
                    f"{per_round_text} (median {fmt(per_round_median, 2)}×) | {fmt(nm, 1)} | "
                    f"{ratio(cm, nm)} | {fmt(median(c, 'p50Ms'), 2)} / {fmt(median(c, 'p99Ms'), 2)} | "
                    f"{fmt(median(s, 'p50Ms'), 2)} / {fmt(median(s, 'p99Ms'), 2)} | "
                    f"{' / '.join(fmt(median(x, 'serverCpuMicrosPerOp'), 1) for x in (c, s, n))} | "
                    f"{fmt(median(c, 'clientCpuCores'), 2)} | {errors[0]} / {errors[1]} |")
        summary["workloads"][w] = {
            "metric": field, "coffer": cm, "s3proxy": sm, "nginx": nm,
            "cofferOverS3proxy": cm / sm if cm is not None and sm else None,
            "cofferOverNginx": cm / nm if cm is not None and nm else None,
            "cofferOverS3proxyPerRound": per_round,
            "cofferOverNginxPerRound": round_ratios(c, n, field),
            "cofferP50Ms": median(c, "p50Ms"), "cofferP99Ms": median(c, "p99Ms"),
            "s3proxyP50Ms": median(s, "p50Ms"), "s3proxyP99Ms": median(s, "p99Ms"),
            "errors": {"coffer": errors[0], "s3proxy": errors[1]},
            "serverCpuMicrosPerOp": {"coffer": median(c, "serverCpuMicrosPerOp"),
                                     "s3proxy": median(s, "serverCpuMicrosPerOp"),
                                     "nginx": median(n, "serverCpuMicrosPerOp")},
            "runs": {"coffer": len(c), "s3proxy": len(s), "nginx": len(n)},
        }
    mib = {k: v / 1024 for k, v in rss.items() if v}
    summary["peakRssMiB"] = mib
    rows.append(f"| memory | peak RSS MiB | {fmt(mib.get('coffer'))} | {fmt(mib.get('s3proxy'))} | "
                f"{ratio(mib.get('coffer'), mib.get('s3proxy'))} | | {fmt(mib.get('nginx'))} | | | | | | |")

    lines = [
        f"Medians of {args.rounds} rounds, {args.duration} measured per workload"
        + (" (--quick)" if args.quick == "1" else "") + f", {os.cpu_count()} cores, {summary['date']}.",
        "",
        "| workload | metric | Coffer | s3proxy | Coffer/s3proxy | Coffer/s3proxy per round | nginx "
        "| Coffer/nginx | Coffer p50/p99 ms | s3proxy p50/p99 ms | server CPU µs/op C/S/N "
        "| client CPU (cores) | errors C/S |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        *rows,
    ]
    if args.nginx != "on":
        lines += ["", "nginx is not installed: the limits column is empty (apt-get install nginx-light)."]
    extra, summary["serverCpu"] = cpu_table(runs, workloads)
    lines += extra
    extra, summary["operations"] = operations_table(runs, workloads)
    lines += extra
    summary["sections"] = {}
    for title, servers, ratios in SECTIONS:
        extra, data = section(runs, workloads, title, servers, ratios)
        lines += extra
        summary["sections"].update(data)
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    with open(os.path.join(args.results, "summary.md"), "w") as f:
        f.write(text)
    with open(os.path.join(args.results, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
