#!/usr/bin/env python3
"""Where a request's time goes, from a dotnet-trace thread-time profile converted to speedscope
(`dotnet-trace convert --format speedscope FILE.nettrace`).

Thread-time samples cover blocked threads too; this keeps only the samples whose stack is inside ASP.NET Core's request
processing or a continuation of it (Kestrel, the hosting pipeline, EF Core, Npgsql) and that end in CPU_TIME, i.e. a
request's work on a CPU, then prints each part's share of it (a sample counts towards every part its stack touches) and the
leaf frames that take most of it.

    python3 bench/Http/profile-summary.py /tmp/qadam-profiles/parent-cases.speedscope.json

With `--callers NAME` it prints instead where the CPU samples whose leaf frame contains NAME come from: the most frequent
chains of callers, innermost first (e.g. `--callers Monitor.Enter_Slowpath`, bench/Http/README.md, "Session 12").

    python3 bench/Http/profile-summary.py --callers Enter_Slowpath /tmp/qadam-profiles/inbox.speedscope.json
"""
import json
import sys
from collections import Counter

# Each CPU sample goes to the part of the innermost frame that names one (walking from the leaf up), so the parts add up
# to 100 %: "EF Core" is EF's own work, not the Npgsql calls beneath it.
PARTS = [
    ("GC (a thread held for a collection)", ("PollGC", "GCHeap", "GarbageCollect")),
    ("locks: Serilog's bootstrap logger (ReloadableLogger)", ("ReloadableLogger",)),
    ("TLS to PostgreSQL (SslStream)", ("SslStream", "System.Net.Security")),
    ("Npgsql (protocol, pool, reading rows)", ("Npgsql!",)),
    ("EF Core: LINQ expression trees, query cache lookup and compilation", ("System.Linq.Expressions", "System.Linq.Queryable",
        "QueryCompiler", "CompiledQueryCache", "ExpressionEqualityComparer", "ExpressionTreeFuncletizer", "Reflection.Emit")),
    ("EF Core: the rest (context, commands, materialisation)", ("EntityFrameworkCore",)),
    ("access token validation (OpenIddict, IdentityModel)", ("OpenIddict", "IdentityModel")),
    ("dependency injection", ("DependencyInjection",)),
    ("JSON (System.Text.Json)", ("System.Text.Json",)),
    ("logging (Serilog, other)", ("Serilog",)),
    ("metrics and event tracing (the profilers too)", ("System.Diagnostics.Metrics", "DiagnosticSource", "EventPipe", "EventProvider",
                                                       "System.Diagnostics.Tracing")),
    ("Qadam code", ("Qadam.",)),
    ("ASP.NET Core and Kestrel", ("Microsoft.AspNetCore",)),
]
REQUEST = ("Kestrel", "HostingApplication", "Microsoft.AspNetCore", "EntityFrameworkCore", "Npgsql", "Qadam.Api")
# The first frames of each stack: the process (its command line names Qadam.Api.dll), activities and the thread.
SKIP = ("Process", "Thread (", "(Non-Activities)", "Threads")


def Part(names):
    for name in reversed(names):
        for label, keys in PARTS:
            if any(k in name for k in keys):
                return label
    return "other (runtime, native, unresolved)"


def Spans(path):
    """Each stretch of a thread's time: its stack's frame names (the process, activity and thread frames left out) and ms."""
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    for profile in data["profiles"]:
        if profile["type"] != "evented":
            continue
        # The converter ends each stack with CPU_TIME (the thread ran) or UNMANAGED_CODE_TIME (in native code: a wait, a
        # system call); the time between two events is how long the stack stayed so.
        stack = []
        last = None
        for event in profile["events"]:
            at = event["at"]
            if stack and last is not None and at > last:
                yield [frames[i] for i in stack if not frames[i].startswith(SKIP)], at - last
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()


def main(path):
    kept = 0.0
    total = 0.0
    parts = Counter()
    leaves = Counter()
    for names, span in Spans(path):
        total += span
        # Only CPU_TIME counts here, and only inside request processing.
        if names and names[-1] == "CPU_TIME" and any(k in n for n in names for k in REQUEST):
            kept += span
            leaves[names[-2] if len(names) > 1 else "(none)"] += span
            parts[Part(names)] += span
    print(f"{path}: request work on a CPU {kept:,.0f} ms of {total:,.0f} ms sampled thread time")
    for label, ms in parts.most_common():
        print(f"  {ms / kept * 100:5.1f} %  {label}")
    print("  leaf frames:")
    for leaf, ms in leaves.most_common(12):
        print(f"  {ms / kept * 100:5.1f} %  {leaf[:150]}")


def Callers(path, leaf, depth=12, shown=8):
    chains = Counter()
    for names, span in Spans(path):
        if len(names) > 1 and names[-1] == "CPU_TIME" and leaf in names[-2]:
            chains[" <- ".join(n.split("!")[-1][:100] for n in reversed(names[-depth - 1:-1]))] += span
    total = sum(chains.values())
    print(f"{path}: {total:,.0f} ms on a CPU with {leaf} as the leaf")
    for chain, ms in chains.most_common(shown):
        print(f"  {ms / total * 100:5.1f} %  {chain}")


if len(sys.argv) > 2 and sys.argv[1] == "--callers":
    for arg in sys.argv[3:]:
        Callers(arg, sys.argv[2])
else:
    for arg in sys.argv[1:]:
        main(arg)
