#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Reads vnkg's optional outputs back with independent clients.

Usage: /usr/bin/python3 tests/clients/check_extra.py DIR

DIR holds graph.graphml, graph.gexf, graph.svg and report.md. Checks:
  graph.gexf  xmllint --noout; networkx.read_gexf: dynamic graph, as many
              nodes and edges as graph.graphml (networkx.read_graphml), every
              edge has a relation equal to its label and its XML `kind`, and
              start/end equal to first_date/last_date where those are dates;
              node spans are ordered and cover their edges' spans; every
              node has viz colour, position and size.
  graph.svg   xmllint --noout; rsvg-convert to PNG, decoded here (zlib and
              struct, no PIL): more than 1% of the pixels differ from the
              background colour and at least 3 colours occur.
  report.md   exists and has every section.
Exit status: 0 all good, 1 a check failed (message on stderr), 77 a client
is not installed (python3-networkx is only visible to /usr/bin/python3;
rsvg-convert is in librsvg2-bin, xmllint in libxml2-utils).

networkx 2.8 (Debian 12) knows GEXF 1.1draft and 1.2draft only; later
releases also know 1.3 under the namespaces registered below, so this
script teaches 2.8 the same before reading.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

SKIP = 77
GEXF_NS = "http://gexf.net/1.3"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REPORT_SECTIONS = [
    "# vnkg report",
    "## Counts",
    "### Entities by type",
    "### Relations by type",
    "## Structure",
    "## Top entities by type",
    "## Largest communities",
]


class CheckError(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise CheckError(msg)


def xmllint(path):
    r = subprocess.run(["xmllint", "--noout", "--nonet", path],
                       capture_output=True, text=True)
    need(r.returncode == 0, f"xmllint {path}: {r.stderr.strip()}")


def networkx_with_gexf13():
    import networkx as nx
    from networkx.readwrite import gexf
    if "1.3" not in gexf.GEXF.versions:
        gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": GEXF_NS,
            "NS_VIZ": GEXF_NS + "/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": GEXF_NS + " " + GEXF_NS + "/gexf.xsd",
            "VERSION": "1.3",
        }
    return nx


def xml_edge_kinds(path):
    root = ET.parse(path).getroot()
    need(root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3",
         f"{path}: root is not GEXF 1.3")
    graph = root.find(f"{{{GEXF_NS}}}graph")
    need(graph is not None, f"{path}: no <graph>")
    need(graph.get("mode") == "dynamic" and
         graph.get("timeformat") == "date" and
         graph.get("defaultedgetype") == "directed",
         f"{path}: <graph> is not dynamic/date/directed")
    kinds = {}
    for e in root.iter(f"{{{GEXF_NS}}}edge"):
        need(e.get("kind"), f"{path}: edge {e.get('id')} has no kind")
        kinds[e.get("id")] = e.get("kind")
    return kinds


def check_edge(eid, d, kinds, nodes, u, v):
    rel = d.get("relation")
    need(rel and rel == d.get("label") == kinds.get(eid),
         f"gexf edge {eid}: relation {rel!r}, label {d.get('label')!r}, "
         f"kind {kinds.get(eid)!r} differ")
    for key, attr in (("start", "first_date"), ("end", "last_date")):
        want = d.get(attr)
        if want and DATE.match(want):
            need(d.get(key) == want,
                 f"gexf edge {eid}: {key} {d.get(key)!r} != {attr} {want!r}")
            for n in (u, v):
                lo, hi = nodes[n].get("start"), nodes[n].get("end")
                need(lo and hi and lo <= want <= hi,
                     f"gexf edge {eid}: {want} outside node {n} [{lo}, {hi}]")
        else:
            need(key not in d, f"gexf edge {eid}: {key} without a date")
    return 1 if "start" in d else 0


def check_gexf(dirname):
    path = os.path.join(dirname, "graph.gexf")
    xmllint(path)
    kinds = xml_edge_kinds(path)
    nx = networkx_with_gexf13()
    g = nx.read_gexf(path)
    ref = nx.read_graphml(os.path.join(dirname, "graph.graphml"))
    need(g.graph.get("mode") == "dynamic", "gexf: graph is not dynamic")
    need(g.number_of_nodes() == ref.number_of_nodes(),
         f"gexf: {g.number_of_nodes()} nodes, graphml "
         f"{ref.number_of_nodes()}")
    need(g.number_of_edges() == ref.number_of_edges(),
         f"gexf: {g.number_of_edges()} edges, graphml "
         f"{ref.number_of_edges()}")
    need(set(g.nodes) == set(ref.nodes), "gexf: node ids differ")
    for n, d in g.nodes(data=True):
        viz = d.get("viz", {})
        need({"color", "position", "size"} <= set(viz),
             f"gexf node {n}: viz incomplete")
        need(d.get("label") and d.get("type"), f"gexf node {n}: no label")
        lo, hi = d.get("start"), d.get("end")
        need((lo is None) == (hi is None) and (lo is None or lo <= hi),
             f"gexf node {n}: bad span [{lo}, {hi}]")
    edges = g.edges(keys=True, data=True) if g.is_multigraph() \
        else ((u, v, d.get("id"), d) for u, v, d in g.edges(data=True))
    dated = 0
    for u, v, _, d in edges:
        dated += check_edge(d.get("id"), d, kinds, g.nodes, u, v)
    ref_dated = sum(1 for *_, d in ref.edges(data=True)
                    if DATE.match(d.get("first_date", "")))
    need(dated == ref_dated, f"gexf: {dated} dated edges, graphml "
         f"{ref_dated}")
    print(f"graph.gexf: {g.number_of_nodes()} nodes, {g.number_of_edges()} "
          f"edges ({dated} with a time span), {len(set(kinds.values()))} "
          f"kinds")


# ---- PNG decoding (RFC 2083) ----------------------------------------------

def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(raw, width, height, bpp):
    stride = width * bpp
    out = bytearray()
    prev = bytearray(stride)
    pos = 0
    for _ in range(height):
        ftype = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                line[i] = (line[i] + paeth(a, b, c)) & 255
            else:
                need(ftype == 0, f"png: bad filter {ftype}")
        out += line
        prev = line
    return out


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    need(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        ctype = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if ctype == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif ctype == b"IDAT":
            idat += body
        pos += 12 + length
    need(ihdr is not None, f"{path}: no IHDR")
    width, height, depth, colour, _, _, interlace = ihdr
    need(depth == 8 and colour in (2, 6) and interlace == 0,
         f"{path}: unexpected PNG format {ihdr}")
    bpp = 4 if colour == 6 else 3
    pixels = unfilter(zlib.decompress(idat), width, height, bpp)
    return width, height, bpp, pixels


def check_svg(dirname):
    path = os.path.join(dirname, "graph.svg")
    xmllint(path)
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "graph.png")
        r = subprocess.run(["rsvg-convert", "-o", png, path],
                           capture_output=True, text=True)
        need(r.returncode == 0 and not r.stderr.strip(),
             f"rsvg-convert {path}: {r.stderr.strip()}")
        width, height, bpp, px = read_png(png)
    counts = {}
    for i in range(0, len(px), bpp):
        key = bytes(px[i:i + bpp])
        counts[key] = counts.get(key, 0) + 1
    total = width * height
    background, nbg = max(counts.items(), key=lambda kv: kv[1])
    ink = (total - nbg) / total
    need(ink > 0.01, f"graph.svg: only {ink:.2%} of the pixels are drawn")
    need(len(counts) >= 3, f"graph.svg: only {len(counts)} colours")
    print(f"graph.svg: {width}x{height}, {ink:.1%} drawn, {len(counts)} "
          f"colours, background #{background[:3].hex()}")


def check_report(dirname):
    path = os.path.join(dirname, "report.md")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for section in REPORT_SECTIONS:
        need(section in lines, f"report.md: no '{section}' line")
    print(f"report.md: {len(lines)} lines, all sections")


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    for tool in ("xmllint", "rsvg-convert"):
        if not shutil.which(tool):
            print(f"check_extra: {tool} not installed", file=sys.stderr)
            return SKIP
    try:
        import networkx  # noqa: F401
    except ImportError:
        print("check_extra: networkx not installed", file=sys.stderr)
        return SKIP
    try:
        check_gexf(argv[1])
        check_svg(argv[1])
        check_report(argv[1])
    except (CheckError, OSError) as e:
        print(f"check_extra: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
