#!/usr/bin/python3
"""Validate the gold annotations of tests/corpus (stdlib only).

Checks, for gold/entities.tsv and gold/relations.tsv:
  * UTF-8, NFC, tab-separated, the header line first, '#' comment lines allowed;
  * every article id exists (tests/corpus/articles/*, samples/*.txt, ids inside *.jsonl);
  * entity types and relations are valid, with the endpoint types of DESIGN.md;
    role given for holds_office and only for it; no duplicate rows;
  * every relation endpoint is also an entity row of the same article;
  * province and ministry labels are gazetteer labels, valid on the article's date
    (dates come from the table in tests/corpus/README.md);
  * every label (or, for gazetteer entities, one of its aliases) literally occurs in the
    article text, compared after NFC, Ð (U+00D0) -> Đ, case folding, tone-placement
    folding ("hoá" = "hóa", "uỷ" = "ủy"), dash and whitespace folding (NBSP = space),
    HTML entity decoding, and, for documents, dropping "số " before the number.
    Exceptions: rows listed as "# exception<TAB>article<TAB>type<TAB>label<TAB>reason"
    in entities.tsv, and the organisations implied by a title (Chính phủ by "Thủ tướng",
    Nhà nước by "Chủ tịch nước", Ban Chấp hành Trung ương Đảng by "Tổng Bí thư").
Exit status 0 when everything passes; errors are printed one per line.
"""
import glob
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
ARTICLES = os.path.join(HERE, 'articles')
SAMPLES = os.path.join(ROOT, 'samples')
GAZ = os.path.join(ROOT, 'ontology', 'gazetteer')
GOLD = os.path.join(HERE, 'gold')

TYPES = {'official', 'province', 'ministry', 'partner', 'agreement', 'document', 'organization'}
RELATIONS = {
    'holds_office': ({'official'}, {'ministry', 'province', 'partner', 'organization'}),
    'represents': ({'official'}, {'province'}),
    'agreement_with': ({'agreement'}, {'partner'}),
    'issued_by': ({'document'}, {'organization', 'ministry'}),
}
ENT_HEADER = ['article', 'type', 'label']
REL_HEADER = ['article', 'relation', 'from_type', 'from_label', 'to_type', 'to_label', 'role']
IMPLIED = {
    'Chính phủ': ['thủ tướng'],
    'Nhà nước': ['chủ tịch nước'],
    'Ban Chấp hành Trung ương Đảng': ['tổng bí thư', 'ủy viên trung ương đảng'],
}

errors = []


def err(msg):
    errors.append(msg)


# ---------------------------------------------------------------- normalisation
TONES = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}
DASHES = dict.fromkeys(map(ord, '\u2010\u2011\u2012\u2013\u2014\u2212'), '-')


def fold(s):
    """NFC-insensitive, case-insensitive, tone-placement-insensitive form of s."""
    s = html.unescape(s)
    s = unicodedata.normalize('NFC', s)
    s = s.replace('\u00d0', '\u0110').replace('\u00f0', '\u0111')
    s = s.translate(DASHES).casefold()
    s = re.sub(r'\s*-\s*', ' - ', s)
    s = re.sub(r'[\s\u00a0]+', ' ', s)
    # Move the tone mark of every word (a run of letters, digits and combining marks)
    # to the end of that word.
    out = []
    for word in re.split(r'((?:\w|[\u0300-\u036f])+)', unicodedata.normalize('NFD', s)):
        marks = [c for c in word if c in TONES]
        base = ''.join(c for c in word if c not in TONES)
        out.append(base + ''.join(sorted(marks)))
    return ' ' + unicodedata.normalize('NFC', ''.join(out)) + ' '


def occurs(needle, hay):
    n = fold(needle).strip()
    if not n:
        return False
    # whole-word match: the needle must not start or end inside a word
    return re.search(r'(?<!\w)' + re.escape(n) + r'(?!\w)', hay) is not None


# ---------------------------------------------------------------- articles
def load_articles():
    texts = {}
    for path in sorted(glob.glob(os.path.join(ARTICLES, '*'))):
        name = os.path.basename(path)
        stem, ext = os.path.splitext(name)
        if ext == '.jsonl':
            with open(path, encoding='utf-8') as f:
                for n, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except ValueError as e:
                        err(f'{name}:{n}: bad JSON: {e}')
                        continue
                    for k in ('id', 'url', 'date', 'title', 'text'):
                        if k not in rec:
                            err(f'{name}:{n}: missing field {k}')
                    texts[str(rec.get('id'))] = rec.get('title', '') + '\n' + rec.get('text', '')
        elif ext in ('.txt', '.html'):
            with open(path, encoding='utf-8') as f:
                texts[stem] = f.read()
        elif name != 'README.md':
            err(f'articles/{name}: unexpected file')
    for path in sorted(glob.glob(os.path.join(SAMPLES, '*.txt'))):
        with open(path, encoding='utf-8') as f:
            texts[os.path.splitext(os.path.basename(path))[0]] = f.read()
    return texts


def load_dates():
    """Article dates from the README table: | id | outlet | date | format | ... |"""
    dates = {}
    path = os.path.join(HERE, 'README.md')
    with open(path, encoding='utf-8') as f:
        for line in f:
            cells = [c.strip().strip('`') for c in line.strip().strip('|').split('|')]
            if len(cells) >= 4 and re.match(r'^\d{4}-\d{2}(-\d{2})?', cells[2]):
                d = re.match(r'^\d{4}-\d{2}(-\d{2})?', cells[2]).group(0)
                dates[cells[0]] = d if len(d) == 10 else d + '-15'
    return dates


# ---------------------------------------------------------------- gazetteers
def load_gazetteers():
    gaz = {}  # (type, label) -> dict(aliases, valid_from, valid_until)
    for path in glob.glob(os.path.join(GAZ, '*.tsv')):
        with open(path, encoding='utf-8') as f:
            header = None
            for line in f:
                line = line.rstrip('\n')
                if not line or line.startswith('#'):
                    continue
                cols = line.split('\t')
                if header is None:
                    header = cols
                    continue
                row = dict(zip(header, cols))
                aliases = [] if row['aliases'] in ('', '-') else row['aliases'].split('|')
                aliases = [a[1:] if a[:1] in '=~^' else a for a in aliases]
                gaz[(row['type'], row['label'])] = {
                    'aliases': [row['label']] + aliases,
                    'from': row.get('valid_from', '-'), 'until': row.get('valid_until', '-'),
                }
    return gaz


# ---------------------------------------------------------------- TSV reading
def read_tsv(name, header):
    path = os.path.join(GOLD, name)
    rows, exceptions = [], []
    with open(path, 'rb') as f:
        raw = f.read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        err(f'{name}: not UTF-8: {e}')
        return rows, exceptions
    if unicodedata.normalize('NFC', text) != text:
        err(f'{name}: not NFC')
    if '\r' in text:
        err(f'{name}: CR line endings')
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if not lines or lines[0].split('\t') != header:
        err(f'{name}: first line must be the header {header!r}')
        return rows, exceptions
    for n, line in enumerate(lines[1:], 2):
        if line.startswith('#'):
            if line.startswith('# exception\t'):
                parts = line.split('\t')
                if len(parts) != 5:
                    err(f'{name}:{n}: exception needs article, type, label, reason')
                else:
                    exceptions.append((parts[1], parts[2], parts[3]))
            continue
        if not line.strip():
            err(f'{name}:{n}: blank line')
            continue
        cols = line.split('\t')
        if len(cols) != len(header):
            err(f'{name}:{n}: {len(cols)} columns, expected {len(header)}')
            continue
        if any(c != c.strip() for c in cols):
            err(f'{name}:{n}: stray whitespace around a field')
        rows.append((n, cols))
    return rows, exceptions


def main():
    texts = load_articles()
    folded = {k: fold(v) for k, v in texts.items()}
    dates = load_dates()
    gaz = load_gazetteers()
    ents, exceptions = read_tsv('entities.tsv', ENT_HEADER)
    rels, _ = read_tsv('relations.tsv', REL_HEADER)
    exceptions = set(exceptions)

    seen = set()
    by_article = {}
    for n, (art, typ, label) in ents:
        where = f'entities.tsv:{n}'
        if art not in texts:
            err(f'{where}: unknown article {art!r}')
            continue
        if typ not in TYPES:
            err(f'{where}: bad type {typ!r}')
            continue
        if (art, typ, label) in seen:
            err(f'{where}: duplicate row')
        seen.add((art, typ, label))
        by_article.setdefault(art, set()).add((typ, label))
        g = gaz.get((typ, label))
        if typ in ('province', 'ministry'):
            if g is None:
                err(f'{where}: {typ} label {label!r} is not a gazetteer label')
            elif art in dates:
                d = dates[art]
                if (g['from'] != '-' and d < g['from']) or (g['until'] != '-' and d > g['until']):
                    err(f'{where}: {label!r} not valid on {d} ({g["from"]}..{g["until"]})')
        if art not in dates:
            err(f'{where}: article {art!r} has no date in README.md')
        if (art, typ, label) in exceptions:
            continue
        hay = folded[art]
        if typ == 'document':
            hay = re.sub(r'(?<!\w)số (?=\S*\d)', '', hay)
        candidates = g['aliases'] if g else [label]
        if any(occurs(c, hay) for c in candidates):
            continue
        if typ == 'organization' and label in IMPLIED and any(occurs(t, hay) for t in IMPLIED[label]):
            continue
        err(f'{where}: {typ} {label!r} does not occur in {art}')

    for art, typ, label in exceptions:
        if (art, typ, label) not in seen:
            err(f'entities.tsv: exception for a missing row {art} {typ} {label!r}')

    rseen = set()
    for n, (art, rel, ft, fl, tt, tl, role) in rels:
        where = f'relations.tsv:{n}'
        if art not in texts:
            err(f'{where}: unknown article {art!r}')
            continue
        if rel not in RELATIONS:
            err(f'{where}: bad relation {rel!r}')
            continue
        froms, tos = RELATIONS[rel]
        if ft not in froms or tt not in tos:
            err(f'{where}: {rel} cannot go {ft} -> {tt}')
        if (rel == 'holds_office') != bool(role):
            err(f'{where}: role must be set for holds_office and only for it')
        key = (art, rel, ft, fl, tt, tl, role)
        if key in rseen:
            err(f'{where}: duplicate row')
        rseen.add(key)
        for t, l in ((ft, fl), (tt, tl)):
            if (t, l) not in by_article.get(art, set()):
                err(f'{where}: endpoint {t} {l!r} is not in entities.tsv for {art}')

    missing = sorted(set(texts) - set(by_article))
    for art in missing:
        err(f'article {art} has no gold entities')

    for e in errors:
        print(e)
    counts = {}
    for _, (art, typ, label) in ents:
        counts[typ] = counts.get(typ, 0) + 1
    rcounts = {}
    for _, cols in rels:
        rcounts[cols[1]] = rcounts.get(cols[1], 0) + 1
    print(f'{len(texts)} articles, {len(ents)} entity rows {dict(sorted(counts.items()))}, '
          f'{len(rels)} relation rows {dict(sorted(rcounts.items()))}, {len(errors)} error(s)',
          file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
