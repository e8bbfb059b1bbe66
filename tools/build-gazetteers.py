#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Build the generated gazetteers of vnkg from the upstream reference data.

Generates (reproducibly, byte-identical on every run):
  ontology/gazetteer/provinces.tsv   <- vn-admin-63-pre2025 + vn-admin-merger-mapping-2025
                                        + tools/gazetteer-src/province-aliases.tsv
  ontology/gazetteer/ministries.tsv  <- vn-ministries-officials-pre2025/ministries.csv
                                        + tools/gazetteer-src/ministries.tsv
  ontology/gazetteer/partners.tsv    <- country-names-vi (CLDR + i18n-iso-countries)
                                        + tools/gazetteer-src/countries.tsv
                                        + tools/gazetteer-src/partners-extra.tsv
  ontology/surnames.txt              <- national_assembly_members_1-14.csv (first tokens >= 2)
                                        + tools/gazetteer-src/surnames.tsv
  ontology/licenses/*                <- copies of the upstream LICENSE files
organizations.tsv, agreements.tsv, titles.tsv and cues.tsv are hand-written and edited directly.

Usage: /usr/bin/python3 tools/build-gazetteers.py [--data DIR] [--check]
  --data DIR  the shared reference data (default: ../shared/data next to the repository)
  --check     do not write; exit 1 if a generated file would change
Standard library only.
"""
import argparse
import collections
import csv
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "tools", "gazetteer-src")
HEADER = "id\ttype\tlabel\taliases\tvalid_from\tvalid_until\tsuccessor\trelated"

MERGER_DATE_END = "2025-06-30"  # NQ 202/2025/QH15, new units from 2025-07-01

FORMAT_NOTE = """\
# Format (shared by every gazetteer TSV): UTF-8, NFC, LF; '#' lines are comments.
# Columns: id type label aliases valid_from valid_until successor related
#   aliases: '|'-separated surface forms; the label is always recognised as well.
#   Alias markers (at most one per alias):
#     =X  case-sensitive: each token of X with an initial capital needs an initial capital
#         in the text (all-caps text matches too)
#     ~X  needs a partner cue (cues.tsv, kind partner_cue) right before it, and is case-sensitive
#     ^X  elliptical ministry core name, only right after a ministry head word
#   A label that must itself be restricted is repeated among the aliases WITH its marker
#   (e.g. label "Hòa Bình", alias "=Hòa Bình"): the marked form then replaces the unmarked
#   label for matching. The label is never repeated without a marker.
#   Dates are ISO YYYY-MM-DD or '-'; successor and related hold ids of this gazetteer set."""


# ---------------------------------------------------------------- text helpers

def nfc(s):
    return unicodedata.normalize("NFC", s)


def slug(s):
    s = nfc(s).replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _modern_syllable(m):
    """hoá -> hóa, hoà -> hòa, thuỷ -> thủy, uỷ -> ủy: in a syllable ending in oa/oe/uy
    the tone goes on the first of the two vowels, the placement the project uses in labels.
    'quý', 'quá' keep theirs (qu + vowel)."""
    w = m.group(0)
    clusters = []  # [base char, combining marks except tone, has tone]
    for c in unicodedata.normalize("NFD", w):
        if unicodedata.combining(c) and clusters:
            if c in _TONES:
                clusters[-1][2] = c
            else:
                clusters[-1][1] += c
        else:
            clusters.append([c, "", None])
    toned = [i for i, cl in enumerate(clusters) if cl[2]]
    n = len(clusters)
    if len(toned) != 1 or n < 2 or toned[0] != n - 1:
        return w
    pair = (clusters[-2][0] + clusters[-1][0]).lower()
    if pair not in ("oa", "oe", "uy") or clusters[-2][1] or clusters[-1][1]:
        return w
    if n >= 3 and clusters[-3][0].lower() == "q":
        return w
    clusters[-2][2], clusters[-1][2] = clusters[-1][2], None
    return nfc("".join(b + marks + (t or "") for b, marks, t in clusters))


def modern_tones(s):
    return re.sub(r"\w+", _modern_syllable, nfc(s))


_TONE_DIGIT = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


def fold(s):
    """Matching key as the C matcher sees it: lower-case, tone moved off the vowel
    (so placement does not matter) but kept, per whitespace token."""
    out = []
    for tok in nfc(s).split():
        d = unicodedata.normalize("NFD", tok.lower())
        t = "".join(_TONE_DIGIT[c] for c in d if c in _TONE_DIGIT)
        base = nfc("".join(c for c in d if c not in _TONE_DIGIT))
        out.append(base + t)
    return " ".join(out)


def read_tsv(path, ncols):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < ncols:
                cols += [""] * (ncols - len(cols))
            if len(cols) != ncols:
                sys.exit(f"{path}:{n}: expected {ncols} columns, got {len(cols)}")
            if header is None:
                header = cols
                continue
            rows.append([nfc(c.strip()) for c in cols])
    return rows


def split_aliases(s):
    if not s or s == "-":
        return []
    return [a.strip() for a in s.split("|") if a.strip()]


def unmark(a):
    return a[1:] if a[:1] in "=~^" else a


class Entity:
    def __init__(self, etype, label, eid=None):
        self.type = etype
        self.label = nfc(label)
        self.id = eid or f"{etype}/{slug(label)}"
        self.aliases = []
        self.valid_from = "-"
        self.valid_until = "-"
        self.successor = "-"
        self.related = []

    def add_alias(self, alias):
        """Add an alias unless it duplicates the label or an existing alias after folding
        (a marked repeat of the label is kept: it restricts the label)."""
        alias = nfc(alias.strip())
        if not alias:
            return
        key = fold(unmark(alias))
        marked = alias[:1] in "=~^"
        if key == fold(self.label) and not marked:
            return
        for i, a in enumerate(self.aliases):
            if fold(unmark(a)) == key and (a[:1] in "=~^") == marked and a[:1] == alias[:1]:
                return
            if fold(unmark(a)) == key and not marked:
                return  # the marked form already restricts it
            if fold(unmark(a)) == key and marked and a[:1] not in "=~^":
                self.aliases[i] = alias  # replace the unmarked form by the marked one
                return
        self.aliases.append(alias)

    def row(self):
        return "\t".join([
            self.id, self.type, self.label,
            "|".join(self.aliases) or "-",
            self.valid_from, self.valid_until, self.successor,
            "|".join(self.related) or "-",
        ])


def render(entities, preamble):
    out = [f"# {line}" if line else "#" for line in preamble.rstrip("\n").split("\n")]
    out.append(FORMAT_NOTE)
    out.append(HEADER)
    out.extend(e.row() for e in entities)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- provinces

def strip_unit(name):
    name = nfc(name).strip()
    for p in ("Thành phố ", "Tỉnh "):
        if name.startswith(p):
            return name[len(p):]
    return name


# REFERENCE.md §5.2, to cross-check the upstream mapping: surviving name -> absorbed names.
REFERENCE_MERGES = {
    "Tuyên Quang": {"Hà Giang"}, "Lào Cai": {"Yên Bái"}, "Thái Nguyên": {"Bắc Kạn"},
    "Phú Thọ": {"Vĩnh Phúc", "Hòa Bình"}, "Bắc Ninh": {"Bắc Giang"},
    "Hưng Yên": {"Thái Bình"}, "Hải Phòng": {"Hải Dương"},
    "Ninh Bình": {"Hà Nam", "Nam Định"}, "Quảng Trị": {"Quảng Bình"},
    "Đà Nẵng": {"Quảng Nam"}, "Quảng Ngãi": {"Kon Tum"}, "Gia Lai": {"Bình Định"},
    "Khánh Hòa": {"Ninh Thuận"}, "Lâm Đồng": {"Đắk Nông", "Bình Thuận"},
    "Đắk Lắk": {"Phú Yên"},
    "Hồ Chí Minh": {"Bình Dương", "Bà Rịa - Vũng Tàu"}, "Đồng Nai": {"Bình Phước"},
    "Tây Ninh": {"Long An"}, "Cần Thơ": {"Sóc Trăng", "Hậu Giang"},
    "Vĩnh Long": {"Bến Tre", "Trà Vinh"}, "Đồng Tháp": {"Tiền Giang"},
    "Cà Mau": {"Bạc Liêu"}, "An Giang": {"Kiên Giang"},
}


def build_provinces(data):
    old = json.load(open(os.path.join(data, "vn-admin-63-pre2025",
                                      "vn_units_63_provinces_696_districts_pre2025.json"),
                         encoding="utf-8"))
    merges = json.load(open(os.path.join(data, "vn-admin-merger-mapping-2025",
                                         "merges_new_to_old.json"), encoding="utf-8"))
    sup = {r[0]: r for r in read_tsv(os.path.join(SRC, "province-aliases.tsv"), 3)}

    by_code = {}
    order = []
    for p in old:
        name = modern_tones(strip_unit(p["FullName"]))
        if name == "Huế":  # Thừa Thiên Huế became a centrally-run city on 2025-01-01
            name = "Thừa Thiên Huế"
        by_code[p["Code"]] = name
        order.append(p["Code"])
    if len(order) != 63:
        sys.exit(f"expected 63 pre-2025 provinces, got {len(order)}")

    successor_name = {}
    seen = set()
    for unit in merges["data"]:
        new_name = modern_tones(strip_unit(unit["name"]))
        if new_name == "Huế":
            new_name = "Thừa Thiên Huế"
        olds = [by_code[m["old_id"]] for m in unit["merges"]]
        if any(m["type"] != "full" for m in unit["merges"]):
            sys.exit(f"partial province merge in {unit['name']}")
        if new_name not in olds:
            sys.exit(f"new unit {new_name} keeps no old name: {olds}")
        absorbed = {o for o in olds if o != new_name}
        if absorbed != REFERENCE_MERGES.get(new_name, set()):
            sys.exit(f"mapping for {new_name} ({sorted(absorbed)}) disagrees with REFERENCE.md §5.2")
        for o in olds:
            seen.add(o)
            if o != new_name:
                successor_name[o] = new_name
    if len(merges["data"]) != 34 or len(seen) != 63 or len(successor_name) != 29:
        sys.exit("merger mapping does not cover 63 -> 34 units with 29 absorbed")

    ents = {}
    for code in order:
        name = by_code[code]
        s = sup.pop(name, None)
        label = s[1] if s and s[1] not in ("", "-") else name
        e = Entity("province", label)
        e.add_alias("=" + label)
        if label != name:
            e.add_alias("=" + name)
        if s:
            for a in split_aliases(s[2]):
                e.add_alias(a)
        ents[name] = e
    if sup:
        sys.exit(f"province-aliases.tsv names not found: {sorted(sup)}")
    for name, succ in successor_name.items():
        ents[name].valid_until = MERGER_DATE_END
        ents[name].successor = ents[succ].id
    result = [ents[by_code[c]] for c in order]
    preamble = """\
GENERATED by tools/build-gazetteers.py -- do not edit by hand.
Edit tools/gazetteer-src/province-aliases.tsv (aliases, labels) and re-run the script.
Sources: vn-admin-63-pre2025 (63 units before 2025-07-01), vn-admin-merger-mapping-2025
(merges_new_to_old.json, cross-checked against REFERENCE.md §5.2); see ontology/NOTICE.
Model of the 2025 merger (NQ 202/2025/QH15, effective 2025-07-01): each of the 34 new units
kept the name of one old unit; that unit is ONE entity valid before and after (valid_until -).
The 29 absorbed units end 2025-06-30 and name the surviving unit as successor.
Thừa Thiên Huế became the centrally-run city Huế on 2025-01-01 (same entity, label "Huế").
Every label is repeated as "=<label>": province names are matched case-sensitively
("Hòa Bình" the province vs "hòa bình" = peace). Prefixed forms (tỉnh X, thành phố X, TP X...)
are produced by the C matcher from the label and aliases and are not listed."""
    return render(result, preamble), result


# ---------------------------------------------------------------- ministries

def build_ministries(data):
    # ministries.csv has unquoted commas inside names ("Bộ Văn hóa, Thể thao và Du lịch",
    # "Ministry of Culture, Sports and Tourism"): split on the English name instead.
    csv_names = {}
    with open(os.path.join(data, "vn-ministries-officials-pre2025", "ministries.csv"),
              encoding="utf-8") as f:
        for n, line in enumerate(f):
            line = line.rstrip("\n")
            if n == 0 or not line:
                continue
            fields = line.split(",")
            english = next(i for i, x in enumerate(fields)
                           if i > 1 and re.match(r"(Ministry|Government|State|Committee)\b", x))
            csv_names[fields[0]] = modern_tones(",".join(fields[1:english]))
    if len(csv_names) != 22:
        sys.exit(f"expected 22 ministries/agencies in ministries.csv, got {len(csv_names)}")
    sup = read_tsv(os.path.join(SRC, "ministries.tsv"), 6)
    ents = {}
    order = []
    for key, label, aliases, vf, vu, succ in sup:
        if key.startswith("+"):
            name = label
        else:
            if key not in csv_names:
                sys.exit(f"ministries.tsv: unknown key {key}")
            name = csv_names[key] if label in ("", "-") else label
        e = Entity("ministry", name)
        for a in split_aliases(aliases):
            e.add_alias(a)
        e.valid_from, e.valid_until = vf or "-", vu or "-"
        e.successor = succ or "-"
        ents[key] = e
        order.append(key)
    missing = set(csv_names) - set(ents)
    if missing:
        sys.exit(f"ministries.tsv lacks {sorted(missing)}")
    for e in ents.values():
        if e.successor != "-":
            e.successor = ents[e.successor].id
    preamble = """\
GENERATED by tools/build-gazetteers.py -- do not edit by hand.
Edit tools/gazetteer-src/ministries.tsv and re-run the script.
Sources: vn-ministries-officials-pre2025/ministries.csv (18 ministries + 4 ministerial-level
agencies, 2021-2025 structure) and REFERENCE.md §5.1 (NQ 176/2025/QH15: 14 ministries +
3 agencies from 2025-03-01); see ontology/NOTICE.
Bodies whose name was kept are one entity valid throughout; merged bodies end 2025-02-28 and
name their successor; the two new ministries start 2025-03-01.
"Bộ Nông nghiệp" and "^Nông nghiệp" are claimed by Bộ NN&PTNT (until 2025-02-28) and Bộ NN&MT
(from 2025-03-01): the validity periods are disjoint, the resolver picks by article date.
Party organs (Bộ Chính trị, Ban Bí thư...) are organizations, not ministries."""
    return render([ents[k] for k in order], preamble), [ents[k] for k in order]


# ---------------------------------------------------------------- partners

def build_partners(data):
    cdir = os.path.join(data, "country-names-vi")
    cldr = {}
    with open(os.path.join(cdir, "umpirsky_cldr_vi_country.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            cldr[r["id"]] = nfc(r["value"])
    i18n_raw = json.load(open(os.path.join(cdir, "i18n-iso-countries_vi.json"),
                              encoding="utf-8"))["countries"]
    i18n = {k: [nfc(v)] if isinstance(v, str) else [nfc(x) for x in v]
            for k, v in i18n_raw.items()}
    sup = {r[0]: r for r in read_tsv(os.path.join(SRC, "countries.tsv"), 4)}
    codes = sorted(set(cldr) | set(i18n))
    ents = []
    excluded = []
    for code in codes:
        s = sup.get(code)
        if s and s[1] == "#EXCLUDE":
            excluded.append(code)
            continue
        names = ([cldr[code]] if code in cldr else []) + i18n.get(code, [])
        names = [modern_tones(n) for n in names]
        label = s[1] if s and s[1] not in ("", "-") else names[0]
        label = modern_tones(label)
        e = Entity("partner", label)
        drop = {fold(d) for d in split_aliases(s[3])} if s else set()
        if s:
            for a in split_aliases(s[2]):
                e.add_alias(a)
        for n in names:
            if fold(n) not in drop:
                e.add_alias(n)
        ents.append((code, e))
    unknown = set(sup) - set(codes)
    if unknown:
        sys.exit(f"countries.tsv: unknown codes {sorted(unknown)}")
    if excluded != ["VN"]:
        sys.exit(f"expected to exclude exactly VN, got {excluded}")
    ents.sort(key=lambda ce: ce[1].id)
    extra = []
    for label, aliases, related in read_tsv(os.path.join(SRC, "partners-extra.tsv"), 3):
        if label.startswith("##"):
            continue
        e = Entity("partner", label)
        for a in split_aliases(aliases):
            e.add_alias(a)
        e.related = split_aliases(related)
        extra.append(e)
    preamble = f"""\
GENERATED by tools/build-gazetteers.py -- do not edit by hand.
Edit tools/gazetteer-src/countries.tsv (labels and aliases of countries) and
tools/gazetteer-src/partners-extra.tsv (blocs, international bodies, foreign companies),
then re-run the script.
Sources: country-names-vi (umpirsky/country-list CLDR names and i18n-iso-countries vi.json,
union of both, {len(ents)} ISO 3166-1 entries); see ontology/NOTICE.
Việt Nam (VN) is deliberately excluded: it is the home country, not a partner.
Countries come first (sorted by id), then blocs, international bodies and companies.
Short names that are ordinary words or given names need a cue ("~Anh", "~Pháp", "~Đức",
"~Nhật", "~Hàn", "~Nga", "~Séc", "~Ý", "~Áo", "~Mỹ"): see tools/gazetteer-src/countries.tsv."""
    return render([e for _, e in ents] + extra, preamble), [e for _, e in ents] + extra


# ---------------------------------------------------------------- surnames

def build_surnames(data):
    path = os.path.join(data, "vn-ministries-officials-pre2025", "national_assembly_members_1-14.csv")
    count = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            toks = nfc(r["name"].replace("\u00d0", "Đ")).split()
            if toks:
                count[toks[0]] += 1
    rows = read_tsv(os.path.join(SRC, "surnames.tsv"), 3)
    reject = {r[1] for r in rows if r[0] == "-"}
    add = [r[1] for r in rows if r[0] == "+"]
    names = []
    for name, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= 2 and name not in reject:
            names.append(name)
    for name in add:
        if name not in names:
            names.append(name)
    # drop pure tone-placement duplicates, keep the modern one
    out, keys = [], set()
    for name in names:
        m = modern_tones(name)
        if fold(m) in keys:
            continue
        keys.add(fold(m))
        out.append(m)
    head = [
        "# GENERATED by tools/build-gazetteers.py -- do not edit by hand.",
        "# Vietnamese family names, one per line (multi-token clan names allowed), most frequent first.",
        "# Source: first tokens occurring >= 2 times in national_assembly_members_1-14.csv",
        "# (vn-ministries-officials-pre2025, NFC, Ð->Đ), minus the rejections and plus the",
        "# additions of tools/gazetteer-src/surnames.tsv (Kinh, Khmer, Tày-Thái, H'Mông, Dao,",
        "# Jrai and Ê Đê names). 'Y' and \"H'\" are name prefixes of Ê Đê / Jrai personal names.",
    ]
    return "\n".join(head + out) + "\n", out


# ---------------------------------------------------------------- main

LICENSES = [
    ("vn-admin-63-pre2025/LICENSE", "LICENSE.vietnamese-provinces-database"),
    ("vn-admin-merger-mapping-2025/LICENSE", "LICENSE.dvhcvn-20250701"),
    ("vn-ministries-officials-pre2025/LICENSE", "LICENSE.vietnamdb"),
    ("country-names-vi/LICENSE.umpirsky-country-list", "LICENSE.umpirsky-country-list"),
    ("country-names-vi/LICENSE.i18n-iso-countries", "LICENSE.i18n-iso-countries"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(ROOT), "shared", "data"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        sys.exit(f"reference data not found: {args.data} (use --data)")
    outputs = {}
    text, prov = build_provinces(args.data)
    outputs["ontology/gazetteer/provinces.tsv"] = text
    text, mins = build_ministries(args.data)
    outputs["ontology/gazetteer/ministries.tsv"] = text
    text, parts = build_partners(args.data)
    outputs["ontology/gazetteer/partners.tsv"] = text
    text, surn = build_surnames(args.data)
    outputs["ontology/surnames.txt"] = text
    for src, dst in LICENSES:
        with open(os.path.join(args.data, src), encoding="utf-8") as f:
            outputs["ontology/licenses/" + dst] = f.read()
    changed = []
    for rel, text in outputs.items():
        path = os.path.join(ROOT, rel)
        try:
            with open(path, encoding="utf-8") as f:
                if f.read() == text:
                    continue
        except FileNotFoundError:
            pass
        changed.append(rel)
        if not args.check:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            os.replace(path + ".tmp", path)
    print(f"provinces {len(prov)}, ministries {len(mins)}, partners {len(parts)}, "
          f"surnames {len(surn)}; {'out of date' if args.check else 'written'}: "
          f"{', '.join(changed) or 'none'}")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
