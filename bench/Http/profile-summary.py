#!/usr/bin/env python3
"""Where a request's time goes, from a dotnet-trace thread-time profile converted to speedscope
(`dotnet-trace convert --format speedscope FILE.nettrace`).

Thread-time samples cover blocked threads too; this keeps only the samples whose stack is inside ASP.NET Core's request
processing or a continuation of it (Kestrel, the hosting pipeline, EF Core, Npgsql) and whose leaf is not a wait, i.e. a
request's work on a CPU, then prints each part's share of it (a sample counts towards every part its stack touches) and the
leaf frames that take most of it.

    python3 bench/Http/profile-summary.py /tmp/qadam-profiles/parent-cases.speedscope.json
"""
import json
import sys
from collections import Counter

PARTS = [
    ("access token validation (OpenIddict, IdentityModel)", ("OpenIddict", "IdentityModel", "JsonWebToken")),
    ("authorisation and caller scope", ("Authorization", "CallerScope", "OrganisationTree")),
    ("request logging (Serilog)", ("Serilog",)),
    ("EF Core: query compilation and cache lookup", ("QueryCompiler", "CompiledQueryCache", "ExpressionEqualityComparer",
                                                     "ParameterExtractingExpressionVisitor", "ExpressionTreeFuncletizer")),
    ("EF Core: materialisation, change tracking", ("StateManager", "ChangeTracker", "Shaper", "InternalEntityEntry")),
    ("EF Core: all", ("EntityFrameworkCore",)),
    ("Npgsql (protocol, reading rows)", ("Npgsql",)),
    ("JSON (System.Text.Json)", ("System.Text.Json",)),
    ("engine reads (Qadam.Workflows)", ("Qadam.Workflows",)),
    ("Qadam.Api handlers", ("Qadam.Api.Features",)),
    ("DI scope and DbContext creation", ("ServiceProvider", "DbContextPool", "DbContext..ctor", "ServiceProviderEngineScope")),
]
REQUEST = ("Kestrel", "HostingApplication", "Microsoft.AspNetCore", "EntityFrameworkCore", "Npgsql", "Qadam.Api")
WAITS = ("Wait", "Sleep", "epoll", "LowLevelLifoSemaphore", "UNMANAGED_CODE_TIME", "CPU_TIME", "Monitor.Enter", "SpinWait",
         "ThreadPoolWorkQueue.Dispatch", "WorkerThread")


def main(path):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    kept = 0.0
    total = 0.0
    parts = Counter()
    leaves = Counter()
    for profile in data["profiles"]:
        if profile["type"] != "evented":
            continue
        stack = []
        last = None
        for event in profile["events"]:
            at = event["at"]
            if stack and last is not None and at > last:
                span = at - last
                total += span
                names = [frames[i] for i in stack]
                leaf = names[-1]
                if any(k in n for n in names for k in REQUEST) and not any(w in leaf for w in WAITS):
                    kept += span
                    leaves[leaf] += span
                    joined = "\n".join(names)
                    for label, keys in PARTS:
                        if any(k in joined for k in keys):
                            parts[label] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    print(f"{path}: request work {kept:,.0f} ms of {total:,.0f} ms sampled thread time")
    for label, _ in PARTS:
        print(f"  {parts[label] / kept * 100:5.1f} %  {label}")
    print("  leaf frames:")
    for leaf, ms in leaves.most_common(25):
        print(f"  {ms / kept * 100:5.1f} %  {leaf[:150]}")


for arg in sys.argv[1:]:
    main(arg)
