#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Every edge's evidence sentence names both endpoints (label, alias or a
mention's surface, compared ignoring case and tone placement), except the
offices and issuers a title or a document number implies (the edge's
`inferred` attribute says so). Reads graph.graphml with networkx and
mentions.tsv.

usage: check_evidence.py OUTDIR
"""
import csv
import os
import sys
import unicodedata
from collections import defaultdict

import networkx as nx


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


out = sys.argv[1]
g = nx.read_graphml(os.path.join(out, "graph.graphml"))
surfaces = defaultdict(set)
with open(os.path.join(out, "mentions.tsv"), encoding="utf-8") as f:
    for row in list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
        surfaces[row[4]].add(fold(row[3]))
for n, d in g.nodes(data=True):
    surfaces[n].add(fold(d.get("label", "")))
    surfaces[n].update(fold(a) for a in d.get("aliases", "").split("|") if a)

checked = missing = inferred = 0
bad = []
for u, v, d in g.edges(data=True):
    ev = fold(d.get("evidence", ""))
    if not ev:
        bad.append(f"no evidence: {u} -[{d.get('relation')}]-> {v}")
        continue
    has_u = any(s and s in ev for s in surfaces[u])
    has_v = any(s and s in ev for s in surfaces[v])
    checked += 1
    if d.get("inferred") in (True, "true", "True"):
        inferred += 1
        if not (has_u or has_v):
            bad.append(f"inferred edge names neither end: {u} -> {v}: {d.get('evidence')}")
        continue
    if not (has_u and has_v):
        missing += 1
        bad.append(f"{u} -[{d.get('relation')}]-> {v}: {d.get('evidence')}")
print(f"{checked} edges checked, {inferred} inferred, {missing} stated edges lacking an endpoint")
for b in bad[:40]:
    print("FAIL " + b)
sys.exit(1 if bad else 0)
