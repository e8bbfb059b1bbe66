#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Write every surface form of the vnkg lexicons, one per line: the pattern
file (-f) of the grep floor in bench/run.

    gazetteer_names.py [--ontology DIR] [--out FILE]

What goes in:
  * gazetteer/*.tsv: every label and alias, alias markers (= ~ ^) removed;
  * titles.tsv: every title;
  * cues.tsv: the multi-word or specific cue kinds that the extractor looks
    for as phrases (province_prefix, not_province_prefix, document_head,
    agreement_head, event_word, company_head, bridge_point, byline_marker,
    boilerplate, boilerplate_end, not_entity, city_province).
Left out on purpose: person_prefix and partner_cue (one- or two-letter
words such as "ông", "bà", "và", "," that would turn a multi-pattern scan into
a scan that stops at almost every byte: not the floor we want) and
surnames.txt (family names are found by the name grammar, not by a lookup
of full names). Output is NFC (as the files are), deduplicated, sorted by
byte value, without empty lines, so the file is the same on every run.
"""
import argparse
import os
import sys
import unicodedata

CUE_KINDS = {
    "province_prefix", "not_province_prefix", "document_head",
    "agreement_head", "event_word", "company_head", "bridge_point",
    "byline_marker", "boilerplate", "boilerplate_end", "not_entity",
    "city_province",
}


def rows(path):
    with open(path, encoding="utf-8") as f:
        header = True
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header:  # the first non-comment line names the columns
                header = False
                continue
            yield cols


def names(ontology):
    out = set()
    gdir = os.path.join(ontology, "gazetteer")
    for fn in sorted(os.listdir(gdir)):
        if not fn.endswith(".tsv"):
            continue
        for cols in rows(os.path.join(gdir, fn)):
            if len(cols) < 4:
                continue
            out.add(cols[2])
            if cols[3] != "-":
                for a in cols[3].split("|"):
                    if a[:1] in ("=", "~", "^"):
                        a = a[1:]
                    out.add(a)
    for cols in rows(os.path.join(ontology, "titles.tsv")):
        out.add(cols[0])
    for cols in rows(os.path.join(ontology, "cues.tsv")):
        if len(cols) >= 2 and cols[0] in CUE_KINDS:
            out.add(cols[1])
    clean = set()
    for n in out:
        n = unicodedata.normalize("NFC", n.strip())
        if n and n != "-":
            clean.add(n)
    return sorted(clean, key=lambda s: s.encode("utf-8"))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ontology", default=os.path.join(here, "..", "ontology"))
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    text = "".join(n + "\n" for n in names(a.ontology))
    if a.out == "-":
        sys.stdout.write(text)
    else:
        tmp = a.out + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, a.out)


if __name__ == "__main__":
    main()
