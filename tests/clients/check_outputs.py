#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Reads vnkg's outputs back with independent clients.

Usage: /usr/bin/python3 tests/clients/check_outputs.py [--expect-offices] DIR

DIR holds graph.graphml, graph.rdf, nodes.csv and edges.csv (and optionally
centrality.tsv). Checks:
  graph.graphml  xmllint --noout, networkx.read_graphml, igraph Read_GraphML
                 (same node and edge counts, keys typed as documented)
  graph.rdf      rapper -i rdfxml -c (triples > 0, nothing on stderr but the
                 progress lines), rdflib (no warnings, re-serialises as
                 RDF/XML, i.e. every predicate splits into namespace + NCName)
  nodes.csv      csv module: exact header, one Id per GraphML node
  edges.csv      csv module: exact header, endpoints are node ids
  SPARQL         officials and the ministries they hold office in (printed);
                 with --expect-offices an empty answer is a failure.
Exit status: 0 all good, 1 a check failed (message on stderr), 77 a client
is not installed (Debian's python3-networkx, python3-igraph, python3-rdflib
are only visible to /usr/bin/python3; rapper is in raptor2-utils).
"""
import csv
import io
import logging
import os
import shutil
import subprocess
import sys
import warnings

SKIP = 77
NODES_HEADER = ("Id,Label,type,aliases,mentions,documents,degree,in_degree,"
                "out_degree,strength,pagerank,betweenness,harmonic,"
                "eigenvector,component,community,merged_into,valid_until")
EDGES_HEADER = ("Id,Source,Target,Type,Kind,Label,relation,role,Weight,"
                "sources,evidence,first_date,last_date,inferred")
CENTRALITY_HEADER = ("id\tlabel\ttype\tdegree\tin_degree\tout_degree\t"
                     "strength\tpagerank\tbetweenness\tharmonic\teigenvector\t"
                     "component\tcommunity")

OFFICES_QUERY = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX vnkg: <https://vnkg.example.org/ontology#>
SELECT ?official ?name ?ministry ?mname ?role WHERE {
  ?m a org:Membership ;
     org:member ?official ;
     org:organization ?ministry .
  ?official a vnkg:Official ; skos:prefLabel ?name .
  ?ministry a vnkg:Ministry ; skos:prefLabel ?mname .
  OPTIONAL { ?m org:role/skos:prefLabel ?role }
} ORDER BY ?name ?mname ?role
"""

DIRECT_QUERY = """
PREFIX vnkg: <https://vnkg.example.org/ontology#>
SELECT DISTINCT ?official ?ministry WHERE {
  ?official vnkg:holdsOffice ?ministry .
  ?official a vnkg:Official .
  ?ministry a vnkg:Ministry .
}
"""


class Failure(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise Failure(msg)


def import_clients():
    try:
        import igraph
        import networkx
        import rdflib
    except ImportError as exc:
        print(f"check_outputs: SKIP: {exc} (run with /usr/bin/python3 and "
              "install python3-networkx python3-igraph python3-rdflib)",
              file=sys.stderr)
        sys.exit(SKIP)
    for tool in ("xmllint", "rapper"):
        if not shutil.which(tool):
            print(f"check_outputs: SKIP: {tool} not found", file=sys.stderr)
            sys.exit(SKIP)
    return networkx, igraph, rdflib


def check_graphml(path, nx, ig):
    r = subprocess.run(["xmllint", "--noout", path], capture_output=True,
                       text=True)
    need(r.returncode == 0 and not r.stderr,
         f"xmllint rejects {path}: {r.stderr.strip()}")
    try:
        g = nx.read_graphml(path)
    except Exception as exc:
        raise Failure(f"networkx cannot read {path}: {exc}") from exc
    for node, data in g.nodes(data=True):
        need("type" in data and "label" in data,
             f"networkx: node {node} lacks type or label")
        for key in ("mentions", "documents", "component", "community",
                    "r", "g", "b"):
            if key in data:
                need(isinstance(data[key], int),
                     f"networkx: node {node} {key} is not an int")
    for u, v, data in g.edges(data=True):
        need("relation" in data, f"networkx: edge {u}->{v} has no relation")
    try:
        h = ig.Graph.Read_GraphML(path)
    except Exception as exc:
        raise Failure(f"igraph cannot read {path}: {exc}") from exc
    need(h.vcount() == g.number_of_nodes(),
         f"igraph reads {h.vcount()} nodes, networkx "
         f"{g.number_of_nodes()}")
    need(h.ecount() == g.number_of_edges(),
         f"igraph reads {h.ecount()} edges, networkx "
         f"{g.number_of_edges()}")
    need(h.is_directed(), "igraph: graph is not directed")
    print(f"graphml: xmllint ok, networkx and igraph read "
          f"{h.vcount()} nodes, {h.ecount()} edges")
    return set(g.nodes())


def check_rapper(path):
    r = subprocess.run(["rapper", "-i", "rdfxml", "-c", path],
                       capture_output=True, text=True)
    lines = [ln for ln in r.stderr.splitlines()
             if not ln.startswith("rapper: Parsing")]
    need(r.returncode == 0, f"rapper fails on {path}: {r.stderr.strip()}")
    need(not lines, f"rapper complains about {path}: {' | '.join(lines)}")
    count = 0
    for ln in r.stderr.splitlines():
        if ln.startswith("rapper: Parsing returned"):
            count = int(ln.split()[3])
    need(count > 0, f"rapper finds no triples in {path}")
    return count


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def check_rdflib(path, rdflib):
    handler = _Collect()
    logger = logging.getLogger("rdflib")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            g = rdflib.Graph()
            g.parse(path, format="xml")
            # Ill-typed literals only warn when their value is computed.
            for o in g.objects():
                if isinstance(o, rdflib.Literal):
                    o.toPython()
            g.serialize(format="xml")
    except Exception as exc:
        raise Failure(f"rdflib cannot read {path}: {exc}") from exc
    finally:
        logger.removeHandler(handler)
    msgs = handler.messages + [str(w.message) for w in caught]
    need(not msgs, f"rdflib warns on {path}: {' | '.join(msgs[:5])}")
    return g


def run_sparql(g, expect_offices):
    rows = list(g.query(OFFICES_QUERY))
    print("SPARQL: officials and the ministries they hold office in")
    if not rows:
        print("  (none)")
    for row in rows:
        role = f" ({row.role})" if row.role is not None else ""
        print(f"  {row.name} -> {row.mname}{role}")
    direct = {(str(a), str(b)) for a, b in g.query(DIRECT_QUERY)}
    nary = {(str(r.official), str(r.ministry)) for r in rows}
    need(direct == nary,
         "vnkg:holdsOffice and org:Membership disagree: "
         f"{sorted(direct ^ nary)}")
    need(rows or not expect_offices, "SPARQL found no official holding "
         "office in a ministry")


def read_table(path, delimiter):
    with open(path, "rb") as f:
        raw = f.read()
    need(not raw.startswith(b"\xef\xbb\xbf"), f"{path} starts with a BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Failure(f"{path} is not UTF-8: {exc}") from exc
    rows = list(csv.reader(io.StringIO(text, newline=""),
                           delimiter=delimiter, strict=True))
    need(rows, f"{path} is empty")
    for i, row in enumerate(rows[1:], 2):
        need(len(row) == len(rows[0]),
             f"{path}: record {i} has {len(row)} fields, "
             f"header {len(rows[0])}")
    return rows


def check_tables(outdir, node_ids):
    nodes = read_table(os.path.join(outdir, "nodes.csv"), ",")
    need(",".join(nodes[0]) == NODES_HEADER,
         f"nodes.csv header is {','.join(nodes[0])!r}")
    ids = {row[0] for row in nodes[1:]}
    need(ids == node_ids, "nodes.csv ids differ from graph.graphml")
    edges = read_table(os.path.join(outdir, "edges.csv"), ",")
    need(",".join(edges[0]) == EDGES_HEADER,
         f"edges.csv header is {','.join(edges[0])!r}")
    for row in edges[1:]:
        need(row[1] in ids and row[2] in ids,
             f"edges.csv: {row[0]} has an unknown endpoint")
        need(row[3] == "Directed", f"edges.csv: {row[0]} Type {row[3]}")
    cpath = os.path.join(outdir, "centrality.tsv")
    if os.path.exists(cpath):
        with open(cpath, encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
        need(lines[0] == CENTRALITY_HEADER, "centrality.tsv header differs")
        for ln in lines[1:-1]:
            need(ln.count("\t") == CENTRALITY_HEADER.count("\t"),
                 "centrality.tsv: a record has the wrong number of fields")
    print(f"tables: nodes.csv {len(nodes) - 1} rows, edges.csv "
          f"{len(edges) - 1} rows")


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    expect_offices = "--expect-offices" in argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = args[0]
    nx, ig, rdflib = import_clients()
    try:
        for name in ("graph.graphml", "graph.rdf", "nodes.csv", "edges.csv"):
            need(os.path.isfile(os.path.join(outdir, name)),
                 f"{outdir}/{name} is missing")
        node_ids = check_graphml(os.path.join(outdir, "graph.graphml"),
                                 nx, ig)
        rdf = os.path.join(outdir, "graph.rdf")
        n = check_rapper(rdf)
        g = check_rdflib(rdf, rdflib)
        # rapper counts duplicate statements, rdflib keeps a set.
        need(0 < len(g) <= n, f"rdflib reads {len(g)} triples, rapper {n}")
        print(f"rdf: rapper and rdflib read {n} triples")
        check_tables(outdir, node_ids)
        run_sparql(g, expect_offices)
    except Failure as exc:
        print(f"check_outputs: FAIL: {exc}", file=sys.stderr)
        return 1
    print("check_outputs: all clients OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
