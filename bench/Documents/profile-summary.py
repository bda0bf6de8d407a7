#!/usr/bin/env python3
"""Where a batch's CPU goes, from a dotnet-trace thread-time profile of the documents benchmark converted to speedscope
(`dotnet-trace collect --profile dotnet-sampled-thread-time --format Speedscope -- dotnet Qadam.Bench.Documents.dll --batch-only`).

Keeps the samples that end in CPU_TIME (a thread on a CPU) and whose stack is inside a batch (DocumentRegistry's batch issue or
SignedDocumentBatch), then prints the share of that CPU time each step's frames hold (inclusive: a sample counts for every
step its stack touches, so nested steps overlap) and the leaf frames that take most of it. The database is left out: the
render and sign loops run on continuations of Npgsql calls, so its frames sit under nearly every sample.

    python3 bench/Documents/profile-summary.py /tmp/documents-prof/before.speedscope.json
"""
import sys
from collections import Counter
import json

BATCH = ("IssueManyInTransactionAsync", "IssueManyAsync", "SignedDocumentBatch")
STEPS = [
    ("render (TemplateRenderer, all of it)", ("TemplateRenderer",)),
    ("  OpenXml SDK: open package, parse parts (System.IO.Packaging, OpenXml reader)", ("System.IO.Packaging", "OpenXmlPackage", "OpenXmlPartRootElement.Load", "LoadFromPart", "Populate", "ParseXml")),
    ("  OpenXml SDK: save parts (XML writer)", ("OpenXmlPartRootElement.Save", "OpenXmlElement.WriteTo", "WriteContentTo")),
    ("  template DOM cloned (prepared once per batch)", ("CloneNode", "CloneImp")),
    ("  filling (content controls, placeholders)", ("Fill.", "Placeholders", "ContentControls")),
    ("Office signature (OfficePackageSignature.Embed)", ("OfficePackageSignature.Embed", "OfficePackageSignature.EmbedParts")),
    ("  package read back (unzip) and re-zipped", ("PackageParts.Read", "PackageParts.Write", "PackageZip")),
    ("  manifest: part digests, relationship transform, content types", ("OfficePackageSignature.Manifest", "TransformRelationships", "PackageParts.ContentType")),
    ("  XML-DSig (SignedXml: C14N, digest, signature value)", ("SignedXml",)),
    ("CMS sign (DetachedCmsSigner)", ("DetachedCmsSigner",)),
    ("CMS check (signature value, or the full chain on the first)", ("CheckSignature", "SignatureVerifier.VerifyCms")),
    ("ECDSA private-key operations (OpenSSL)", ("ECDsaOpenSsl.SignHash", "ECDsaOpenSsl.TrySignHash", "EcDsaSign", "ECDSA_sign", "CryptoNative_EcDsaSign")),
    ("zlib deflate/inflate (all)", ("System.IO.Compression", "Deflate", "Inflate", "libz", "zlib")),
    ("SHA-256 (all)", ("SHA256", "Sha256")),
    ("GC (a thread held for a collection)", ("PollGC", "GCHeap", "GarbageCollect", "gc_heap")),
]
SKIP = ("Process", "Thread (", "(Non-Activities)", "Threads")


def main(path):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    kept = 0.0
    steps = Counter()
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
                names = [frames[i] for i in stack if not frames[i].startswith(SKIP)]
                if names and names[-1] == "CPU_TIME" and any(k in n for n in names for k in BATCH):
                    kept += span
                    leaves[names[-2] if len(names) > 1 else "(none)"] += span
                    for label, keys in STEPS:
                        if any(k in n for n in names for k in keys):
                            steps[label] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    print(f"{path}: batch work on a CPU {kept:,.0f} ms")
    for label, _ in STEPS:
        print(f"  {steps[label] / kept * 100:5.1f} %  {label}")
    print("  leaf frames:")
    for leaf, ms in leaves.most_common(15):
        print(f"  {ms / kept * 100:5.1f} %  {leaf[:150]}")


for arg in sys.argv[1:]:
    main(arg)
