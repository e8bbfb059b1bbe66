#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Validate the lexicon data of vnkg (ontology/).

Usage: check_ontology.py [ONTOLOGY_DIR]      (default: the ontology/ of this repository)
Exit status 0 when every rule holds, 1 otherwise (one "file:line: message" per problem).

Rules checked
  all files   UTF-8 without BOM, NFC, LF line ends (no CR), no tab/space at line ends,
              '#' comment lines, blank lines ignored, exact header line.
  gazetteer/*.tsv
              8 columns, no empty field ('-' for none); id = <type>/<ascii-slug> with a known
              type equal to the type column and to the file's type, and equal to
              <type>/slug(label) unless declared with "# id-label-mismatch: <id> <reason>";
              ids unique across all gazetteers; label non-empty, without '|' or a marker;
              aliases '|'-separated, non-empty, trimmed, at most one marker (= ~ ^), '^' only
              for ministries, '~' only for partners; an alias never repeats the label unmarked,
              and a marked repeat of the label is byte-identical to it;
              no two aliases of one entity equal after folding (case, tone placement);
              dates ISO YYYY-MM-DD or '-', valid_from <= valid_until; successor and related ids
              exist and are not the entity itself, a successor is valid the day after its
              predecessor ends; no surface form (label or alias, folded) claimed by two entities
              of the same type unless their validity periods are disjoint or the form is
              declared with "# shared-alias: <form> <reason>"; Việt Nam is not a partner.
  titles.tsv  header "title role attach scope"; unique titles (folded); attach is a '|' list
              of ministry, province, partner, organization, org=<existing id>, or 'none' or
              'place' (a district's name follows) alone;
              scope in vn, foreign, any.
  cues.tsv    header "kind word"; known kinds; no duplicate (kind, folded word).
  surnames.txt, given-names-stop.txt (optional)
              one name per line, starting with a capital letter, no duplicates (folded).
Standard library only.
"""
import datetime
import os
import re
import sys
import unicodedata

TYPES = ("province", "ministry", "partner", "agreement", "organization", "document",
         "event", "official")
FILE_TYPES = {"provinces.tsv": "province", "ministries.tsv": "ministry",
              "partners.tsv": "partner", "organizations.tsv": "organization",
              "agreements.tsv": "agreement"}
GAZ_HEADER = ["id", "type", "label", "aliases", "valid_from", "valid_until", "successor",
              "related"]
TITLE_HEADER = ["title", "role", "attach", "scope"]
CUE_HEADER = ["kind", "word"]
CUE_KINDS = ("person_prefix", "partner_cue", "province_prefix", "not_province_prefix",
             "byline_marker", "bridge_point", "event_word", "agreement_head",
             "document_head", "company_head", "not_entity",
             "chair_verb", "attend_verb", "boilerplate", "boilerplate_end", "city_province",
             "publication_prefix", "portfolio_word", "org_head", "city_prefix",
             "local_unit")
ATTACH_WORDS = ("ministry", "province", "partner", "organization", "place", "none")
SCOPES = ("vn", "foreign", "any")
MARKERS = "=~^"
ID_RE = re.compile(r"^([a-z]+)/([a-z0-9]+(?:-[a-z0-9]+)*)$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

errors = []


def err(path, line, msg):
    errors.append(f"{path}:{line}: {msg}")


def slug(s):
    s = unicodedata.normalize("NFC", s).replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


_TONE_DIGIT = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


def fold(s):
    """The C matching key: per token lower-case, tone mark taken off its vowel and kept
    as a digit, so tone placement (hoà/hòa) and case do not matter, tones do."""
    out = []
    for tok in unicodedata.normalize("NFC", s).split():
        d = unicodedata.normalize("NFD", tok.lower())
        t = "".join(_TONE_DIGIT[c] for c in d if c in _TONE_DIGIT)
        out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONE_DIGIT)) + t)
    return " ".join(out)


def read_lines(path):
    """Yield (line_no, text) of non-comment, non-blank lines; also return the comments."""
    rel = os.path.relpath(path)
    try:
        raw = open(path, "rb").read()
    except OSError as e:
        err(rel, 0, f"cannot read: {e}")
        return [], []
    if raw.startswith(b"\xef\xbb\xbf"):
        err(rel, 1, "starts with a UTF-8 BOM")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(rel, 0, f"not valid UTF-8: {e}")
        return [], []
    if "\r" in text:
        err(rel, text[:text.index("\r")].count("\n") + 1, "CR line end (files must use LF)")
    if text and not text.endswith("\n"):
        err(rel, text.count("\n") + 1, "no newline at end of file")
    rows, comments = [], []
    for n, line in enumerate(text.split("\n"), 1):
        if line != unicodedata.normalize("NFC", line):
            err(rel, n, "not in Unicode NFC")
        if line.startswith("#"):
            comments.append((n, line))
            continue
        if not line:
            continue
        if not line.strip():
            err(rel, n, "line of only whitespace (the C loader reads it as data)")
            continue
        if line != line.rstrip(" \t"):
            err(rel, n, "trailing whitespace")
        rows.append((n, line))
    return rows, comments


def parse_date(rel, n, what, s):
    if s == "-":
        return None
    if not DATE_RE.match(s):
        err(rel, n, f"{what} {s!r} is not YYYY-MM-DD or '-'")
        return None
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        err(rel, n, f"{what} {s!r} is not a valid date")
        return None


class Ent:
    pass


def check_gazetteers(gdir):
    ents = {}
    by_file = []
    shared = set()
    mismatch_ok = set()
    files = sorted(f for f in os.listdir(gdir) if f.endswith(".tsv"))
    for name in FILE_TYPES:
        if name not in files:
            err(os.path.relpath(os.path.join(gdir, name)), 0, "missing gazetteer file")
    for name in files:
        path = os.path.join(gdir, name)
        rel = os.path.relpath(path)
        rows, comments = read_lines(path)
        for n, c in comments:
            m = re.match(r"#\s*shared-alias:\s*(\S.*)$", c)
            if m:  # "<form>" then two spaces or a tab, then the reason
                shared.add(fold(re.split(r"\s{2,}|\t", m.group(1).strip())[0]))
            m = re.match(r"#\s*id-label-mismatch:\s*(\S+)", c)
            if m:
                mismatch_ok.add(m.group(1))
        if not rows:
            err(rel, 0, "no header line")
            continue
        n0, head = rows[0]
        if head.split("\t") != GAZ_HEADER:
            err(rel, n0, "header must be exactly: " + "\\t".join(GAZ_HEADER))
        ftype = FILE_TYPES.get(name)
        for n, line in rows[1:]:
            cols = line.split("\t")
            if len(cols) != 8:
                err(rel, n, f"expected 8 tab-separated columns, got {len(cols)}")
                continue
            if any(c == "" for c in cols):
                err(rel, n, "empty field (use '-' for none)")
            if any(c != c.strip() for c in cols):
                err(rel, n, "field with leading/trailing spaces")
            e = Ent()
            e.rel, e.line = rel, n
            e.id, e.type, e.label, aliases, vf, vu, e.successor, related = cols
            m = ID_RE.match(e.id)
            if not m:
                err(rel, n, f"id {e.id!r} is not <type>/<ascii-slug>")
            elif m.group(1) != e.type:
                err(rel, n, f"id {e.id!r} does not start with its type {e.type!r}")
            if e.type not in TYPES:
                err(rel, n, f"unknown type {e.type!r}")
            if ftype and e.type != ftype:
                err(rel, n, f"type {e.type!r} in {name} (expected {ftype})")
            if not e.label or e.label == "-" or "|" in e.label or e.label[0] in MARKERS:
                err(rel, n, f"bad label {e.label!r}")
            elif e.id != f"{e.type}/{slug(e.label)}" and e.id not in mismatch_ok:
                err(rel, n, f"id {e.id!r} is not {e.type}/{slug(e.label)} (slug of the label); "
                            "declare '# id-label-mismatch: <id> <reason>' if intended")
            e.aliases = [] if aliases == "-" else aliases.split("|")
            seen = {}
            for a in e.aliases:
                if not a or a != a.strip():
                    err(rel, n, f"empty or untrimmed alias {a!r} in {e.id}")
                    continue
                mk = a[0] if a[0] in MARKERS else ""
                body = a[1:] if mk else a
                if not body or body[0] in MARKERS:
                    err(rel, n, f"alias {a!r}: at most one marker (= ~ ^), followed by text")
                    continue
                if mk == "^" and e.type != "ministry":
                    err(rel, n, f"alias {a!r}: '^' is for ministries only")
                if mk == "~" and e.type != "partner":
                    err(rel, n, f"alias {a!r}: '~' is for partners only")
                key = fold(body)
                if key == fold(e.label) and not mk:
                    err(rel, n, f"alias {a!r} repeats the label (case/tone-placement variants "
                                "are matched anyway; repeat the label only with a marker)")
                if key == fold(e.label) and mk and body != e.label:
                    err(rel, n, f"alias {a!r} restricts the label but is not byte-identical "
                                f"to it ({e.label!r}); the C loader compares exactly")
                if key in seen:
                    err(rel, n, f"aliases {seen[key]!r} and {a!r} of {e.id} are the same after "
                                "folding case and tone placement")
                seen[key] = a
            if "viet nam" in (slug(e.label).replace("-", " "),) and e.type == "partner":
                err(rel, n, "Việt Nam is the home country, not a partner")
            for a in e.aliases:
                if e.type == "partner" and slug(a.lstrip(MARKERS)) in ("viet-nam", "vietnam"):
                    err(rel, n, "Việt Nam is the home country, not a partner")
            e.vf = parse_date(rel, n, "valid_from", vf)
            e.vu = parse_date(rel, n, "valid_until", vu)
            if e.vf and e.vu and e.vf > e.vu:
                err(rel, n, f"valid_from {vf} after valid_until {vu}")
            e.related = [] if related == "-" else related.split("|")
            if e.id in ents:
                o = ents[e.id]
                err(rel, n, f"duplicate id {e.id} (first at {o.rel}:{o.line})")
            else:
                ents[e.id] = e
            by_file.append(e)
    # cross references
    for e in by_file:
        if e.successor != "-":
            s = ents.get(e.successor)
            if s is None:
                err(e.rel, e.line, f"successor {e.successor} does not exist")
            elif s is e:
                err(e.rel, e.line, "successor is the entity itself")
            elif e.vu:
                day = e.vu + datetime.timedelta(days=1)
                if (s.vf and s.vf > day) or (s.vu and s.vu < day):
                    err(e.rel, e.line, f"successor {s.id} is not valid on {day} (the day after "
                                       f"{e.id} ends)")
        if len(set(e.related)) != len(e.related):
            err(e.rel, e.line, "duplicate id in related")
        for r in e.related:
            if r not in ents:
                err(e.rel, e.line, f"related id {r} does not exist")
            elif r == e.id:
                err(e.rel, e.line, "entity related to itself")
    # surface forms shared by entities of one type
    claims = {}
    for e in by_file:
        forms = {fold(e.label)} | {fold(a.lstrip(MARKERS)) for a in e.aliases if a.strip(MARKERS)}
        for f in forms:
            claims.setdefault((e.type, f), []).append(e)
    for (t, f), es in sorted(claims.items(), key=lambda kv: kv[0]):
        if len(es) < 2 or f in shared:
            continue
        for i in range(len(es)):
            for j in range(i + 1, len(es)):
                a, b = es[i], es[j]
                disjoint = ((a.vu and b.vf and a.vu < b.vf) or (b.vu and a.vf and b.vu < a.vf))
                if not disjoint:
                    err(b.rel, b.line, f"surface form {f!r} claimed by {a.id} and {b.id} "
                                       "(same type, overlapping validity); declare "
                                       "'# shared-alias: <form>  <reason>' if intended")
    return ents


def check_titles(path, ents):
    rel = os.path.relpath(path)
    rows, _ = read_lines(path)
    if not rows:
        err(rel, 0, "no header line")
        return
    if rows[0][1].split("\t") != TITLE_HEADER:
        err(rel, rows[0][0], "header must be exactly: " + "\\t".join(TITLE_HEADER))
    seen = {}
    for n, line in rows[1:]:
        cols = line.split("\t")
        if len(cols) != 4:
            err(rel, n, f"expected 4 tab-separated columns, got {len(cols)}")
            continue
        title, role, attach, scope = cols
        if not title or not role or any(c != c.strip() for c in cols):
            err(rel, n, "empty or untrimmed field")
        k = fold(title)
        if k in seen:
            err(rel, n, f"duplicate title {title!r} (line {seen[k]})")
        seen[k] = n
        items = attach.split("|")
        if "none" in items and len(items) > 1:
            err(rel, n, "'none' must stand alone in attach")
        if "place" in items and len(items) > 1:
            err(rel, n, "'place' must stand alone in attach")
        if len(set(items)) != len(items):
            err(rel, n, "duplicate item in attach")
        for it in items:
            if it.startswith("org="):
                if it[4:] not in ents:
                    err(rel, n, f"attach {it}: no such gazetteer id")
            elif it not in ATTACH_WORDS:
                err(rel, n, f"attach item {it!r} is not one of {', '.join(ATTACH_WORDS)} or org=<id>")
        if scope not in SCOPES:
            err(rel, n, f"scope {scope!r} is not one of {', '.join(SCOPES)}")


def check_cues(path):
    rel = os.path.relpath(path)
    rows, _ = read_lines(path)
    if not rows:
        err(rel, 0, "no header line")
        return
    if rows[0][1].split("\t") != CUE_HEADER:
        err(rel, rows[0][0], "header must be exactly: " + "\\t".join(CUE_HEADER))
    seen = {}
    kinds = set()
    for n, line in rows[1:]:
        cols = line.split("\t")
        if len(cols) != 2:
            err(rel, n, f"expected 2 tab-separated columns, got {len(cols)}")
            continue
        kind, word = cols
        if kind not in CUE_KINDS:
            err(rel, n, f"unknown cue kind {kind!r}")
        kinds.add(kind)
        if not word or word != word.strip():
            err(rel, n, "empty or untrimmed word")
        k = (kind, fold(word))
        if k in seen:
            err(rel, n, f"duplicate {kind} {word!r} (line {seen[k]}; matching ignores case "
                        "and tone placement)")
        seen[k] = n
    for kind in CUE_KINDS:
        if kind not in kinds:
            err(rel, 0, f"no cue of kind {kind}")


def check_names(path, required):
    rel = os.path.relpath(path)
    if not os.path.exists(path):
        if required:
            err(rel, 0, "missing file")
        return
    rows, _ = read_lines(path)
    seen = {}
    for n, line in rows:
        if line != line.strip() or "\t" in line or "  " in line:
            err(rel, n, "one name per line, single spaces, no tabs")
        if not line[:1].isupper():
            err(rel, n, f"{line!r} does not start with a capital letter")
        k = fold(line)
        if k in seen:
            err(rel, n, f"duplicate {line!r} (line {seen[k]})")
        seen[k] = n
    if required and not rows:
        err(rel, 0, "empty")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    odir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "ontology")
    odir = os.path.normpath(odir)
    gdir = os.path.join(odir, "gazetteer")
    if not os.path.isdir(gdir):
        print(f"check_ontology: {gdir} not found", file=sys.stderr)
        return 1
    ents = check_gazetteers(gdir)
    check_titles(os.path.join(odir, "titles.tsv"), ents)
    check_cues(os.path.join(odir, "cues.tsv"))
    check_names(os.path.join(odir, "surnames.txt"), True)
    check_names(os.path.join(odir, "given-names-stop.txt"), False)
    for e in errors:
        print(e, file=sys.stderr)
    counts = {}
    for e in ents.values():
        counts[e.type] = counts.get(e.type, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    if errors:
        print(f"check_ontology: {len(errors)} problem(s) ({summary})", file=sys.stderr)
        return 1
    print(f"check_ontology: OK ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
