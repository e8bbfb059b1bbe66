#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Scores vnkg's extraction against the gold annotations in tests/corpus/gold.

usage: score.py VNKG OUTDIR [--gate] [--errors] INPUT...

Runs `vnkg build INPUT... -o OUTDIR`, then compares, article by article:
  entities  (article, type, label): an extracted entity matches a gold row
            when the type is the same and the gold label equals the
            entity's label or one of its aliases, ignoring case and accents
            (so label conventions, not spelling, decide);
  relations (article, relation, from, to, role): endpoints matched the
            same way, role compared ignoring case and accents.
Prints precision, recall and F1 per entity type and per relation (micro
averages over articles). With --gate, exits 1 when an entity type's F1 is
below 0.95 (official, province, ministry, partner, agreement, document),
holds_office or represents is below 0.90, or another relation is below 0.85.
With --errors, lists every false positive and false negative.
"""
import csv
import os
import shutil
import subprocess
import sys
import unicodedata
from collections import defaultdict

GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus", "gold")
ENTITY_GATE = {"official": 0.95, "province": 0.95, "ministry": 0.95,
               "partner": 0.95, "agreement": 0.95, "document": 0.95}
RELATION_GATE = {"holds_office": 0.90, "represents": 0.90}
OTHER_RELATION_GATE = 0.85


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().replace("–", "-").split())


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r and not r[0].startswith("#")]
    return rows[0], rows[1:]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gate = "--gate" in sys.argv
    show_errors = "--errors" in sys.argv
    vnkg, out, inputs = args[0], args[1], args[2:]
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([vnkg, "build", *inputs, "-o", out, "-q"], check=True)

    nodes = {r["Id"]: r for r in read_csv(os.path.join(out, "nodes.csv"))}

    def names(node_id):
        n = nodes[node_id]
        return {fold(n["Label"])} | {fold(a) for a in n["aliases"].split("|") if a}

    _, mentions = read_tsv(os.path.join(out, "mentions.tsv"))
    predicted = defaultdict(set)  # article -> {(type, id)}
    for art, _s, _e, _surface, ent in mentions:
        predicted[art].add((nodes[ent]["type"], ent))
    edges = read_csv(os.path.join(out, "edges.csv"))
    pred_rel = defaultdict(set)  # article -> {(relation, from, to, role)}
    for e in edges:
        if e["relation"] == "co_mention":
            continue
        for art in e["sources"].split("|"):
            pred_rel[art].add((e["relation"], e["Source"], e["Target"], fold(e["role"])))

    _, gold_ents = read_tsv(os.path.join(GOLD, "entities.tsv"))
    _, gold_rels = read_tsv(os.path.join(GOLD, "relations.tsv"))
    articles = {r[0] for r in gold_ents} | {r[0] for r in gold_rels}
    missing = sorted(a for a in articles if a not in predicted and a not in pred_rel)

    counts = defaultdict(lambda: [0, 0, 0])  # key -> tp, fp, fn
    errors = []
    gold_by_art = defaultdict(list)
    for art, typ, label in gold_ents:
        gold_by_art[art].append((typ, label))
    for art in sorted(articles):
        pred = set(predicted.get(art, set()))
        for typ, label in gold_by_art.get(art, []):
            hit = next((p for p in sorted(pred) if p[0] == typ and fold(label) in names(p[1])), None)
            if hit:
                pred.discard(hit)
                counts[typ][0] += 1
            else:
                counts[typ][2] += 1
                errors.append(f"FN entity  {art}\t{typ}\t{label}")
        for typ, ent in sorted(pred):
            if typ in ("event",):
                continue  # not annotated
            counts[typ][1] += 1
            errors.append(f"FP entity  {art}\t{typ}\t{nodes[ent]['Label']}")

    rel_by_art = defaultdict(list)
    for art, rel, ft, fl, tt, tl, role in gold_rels:
        rel_by_art[art].append((rel, ft, fl, tt, tl, role))
    gold_relations = {r[1] for r in gold_rels}
    for art in sorted(articles):
        pred = set(pred_rel.get(art, set()))
        for rel, ft, fl, tt, tl, role in rel_by_art.get(art, []):
            hit = next((p for p in sorted(pred) if p[0] == rel
                        and nodes[p[1]]["type"] == ft and fold(fl) in names(p[1])
                        and nodes[p[2]]["type"] == tt and fold(tl) in names(p[2])
                        and (rel != "holds_office" or p[3] == fold(role))), None)
            if hit:
                pred.discard(hit)
                counts["rel:" + rel][0] += 1
            else:
                counts["rel:" + rel][2] += 1
                errors.append(f"FN {rel:13s} {art}\t{fl} -> {tl}\t{role}")
        for rel, src, dst, role in sorted(pred):
            if rel not in gold_relations:
                continue  # relation kinds the gold does not annotate
            counts["rel:" + rel][1] += 1
            errors.append(f"FP {rel:13s} {art}\t{nodes[src]['Label']} -> "
                          f"{nodes[dst]['Label']}\t{role}")

    failed = []
    print(f"articles scored: {len(articles)}" + (f" (no output for {missing})" if missing else ""))
    print(f"{'':22s}{'gold':>6s}{'pred':>6s}{'tp':>6s}{'P':>8s}{'R':>8s}{'F1':>8s}")
    for key in sorted(counts, key=lambda k: (k.startswith("rel:"), k)):
        tp, fp, fn = counts[key]
        p, r, f = prf(tp, fp, fn)
        print(f"{key:22s}{tp + fn:6d}{tp + fp:6d}{tp:6d}{p:8.3f}{r:8.3f}{f:8.3f}")
        name = key[4:] if key.startswith("rel:") else key
        limit = (RELATION_GATE.get(name, OTHER_RELATION_GATE) if key.startswith("rel:")
                 else ENTITY_GATE.get(name))
        if limit is not None and f < limit:
            failed.append(f"{key} F1 {f:.3f} < {limit}")
    if show_errors:
        print("\n".join(sorted(errors)))
    if failed:
        print("below the gate: " + "; ".join(failed))
    return 1 if gate and failed else 0


if __name__ == "__main__":
    sys.exit(main())
