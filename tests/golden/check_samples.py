#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Golden facts on samples/: what the five articles state, read back from
the GraphML with networkx (an independent client).

usage: check_samples.py VNKG SAMPLES_DIR OUTDIR
"""
import csv
import os
import shutil
import subprocess
import sys

import networkx as nx

vnkg, samples, out = sys.argv[1:4]
shutil.rmtree(out, ignore_errors=True)
subprocess.run([vnkg, "build", samples, "-o", out, "-q"], check=True)

g = nx.read_graphml(os.path.join(out, "graph.graphml"))
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def by_label(label, type_=None):
    hits = [n for n, d in g.nodes(data=True)
            if d.get("label") == label and (type_ is None or d.get("type") == type_)]
    return hits[0] if hits else None


def edges(u, v, relation):
    if u is None or v is None or not g.has_edge(u, v):
        return []
    return [d for d in g.get_edge_data(u, v).values() if d.get("relation") == relation]


def holds(person, org, role):
    return any(d.get("role") == role for d in edges(by_label(person, "official"),
                                                   by_label(org), "holds_office"))


check(holds("Bùi Thanh Sơn", "Bộ Ngoại giao", "Bộ trưởng"),
      "Bùi Thanh Sơn holds_office Bộ Ngoại giao (Bộ trưởng)")
check(holds("Phan Thị Thắng", "Bộ Công Thương", "Thứ trưởng"),
      "Phan Thị Thắng holds_office Bộ Công Thương (Thứ trưởng)")
check(holds("Phạm Minh Chính", "Chính phủ", "Thủ tướng"),
      "Phạm Minh Chính holds_office Chính phủ (Thủ tướng)")
check(holds("Trịnh Trường Huy", "Cao Bằng", "Phó Chủ tịch UBND tỉnh"),
      "Trịnh Trường Huy holds_office Cao Bằng (Phó Chủ tịch UBND tỉnh)")
check(bool(edges(by_label("Trịnh Trường Huy"), by_label("Cao Bằng"), "represents")),
      "Trịnh Trường Huy represents Cao Bằng at its bridge point")
check(holds("Hồ Văn Mười", "Đắk Nông", "Chủ tịch UBND tỉnh"),
      "Hồ Văn Mười holds_office Đắk Nông (Chủ tịch UBND tỉnh)")
check(holds("Hồ Văn Mười", "Đắk Nông", "Phó Bí thư Tỉnh ủy"),
      "Hồ Văn Mười holds_office Đắk Nông (Phó Bí thư Tỉnh ủy)")
check(by_label("Trần Quốc Nam", "official") is not None,
      "Trần Quốc Nam is an official")
check(not any(d.get("relation") in ("holds_office", "represents")
              for _, _, d in g.out_edges(by_label("Trần Quốc Nam"), data=True)),
      "'tỉnh ta' gives Trần Quốc Nam no province")
for p in ["MERCOSUR", "EFTA", "NVIDIA", "Nhật Bản", "AU", "SACU", "GCC", "Qatar",
          "Ai Cập", "Apple", "Intel", "Hoa Kỳ", "Canada"]:
    check(by_label(p, "partner") is not None, f"{p} is a partner")
check(by_label("Nghị quyết 59-NQ/TW", "document") is not None,
      "Nghị quyết 59-NQ/TW is a document")
check(bool(edges(by_label("Chỉ thị 15-CT/TW"), by_label("Ban Bí thư", "organization"),
                 "issued_by")), "Chỉ thị 15-CT/TW issued_by Ban Bí thư")
check(bool(edges(by_label("Nghị quyết 59-NQ/TW"), by_label("Bộ Chính trị", "organization"),
                 "issued_by")), "Nghị quyết 59-NQ/TW issued_by Bộ Chính trị")
ministries = [n for n, d in g.nodes(data=True)
              if d.get("type") == "ministry" and "công thương" in d.get("label", "").lower()]
check(len(ministries) == 1, "'Bộ Công thương' and 'Bộ Công Thương' are one node")
check("Bộ Công thương" in g.nodes[ministries[0]].get("aliases", "").split("|")
      if ministries else False, "the variant is kept as an alias")
for p in ["Cao Bằng", "Đắk Nông", "Long An", "Hà Nội"]:
    check(by_label(p, "province") is not None, f"{p} is a province")
check(by_label("Bộ Chính trị", "ministry") is None, "Bộ Chính trị is not a ministry")
check(by_label("Việt Nam") is None, "Việt Nam itself is not a partner")
check(not any("c2" in d.get("label", "").lower() for _, d in g.nodes(data=True)),
      "the spam fragment 'giải c2' produces no entity")
for byline in ["Lê An", "Kim Thoa", "Nguyễn Lương"]:
    check(by_label(byline) is None, f"byline {byline} is not an entity")
types = {d.get("type") for _, d in g.nodes(data=True)}
check({"official", "province", "ministry", "partner", "document"} <= types,
      "core types present")
for n, d in g.nodes(data=True):
    if d.get("type") == "official":
        check(d.get("label", "").split()[0][0].isupper(), f"official label {d.get('label')} is a name")

with open(os.path.join(out, "mentions.tsv"), encoding="utf-8") as f:
    rows = list(csv.reader(f, delimiter="\t"))
texts = {}
for name in os.listdir(samples):
    with open(os.path.join(samples, name), "rb") as f:
        texts[os.path.splitext(name)[0]] = f.read()
bad = 0
for r in rows[1:]:
    art, start, end, surface = r[0], int(r[1]), int(r[2]), r[3]
    if texts[art][start:end].decode("utf-8") != surface:
        bad += 1
check(bad == 0, f"every mention's offsets point at its surface text ({len(rows)-1} mentions)")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
