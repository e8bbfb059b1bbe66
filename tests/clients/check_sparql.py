#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Runs every ```sparql block of README.md with rdflib on a graph.rdf and
checks the answers the samples must give.

usage: check_sparql.py README.md GRAPH.rdf|OUTDIR
"""
import os
import re
import sys

import rdflib

readme, rdf = sys.argv[1:3]
if os.path.isdir(rdf):
    rdf = os.path.join(rdf, "graph.rdf")
queries = re.findall(r"```sparql\n(.*?)```", open(readme, encoding="utf-8").read(), re.S)
g = rdflib.Graph()
g.parse(rdf, format="xml")

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


check(len(queries) == 5, f"README has five SPARQL queries (found {len(queries)})")
answers = []
for q in queries:
    rows = [tuple(str(v) if v is not None else None for v in r) for r in g.query(q)]
    answers.append(rows)
    print(f"  {len(rows)} rows: {rows[:4]}")

if len(answers) == 5:
    a1, a2, a3, a4, a5 = answers
    check(any(r[0] == "Bùi Thanh Sơn" and r[1] == "Bộ trưởng" and r[2].endswith("002_18ee72ec1f13ec0f")
              for r in a1), "Q1: Bùi Thanh Sơn, Bộ trưởng of Bộ Ngoại giao, from article 002")
    check(all(r[0] == "Bùi Thanh Sơn" for r in a1), "Q1: nobody else held office there")
    counts = {r[0]: int(r[1]) for r in a2}
    check(counts.get("Cao Bằng") == 1 and counts.get("Đắk Nông") == 1,
          "Q2: Cao Bằng and Đắk Nông have one bridge-point representative each")
    issuers = dict(a3)
    check(issuers.get("Chỉ thị 15-CT/TW") == "Ban Bí thư" and
          issuers.get("Nghị quyết 59-NQ/TW") == "Bộ Chính trị" and
          issuers.get("Nghị quyết 21/NQ-CP") == "Chính phủ", "Q3: three documents and their issuers")
    check(len(a4) >= 3 and all(r[0] == "Phạm Minh Chính" for r in a4),
          "Q4: Phạm Minh Chính chaired the conferences")
    check(len(a5) == 5 and all(float(r[1]) > 0 for r in a5), "Q5: five partners ranked by PageRank")
    check([float(r[1]) for r in a5] == sorted((float(r[1]) for r in a5), reverse=True),
          "Q5: in descending order")
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
