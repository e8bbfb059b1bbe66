#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Checks that every IRI the RDF/XML exporter writes is defined.

Parses the namespace table and the terms of src/export/vocab.c, then checks
each term: vnkg: terms must be declared (as owl:Class, owl:ObjectProperty,
owl:DatatypeProperty ...) in ontology/vnkg.owl with rdfs:label in en and vi
and an rdfs:comment; terms of public vocabularies (rdf, rdfs, owl, xsd, skos,
org, prov, foaf, schema, dcterms) must be terms of that vocabulary as rdflib
knows it. Also checks owl:versionIRI and that every local name is an ASCII
NCName. Exit status 0 when all is well, 1 with one line per problem.

Usage: /usr/bin/python3 tests/lint/check_vocab.py [REPO_ROOT]
Run with Debian's /usr/bin/python3, which sees python3-rdflib.
"""
import os
import re
import sys

try:
    import rdflib
    from rdflib.namespace import (DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS,
                                  SDO, SKOS, XSD)
except ImportError as exc:  # pragma: no cover
    sys.exit(f"check_vocab: cannot import rdflib ({exc}); "
             "run with /usr/bin/python3")

PUBLIC = {str(ns._NS): ns for ns in
          (RDF, RDFS, OWL, XSD, SKOS, ORG, PROV, FOAF, SDO, DCTERMS)}
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
NS_RE = re.compile(r'\[VNKG_NS_(\w+)\]\s*=\s*\{\s*"(\w+)"\s*,\s*'
                   r'("(?:[^"\\]|\\.)*"|\w+)\s*\}')
TERM_RE = re.compile(r'\[(VNKG_V_\w+)\]\s*=\s*T\(\s*(\w+)\s*,\s*"([^"]*)"\s*\)')
MACRO_RE = re.compile(r'#define\s+(\w+)\s+"([^"]*)"')


def macros(root):
    out = {}
    for name in ("export.h",):
        path = os.path.join(root, "include", "vnkg", name)
        with open(path, encoding="utf-8") as f:
            out.update(MACRO_RE.findall(f.read()))
    return out


def vocab_terms(root):
    """[(enum name, full IRI, local name)] from src/export/vocab.c."""
    path = os.path.join(root, "src", "export", "vocab.c")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    defs = macros(root)
    ns = {}
    for key, _prefix, value in NS_RE.findall(text):
        if value.startswith('"'):
            ns[key] = value[1:-1]
        elif value in defs:
            ns[key] = defs[value]
        else:
            raise SystemExit(f"check_vocab: unknown macro {value} in vocab.c")
    terms = []
    for enum, key, local in TERM_RE.findall(text):
        if key not in ns:
            raise SystemExit(f"check_vocab: {enum} uses unknown namespace "
                             f"{key}")
        terms.append((enum, ns[key] + local, local))
    if not ns or not terms:
        raise SystemExit("check_vocab: found no namespaces or terms in "
                         f"{path}: has its format changed?")
    return ns, terms


def check_ontology_term(g, iri, problems, enum):
    s = rdflib.URIRef(iri)
    kinds = set(g.objects(s, RDF.type))
    known = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
             OWL.AnnotationProperty, RDF.Property}
    if not kinds & known:
        problems.append(f"{enum}: {iri} is not defined in ontology/vnkg.owl")
        return
    langs = {lit.language for lit in g.objects(s, RDFS.label)}
    for lang in ("en", "vi"):
        if lang not in langs:
            problems.append(f"{enum}: {iri} has no rdfs:label@{lang}")
    if not any(True for _ in g.objects(s, RDFS.comment)):
        problems.append(f"{enum}: {iri} has no rdfs:comment")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    owl_path = os.path.join(root, "ontology", "vnkg.owl")
    g = rdflib.Graph()
    try:
        g.parse(owl_path, format="xml")
    except Exception as exc:  # rdflib raises many types
        sys.exit(f"check_vocab: {owl_path} does not parse: {exc}")
    problems = []
    onts = list(g.subjects(RDF.type, OWL.Ontology))
    if len(onts) != 1:
        problems.append(f"ontology/vnkg.owl: expected one owl:Ontology, "
                        f"found {len(onts)}")
    elif not any(True for _ in g.objects(onts[0], OWL.versionIRI)):
        problems.append("ontology/vnkg.owl: no owl:versionIRI")

    ns, terms = vocab_terms(root)
    vnkg_ns = ns.get("VNKG")
    for enum, iri, local in terms:
        if not NCNAME.match(local) or not local.isascii():
            problems.append(f"{enum}: local name {local!r} is not an ASCII "
                            "NCName")
        if vnkg_ns and iri.startswith(vnkg_ns):
            check_ontology_term(g, iri, problems, enum)
            continue
        base = next((b for b in PUBLIC if iri.startswith(b)), None)
        if base is None:
            problems.append(f"{enum}: {iri} is in no known vocabulary")
        elif iri not in PUBLIC[base]:
            problems.append(f"{enum}: {iri} is not a term of {base}")
    # Every vnkg: term of the ontology should be used (or it is stale).
    used = {iri for _, iri, _ in terms}
    for s in set(g.subjects()):
        if isinstance(s, rdflib.URIRef) and vnkg_ns and \
                str(s).startswith(vnkg_ns) and str(s) not in used:
            print(f"check_vocab: note: {s} is defined but not exported")
    if problems:
        for p in problems:
            print(f"check_vocab: {p}", file=sys.stderr)
        return 1
    print(f"check_vocab: {len(terms)} terms OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
