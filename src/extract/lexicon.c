/* SPDX-License-Identifier: MIT */
/* Loading ontology/ lexicons into token tries. Formats: ontology/README.md. */
#include "../util/array.h"
#include "lexicon_internal.h"
#include "vnkg_config.h"

#include <vnkg/normalise.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NO_PAYLOAD SIZE_MAX

static const char *const cue_names[] = {
    "person_prefix",      "partner_cue",
    "province_prefix",    "not_province_prefix",
    "byline_marker",      "bridge_point",
    "event_word",         "agreement_head",
    "document_head",      "company_head",
    "not_entity",         "chair_verb",
    "attend_verb",        "boilerplate",
    "boilerplate_end",    "city_province",
    "publication_prefix", "portfolio_word",
    "org_head",           "city_prefix",
    "local_unit",
};
/* every kind needs its name: a missing one would be a NULL in the table */
_Static_assert(sizeof cue_names / sizeof cue_names[0] == CUE_COUNT,
               "cue_names");

static const char *const gazetteers[] = {
    "provinces", "ministries", "partners", "organizations", "agreements", NULL};

/* ---- growable arrays ---- */

static VnkgStatus
grow(VnkgContext *ctx, void **arr, size_t *cap, size_t count, size_t size)
{
    return vnkg_array_reserve(ctx, arr, cap, count, size, 64);
}

/* ---- trie ---- */

#define NO_TOKEN SIZE_MAX
/* cue kinds are bits of a node's uint32_t mask */
_Static_assert(CUE_COUNT <= 32, "cue kinds fit node_cues");

static VnkgStatus
new_node(VnkgContext *ctx, VnkgLexicon *lex, size_t *out)
{
    VNKG_TRY(grow(ctx, (void **)&lex->node_payload, &lex->cap_nodes,
                  lex->n_nodes, sizeof *lex->node_payload));
    VNKG_TRY(grow(ctx, (void **)&lex->node_cues, &lex->cap_node_cues,
                  lex->n_nodes, sizeof *lex->node_cues));
    lex->node_payload[lex->n_nodes] = NO_PAYLOAD;
    lex->node_cues[lex->n_nodes] = 0;
    *out = lex->n_nodes++;
    return VNKG_SUCCESS;
}

/* The number of a token key in the forms' vocabulary, or NO_TOKEN. */
static size_t
token_number(const VnkgLexicon *lex, const char *key)
{
    size_t id;
    return vnkg_strmap_get(&lex->vocab, key, strlen(key), &id) == VNKG_SUCCESS
               ? id
               : NO_TOKEN;
}

static VnkgStatus
add_token_number(VnkgContext *ctx, VnkgLexicon *lex, const char *key,
                 size_t *out)
{
    if ((*out = token_number(lex, key)) != NO_TOKEN) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(grow(ctx, (void **)&lex->vocab_keys, &lex->cap_vocab, lex->n_vocab,
                  sizeof *lex->vocab_keys));
    char *copy = vnkg_strdup(ctx, key);
    if (!copy) {
        return VNKG_ERR_NO_MEMORY;
    }
    lex->vocab_keys[lex->n_vocab] = copy;
    VnkgStatus st =
        vnkg_strmap_put(ctx, &lex->vocab, copy, strlen(copy), lex->n_vocab);
    if (st != VNKG_SUCCESS) {
        vnkg_free(ctx, copy);
        return st;
    }
    *out = lex->n_vocab++;
    return VNKG_SUCCESS;
}

static uint64_t
edge_key(size_t node, size_t token)
{
    return (((uint64_t)node << 32) | (uint64_t)token) + 1;
}

static size_t
edge_slot(const LexEdge *tab, size_t cap, uint64_t key)
{
    uint64_t h = key * 0x9e3779b97f4a7c15ULL;
    size_t mask = cap - 1, i = (size_t)(h ^ (h >> 29)) & mask;
    while (tab[i].key && tab[i].key != key) {
        i = (i + 1) & mask;
    }
    return i;
}

/* The child of `node` by token number `token`; NO_PAYLOAD when none. */
static size_t
edge_child(const VnkgLexicon *lex, size_t node, size_t token)
{
    if (lex->cap_edges == 0 || token == NO_TOKEN) {
        return NO_PAYLOAD;
    }
    const LexEdge *e = &lex->edges[edge_slot(lex->edges, lex->cap_edges,
                                             edge_key(node, token))];
    return e->key ? e->child : NO_PAYLOAD;
}

static VnkgStatus
grow_edges(VnkgContext *ctx, VnkgLexicon *lex)
{
    size_t cap = lex->cap_edges ? lex->cap_edges * 2 : 1024;
    LexEdge *tab = vnkg_calloc(ctx, cap, sizeof *tab);
    if (!tab) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < lex->cap_edges; ++i) {
        if (lex->edges[i].key) {
            tab[edge_slot(tab, cap, lex->edges[i].key)] = lex->edges[i];
        }
    }
    vnkg_free(ctx, lex->edges);
    lex->edges = tab;
    lex->cap_edges = cap;
    return VNKG_SUCCESS;
}

static VnkgStatus
child(VnkgContext *ctx, VnkgLexicon *lex, size_t node, const char *tok_key,
      size_t *out)
{
    size_t token;
    VNKG_TRY(add_token_number(ctx, lex, tok_key, &token));
    if ((*out = edge_child(lex, node, token)) != NO_PAYLOAD) {
        return VNKG_SUCCESS;
    }
    if ((lex->n_edges + 1) * 2 >= lex->cap_edges) {
        VNKG_TRY(grow_edges(ctx, lex));
    }
    VNKG_TRY(new_node(ctx, lex, out));
    uint64_t key = edge_key(node, token);
    lex->edges[edge_slot(lex->edges, lex->cap_edges, key)] =
        (LexEdge){key, *out};
    lex->n_edges++;
    return VNKG_SUCCESS;
}

/* Adds one surface form (clean text) with its payload to the trie. */
static VnkgStatus
add_form(VnkgContext *ctx, VnkgLexicon *lex, const char *form,
         LexPayload payload)
{
    char *clean;
    size_t clean_len;
    VNKG_TRY(
        vnkg_normalise_text(ctx, NULL, form, strlen(form), &clean, &clean_len));
    VnkgSegments seg;
    VnkgStatus st = vnkg_segment_text(ctx, clean, clean_len, &seg);
    vnkg_free(ctx, clean);
    if (st != VNKG_SUCCESS) {
        return st;
    }
    if (seg.n_tokens == 0 || seg.n_tokens > 32) {
        vnkg_segments_clear(ctx, &seg);
        return VNKG_SUCCESS; /* nothing matchable */
    }
    size_t node = 0;
    payload.capmask = 0;
    for (size_t k = 0; st == VNKG_SUCCESS && k < seg.n_tokens; ++k) {
        if (seg.tokens[k].flags & VNKG_TOK_CAP) {
            payload.capmask |= (uint32_t)1 << k;
        }
        st = child(ctx, lex, node, seg.tokens[k].key, &node);
    }
    payload.ntok = (unsigned)seg.n_tokens;
    vnkg_segments_clear(ctx, &seg);
    VNKG_TRY(st);
    VNKG_TRY(grow(ctx, (void **)&lex->payloads, &lex->cap_payloads,
                  lex->n_payloads, sizeof *lex->payloads));
    payload.next = lex->node_payload[node];
    lex->payloads[lex->n_payloads] = payload;
    lex->node_payload[node] = lex->n_payloads++;
    if (payload.kind == PL_CUE) {
        lex->node_cues[node] |= (uint32_t)1 << payload.index;
    }
    lex->n_forms++;
    return VNKG_SUCCESS;
}

/* The trie walk from token i; `ids` holds the token numbers of tokens
 * [i, n) (ids[0] is token i's) when not NULL, else they are looked up on
 * the way. */
static size_t
walk(const VnkgLexicon *lex, const VnkgToken *toks, const size_t *ids, size_t n,
     size_t i, LexMatch *out, size_t max)
{
    size_t found = 0, node = 0;
    for (size_t k = i; k < n && found < max; ++k) {
        size_t token = ids ? ids[k - i] : token_number(lex, toks[k].key);
        node = k > i               ? edge_child(lex, node, token)
               : token == NO_TOKEN ? NO_PAYLOAD
                                   : lex->root_child[token];
        if (node == NO_PAYLOAD) {
            break;
        }
        if (lex->node_payload[node] != NO_PAYLOAD) {
            out[found].len = k - i + 1;
            out[found].payload = lex->node_payload[node];
            out[found].cues = lex->node_cues[node];
            found++;
        }
    }
    return found;
}

/* The token numbers of tokens [i, n) when the cache has them, else NULL. */
static const size_t *
known_ids(const LexCache *cache, const VnkgToken *toks, size_t i, size_t n)
{
    return cache && cache->ids_of == toks && n <= cache->n_ids ? cache->ids + i
                                                               : NULL;
}

size_t
lex_match(const VnkgLexicon *lex, const LexCache *cache, const VnkgToken *toks,
          size_t n, size_t i, LexMatch *out, size_t max)
{
    if (!cache || i < cache->first || i >= cache->end || n > cache->end) {
        return walk(lex, toks, known_ids(cache, toks, i, n), n, i, out, max);
    }
    const LexMatch *m = &cache->m[(i - cache->first) * LEX_CACHE_PER_TOKEN];
    size_t have = cache->n[i - cache->first], found = 0;
    for (size_t k = 0; k < have && found < max; ++k) {
        if (m[k].len <= n - i) { /* within the range asked for */
            out[found++] = m[k];
        }
    }
    return found;
}

/* Extends the numbered tokens of `toks` to [0, n). */
static VnkgStatus
number_tokens(VnkgContext *ctx, const VnkgLexicon *lex, LexCache *cache,
              const VnkgToken *toks, size_t n)
{
    if (cache->ids_of != toks) {
        cache->ids_of = toks;
        cache->n_ids = 0;
    }
    if (n > cache->cap_ids) {
        size_t cap = n * 2;
        size_t *ids = vnkg_realloc(ctx, cache->ids, cap * sizeof *ids);
        if (!ids) {
            cache->ids_of = NULL;
            cache->n_ids = 0;
            return VNKG_ERR_NO_MEMORY;
        }
        cache->ids = ids;
        cache->cap_ids = cap;
    }
    for (size_t i = cache->n_ids; i < n; ++i) {
        cache->ids[i] = token_number(lex, toks[i].key);
    }
    if (n > cache->n_ids) {
        cache->n_ids = n;
    }
    return VNKG_SUCCESS;
}

VnkgStatus
lex_cache_document(VnkgContext *ctx, const VnkgLexicon *lex, LexCache *cache,
                   const VnkgToken *toks, size_t n)
{
    cache->ids_of = NULL; /* a new document, maybe at the old address */
    cache->first = cache->end = 0;
    return number_tokens(ctx, lex, cache, toks, n);
}

VnkgStatus
lex_cache_fill(VnkgContext *ctx, const VnkgLexicon *lex, LexCache *cache,
               const VnkgToken *toks, size_t first, size_t end)
{
    size_t n = end - first;
    if (n > cache->cap) {
        size_t cap = n * 2;
        LexMatch *m =
            vnkg_realloc(ctx, cache->m, cap * LEX_CACHE_PER_TOKEN * sizeof *m);
        if (!m) {
            return VNKG_ERR_NO_MEMORY;
        }
        cache->m = m;
        unsigned char *c = vnkg_realloc(ctx, cache->n, cap);
        if (!c) {
            return VNKG_ERR_NO_MEMORY;
        }
        cache->n = c;
        uint32_t *cues = vnkg_realloc(ctx, cache->cues, cap * sizeof *cues);
        if (!cues) {
            return VNKG_ERR_NO_MEMORY;
        }
        cache->cues = cues;
        cache->cap = cap;
    }
    cache->first = cache->end = 0; /* not valid while filling */
    VNKG_TRY(number_tokens(ctx, lex, cache, toks, end));
    for (size_t i = first; i < end; ++i) {
        LexMatch *m = &cache->m[(i - first) * LEX_CACHE_PER_TOKEN];
        size_t found =
            walk(lex, toks, &cache->ids[i], end, i, m, LEX_CACHE_PER_TOKEN);
        uint32_t cues = 0;
        for (size_t k = 0; k < found; ++k) {
            cues |= m[k].cues;
        }
        cache->n[i - first] = (unsigned char)found;
        cache->cues[i - first] = cues;
    }
    cache->first = first;
    cache->end = end;
    return VNKG_SUCCESS;
}

void
lex_cache_clear(VnkgContext *ctx, LexCache *cache)
{
    vnkg_free(ctx, cache->m);
    vnkg_free(ctx, cache->n);
    vnkg_free(ctx, cache->cues);
    vnkg_free(ctx, cache->ids);
    memset(cache, 0, sizeof *cache);
}

int
lex_case_ok(const LexPayload *p, const VnkgToken *toks, size_t i)
{
    for (unsigned k = 0; k < p->ntok; ++k) {
        if ((p->capmask >> k) & 1u) {
            if (!(toks[i + k].flags & (VNKG_TOK_CAP | VNKG_TOK_NUMBER))) {
                return 0;
            }
        }
    }
    return 1;
}

size_t
lex_cue_at_walk(const VnkgLexicon *lex, const LexCache *cache,
                const VnkgToken *toks, size_t n, size_t i, CueKind kind)
{
    LexMatch m[8];
    size_t found = lex_match(lex, cache, toks, n, i, m, 8);
    size_t best = 0;
    for (size_t k = 0; k < found; ++k) {
        if ((m[k].cues >> kind) & 1u) {
            best = m[k].len;
        }
    }
    return best;
}

/* The longest cue ending right before token i decides: in "điểm cầu Đắk
 * Nông" the bridge-point cue wins over "cầu" (a bridge, not a province). */
int
lex_cue_before(const VnkgLexicon *lex, const LexCache *cache,
               const VnkgToken *toks, size_t i, size_t first, CueKind kind)
{
    for (size_t k = 4; k >= 1; --k) {
        if (k > i - first) {
            continue;
        }
        size_t at = i - k;
        if (cache && at >= cache->first && at < cache->end && i <= cache->end &&
            cache->cues[at - cache->first] == 0) {
            continue; /* no match from there is a cue */
        }
        LexMatch m[8];
        size_t found = lex_match(lex, cache, toks, i, i - k, m, 8);
        for (size_t j = 0; j < found; ++j) {
            if (m[j].len == k && m[j].cues) {
                return (m[j].cues >> kind) & 1u;
            }
        }
    }
    return 0;
}

size_t
lex_entry_by_id(const VnkgLexicon *lex, const char *id)
{
    size_t idx;
    if (vnkg_strmap_get(&lex->entry_ids, id, strlen(id), &idx) ==
        VNKG_SUCCESS) {
        return idx;
    }
    return SIZE_MAX;
}

int
lex_is_surname(const VnkgLexicon *lex, const VnkgToken *tok)
{
    size_t v;
    return vnkg_strmap_get(&lex->surnames, tok->key, strlen(tok->key), &v) ==
           VNKG_SUCCESS;
}

/* ---- files ---- */

static VnkgStatus
read_file(VnkgContext *ctx, const char *path, char **out)
{
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        return vnkg_diag(ctx, VNKG_ERR_IO, "%s: %s", path, strerror(errno));
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = vnkg_malloc(ctx, cap);
    VnkgStatus st = buf ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    while (st == VNKG_SUCCESS) {
        if (len + 1 >= cap) {
            char *p = vnkg_realloc(ctx, buf, cap * 2);
            if (!p) {
                st = VNKG_ERR_NO_MEMORY;
                break;
            }
            buf = p;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, fp);
        len += n;
        if (n == 0) {
            if (ferror(fp)) {
                st = vnkg_diag(ctx, VNKG_ERR_IO, "%s: read error", path);
            }
            break;
        }
    }
    fclose(fp);
    if (st != VNKG_SUCCESS) {
        vnkg_free(ctx, buf);
        return st;
    }
    buf[len] = '\0';
    *out = buf;
    return VNKG_SUCCESS;
}

/* Splits `line` in place on tabs; returns the number of fields. */
static size_t
split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < max; ++p) {
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
    }
    return n;
}

static char *
dup_field(VnkgContext *ctx, const char *f)
{
    if (f[0] == '\0' || strcmp(f, "-") == 0) {
        return NULL;
    }
    return vnkg_strdup(ctx, f);
}

/* Splits `s` on '|' into a new array of new strings. */
static VnkgStatus
split_bars(VnkgContext *ctx, const char *s, char ***out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    if (s[0] == '\0' || strcmp(s, "-") == 0) {
        return VNKG_SUCCESS;
    }
    size_t n = 1;
    for (const char *p = s; *p; ++p) {
        n += *p == '|';
    }
    char **arr = vnkg_calloc(ctx, n, sizeof *arr);
    if (!arr) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t k = 0;
    const char *start = s;
    for (const char *p = s;; ++p) {
        if (*p == '|' || *p == '\0') {
            if (p > start) {
                arr[k] = vnkg_strndup(ctx, start, (size_t)(p - start));
                if (!arr[k]) {
                    for (size_t j = 0; j < k; ++j) {
                        vnkg_free(ctx, arr[j]);
                    }
                    vnkg_free(ctx, arr);
                    return VNKG_ERR_NO_MEMORY;
                }
                k++;
            }
            if (*p == '\0') {
                break;
            }
            start = p + 1;
        }
    }
    *out = arr;
    *n_out = k;
    return VNKG_SUCCESS;
}

static void
free_strings(VnkgContext *ctx, char **arr, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        vnkg_free(ctx, arr[i]);
    }
    vnkg_free(ctx, arr);
}

/* Iterates the data lines of a TSV file: skips comments, blank lines and
 * the header (checked against `header`). */
typedef VnkgStatus (*LineFn)(VnkgContext *ctx, VnkgLexicon *lex, char *line,
                             const char *path, size_t lineno);

static VnkgStatus
each_line(VnkgContext *ctx, VnkgLexicon *lex, const char *path,
          const char *header, LineFn fn)
{
    char *data;
    VNKG_TRY(read_file(ctx, path, &data));
    VnkgStatus st = VNKG_SUCCESS;
    int seen_header = header == NULL;
    size_t lineno = 0;
    char *line = data;
    while (st == VNKG_SUCCESS && line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) {
            *nl = '\0';
        }
        lineno++;
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r') {
            line[len - 1] = '\0';
        }
        if (line[0] != '#' && line[0] != '\0') {
            if (!seen_header) {
                if (strcmp(line, header) != 0) {
                    st = vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX,
                                   "%s:%zu: expected header \"%s\"", path,
                                   lineno, header);
                }
                seen_header = 1;
            } else {
                st = fn(ctx, lex, line, path, lineno);
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    vnkg_free(ctx, data);
    return st;
}

static VnkgStatus
add_aliases(VnkgContext *ctx, VnkgLexicon *lex, size_t entry, const char *label,
            const char *aliases)
{
    LexPayload p = {PL_ENTRY, entry, MARK_NONE, 0, 0, NO_PAYLOAD};
    char **list;
    size_t n;
    VNKG_TRY(split_bars(ctx, aliases, &list, &n));
    /* a label repeated among the aliases with a marker is matched only in
     * that marked form (ontology/gazetteer format) */
    int label_marked = 0;
    for (size_t i = 0; i < n; ++i) {
        label_marked |= list[i][0] && strchr("=~^", list[i][0]) &&
                        strcmp(list[i] + 1, label) == 0;
    }
    VnkgStatus st = label_marked ? VNKG_SUCCESS : add_form(ctx, lex, label, p);
    for (size_t i = 0; st == VNKG_SUCCESS && i < n; ++i) {
        const char *form = list[i];
        p.marker = MARK_NONE;
        if (form[0] == '=' || form[0] == '~' || form[0] == '^') {
            p.marker = form[0];
            form++;
        }
        st = add_form(ctx, lex, form, p);
    }
    free_strings(ctx, list, n);
    return st;
}

static VnkgStatus
gazetteer_line(VnkgContext *ctx, VnkgLexicon *lex, char *line, const char *path,
               size_t lineno)
{
    char *f[9];
    if (split_tabs(line, f, 9) != 8) {
        return vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX,
                         "%s:%zu: expected 8 tab-separated fields", path,
                         lineno);
    }
    VnkgEntityType type;
    if (vnkg_entity_type_parse(f[1], &type) != VNKG_SUCCESS) {
        return vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX, "%s:%zu: unknown type %s",
                         path, lineno, f[1]);
    }
    if (lex_entry_by_id(lex, f[0]) != SIZE_MAX) {
        return vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX, "%s:%zu: duplicate id %s",
                         path, lineno, f[0]);
    }
    VNKG_TRY(grow(ctx, (void **)&lex->entries, &lex->cap_entries,
                  lex->n_entries, sizeof *lex->entries));
    LexEntry *e = &lex->entries[lex->n_entries];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->id = vnkg_strdup(ctx, f[0]);
    e->label = vnkg_strdup(ctx, f[2]);
    e->valid_from = dup_field(ctx, f[4]);
    e->valid_until = dup_field(ctx, f[5]);
    e->successor = dup_field(ctx, f[6]);
    size_t idx = lex->n_entries++;
    if (!e->id || !e->label) {
        return VNKG_ERR_NO_MEMORY;
    }
    VNKG_TRY(split_bars(ctx, f[7], &e->related, &e->n_related));
    VNKG_TRY(vnkg_strmap_put(ctx, &lex->entry_ids, e->id, strlen(e->id), idx));
    return add_aliases(ctx, lex, idx, f[2], f[3]);
}

static VnkgStatus
title_line(VnkgContext *ctx, VnkgLexicon *lex, char *line, const char *path,
           size_t lineno)
{
    char *f[5];
    if (split_tabs(line, f, 5) != 4) {
        return vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX,
                         "%s:%zu: expected 4 tab-separated fields", path,
                         lineno);
    }
    VNKG_TRY(grow(ctx, (void **)&lex->titles, &lex->cap_titles, lex->n_titles,
                  sizeof *lex->titles));
    LexTitle *t = &lex->titles[lex->n_titles];
    memset(t, 0, sizeof *t);
    t->scope = strcmp(f[3], "vn") == 0        ? SCOPE_VN
               : strcmp(f[3], "foreign") == 0 ? SCOPE_FOREIGN
                                              : SCOPE_ANY;
    t->title = vnkg_strdup(ctx, f[0]);
    t->role = vnkg_strdup(ctx, f[1]);
    size_t idx = lex->n_titles++;
    if (!t->title || !t->role) {
        return VNKG_ERR_NO_MEMORY;
    }
    VNKG_TRY(split_bars(ctx, f[2], &t->attach, &t->n_attach));
    LexPayload p = {PL_TITLE, idx, MARK_NONE, 0, 0, NO_PAYLOAD};
    return add_form(ctx, lex, f[0], p);
}

static VnkgStatus
cue_line(VnkgContext *ctx, VnkgLexicon *lex, char *line, const char *path,
         size_t lineno)
{
    char *f[3];
    if (split_tabs(line, f, 3) != 2) {
        return vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX,
                         "%s:%zu: expected 2 tab-separated fields", path,
                         lineno);
    }
    if (strcmp(f[0], "city_province") == 0) {
        /* compared with entity labels, which are NFC like this file */
        VNKG_TRY(grow(ctx, (void **)&lex->city_keys, &lex->cap_cities,
                      lex->n_cities, sizeof *lex->city_keys));
        char *copy = vnkg_strdup(ctx, f[1]);
        if (!copy) {
            return VNKG_ERR_NO_MEMORY;
        }
        lex->city_keys[lex->n_cities++] = copy;
        VNKG_TRY(vnkg_strmap_put(ctx, &lex->cities, copy, strlen(copy), 1));
    }
    for (size_t k = 0; k < CUE_COUNT; ++k) {
        if (cue_names[k] && strcmp(f[0], cue_names[k]) == 0) {
            LexPayload p = {PL_CUE, k, MARK_NONE, 0, 0, NO_PAYLOAD};
            return add_form(ctx, lex, f[1], p);
        }
    }
    return vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX, "%s:%zu: unknown cue kind %s",
                     path, lineno, f[0]);
}

static VnkgStatus
surname_line(VnkgContext *ctx, VnkgLexicon *lex, char *line, const char *path,
             size_t lineno)
{
    (void)path;
    (void)lineno;
    char key[VNKG_TOKEN_KEY_MAX];
    char *clean;
    size_t len;
    VNKG_TRY(vnkg_normalise_text(ctx, NULL, line, strlen(line), &clean, &len));
    vnkg_normalise_key(clean, len, key, sizeof key);
    vnkg_free(ctx, clean);
    VNKG_TRY(grow(ctx, (void **)&lex->surname_keys, &lex->cap_surnames,
                  lex->n_surnames, sizeof *lex->surname_keys));
    char *copy = vnkg_strdup(ctx, key);
    if (!copy) {
        return VNKG_ERR_NO_MEMORY;
    }
    lex->surname_keys[lex->n_surnames++] = copy;
    return vnkg_strmap_put(ctx, &lex->surnames, copy, strlen(copy), 1);
}

/* The key of a document number suffix: letters only, digits dropped. */
static size_t
suffix_key(const char *s, size_t len, char *out, size_t cap)
{
    while (len > 0 && s[len - 1] >= '0' && s[len - 1] <= '9') {
        len--;
    }
    return vnkg_normalise_key(s, len, out, cap);
}

static VnkgStatus
issuer_line(VnkgContext *ctx, VnkgLexicon *lex, char *line, const char *path,
            size_t lineno)
{
    char *f[3];
    if (split_tabs(line, f, 3) != 2) {
        return vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX,
                         "%s:%zu: expected 2 tab-separated fields", path,
                         lineno);
    }
    size_t entry = lex_entry_by_id(lex, f[1]);
    if (entry == SIZE_MAX) {
        return vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX, "%s:%zu: unknown id %s",
                         path, lineno, f[1]);
    }
    char key[VNKG_TOKEN_KEY_MAX];
    suffix_key(f[0], strlen(f[0]), key, sizeof key);
    VNKG_TRY(grow(ctx, (void **)&lex->issuer_keys, &lex->cap_issuers,
                  lex->n_issuers, sizeof *lex->issuer_keys));
    char *copy = vnkg_strdup(ctx, key);
    if (!copy) {
        return VNKG_ERR_NO_MEMORY;
    }
    lex->issuer_keys[lex->n_issuers++] = copy;
    return vnkg_strmap_put(ctx, &lex->issuers, copy, strlen(copy), entry);
}

size_t
lex_issuer(const VnkgLexicon *lex, const char *suffix, size_t len)
{
    char key[VNKG_TOKEN_KEY_MAX];
    size_t n = suffix_key(suffix, len, key, sizeof key), idx;
    if (n >= sizeof key ||
        vnkg_strmap_get(&lex->issuers, key, n, &idx) != VNKG_SUCCESS) {
        return SIZE_MAX;
    }
    return idx;
}

int
lex_is_city(const VnkgLexicon *lex, const char *label)
{
    size_t v;
    return vnkg_strmap_get(&lex->cities, label, strlen(label), &v) ==
           VNKG_SUCCESS;
}

static VnkgStatus
load_all(VnkgContext *ctx, VnkgLexicon *lex, const char *dir)
{
    char path[4096];
    size_t root;
    VNKG_TRY(new_node(ctx, lex, &root));
    static const char gaz_header[] =
        "id\ttype\tlabel\taliases\tvalid_from\tvalid_until\tsuccessor\trelated";
    for (int g = 0; gazetteers[g]; ++g) {
        snprintf(path, sizeof path, "%s/gazetteer/%s.tsv", dir, gazetteers[g]);
        VNKG_TRY(each_line(ctx, lex, path, gaz_header, gazetteer_line));
    }
    snprintf(path, sizeof path, "%s/titles.tsv", dir);
    VNKG_TRY(
        each_line(ctx, lex, path, "title\trole\tattach\tscope", title_line));
    snprintf(path, sizeof path, "%s/cues.tsv", dir);
    VNKG_TRY(each_line(ctx, lex, path, "kind\tword", cue_line));
    snprintf(path, sizeof path, "%s/issuers.tsv", dir);
    VNKG_TRY(each_line(ctx, lex, path, "suffix\tissuer", issuer_line));
    snprintf(path, sizeof path, "%s/surnames.txt", dir);
    return each_line(ctx, lex, path, NULL, surname_line);
}

/* Marks the centrally-run cities: the entries sharing a form with a
 * city_province cue. */
static void
mark_central(VnkgLexicon *lex)
{
    for (size_t n = 0; n < lex->n_nodes; ++n) {
        if (!((lex->node_cues[n] >> CUE_CITY_PROVINCE) & 1u)) {
            continue;
        }
        for (size_t p = lex->node_payload[n]; p != NO_PAYLOAD;
             p = lex->payloads[p].next) {
            if (lex->payloads[p].kind == PL_ENTRY) {
                lex->entries[lex->payloads[p].index].central = 1;
            }
        }
    }
}

static VnkgStatus
fill_root(VnkgContext *ctx, VnkgLexicon *lex)
{
    lex->root_child =
        vnkg_malloc(ctx, (lex->n_vocab ? lex->n_vocab : 1) * sizeof(size_t));
    if (!lex->root_child) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t t = 0; t < lex->n_vocab; ++t) {
        lex->root_child[t] = edge_child(lex, 0, t);
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_lexicon_load(VnkgContext *ctx, const char *dir, VnkgLexicon **out)
{
    *out = NULL;
    VnkgLexicon *lex = vnkg_calloc(ctx, 1, sizeof *lex);
    if (!lex) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st = load_all(ctx, lex, dir);
    if (st == VNKG_SUCCESS) {
        /* every text token is looked up, most in vain: keep the map at
         * 1/8 load or less, where a failed lookup probes about one slot */
        st = vnkg_strmap_reserve(ctx, &lex->vocab, 8 * lex->n_vocab);
    }
    if (st == VNKG_SUCCESS) {
        st = fill_root(ctx, lex);
    }
    if (st != VNKG_SUCCESS) {
        vnkg_lexicon_free(ctx, lex);
        return st;
    }
    mark_central(lex);
    *out = lex;
    return VNKG_SUCCESS;
}

void
vnkg_lexicon_free(VnkgContext *ctx, VnkgLexicon *lex)
{
    if (!lex) {
        return;
    }
    for (size_t i = 0; i < lex->n_entries; ++i) {
        LexEntry *e = &lex->entries[i];
        vnkg_free(ctx, e->id);
        vnkg_free(ctx, e->label);
        vnkg_free(ctx, e->valid_from);
        vnkg_free(ctx, e->valid_until);
        vnkg_free(ctx, e->successor);
        free_strings(ctx, e->related, e->n_related);
    }
    for (size_t i = 0; i < lex->n_titles; ++i) {
        vnkg_free(ctx, lex->titles[i].title);
        vnkg_free(ctx, lex->titles[i].role);
        free_strings(ctx, lex->titles[i].attach, lex->titles[i].n_attach);
    }
    free_strings(ctx, lex->vocab_keys, lex->n_vocab);
    free_strings(ctx, lex->surname_keys, lex->n_surnames);
    free_strings(ctx, lex->issuer_keys, lex->n_issuers);
    free_strings(ctx, lex->city_keys, lex->n_cities);
    vnkg_strmap_clear(ctx, &lex->cities);
    vnkg_strmap_clear(ctx, &lex->issuers);
    vnkg_free(ctx, lex->entries);
    vnkg_free(ctx, lex->titles);
    vnkg_free(ctx, lex->payloads);
    vnkg_free(ctx, lex->node_payload);
    vnkg_free(ctx, lex->node_cues);
    vnkg_free(ctx, lex->edges);
    vnkg_free(ctx, lex->root_child);
    vnkg_strmap_clear(ctx, &lex->vocab);
    vnkg_strmap_clear(ctx, &lex->entry_ids);
    vnkg_strmap_clear(ctx, &lex->surnames);
    vnkg_free(ctx, lex);
}

size_t
vnkg_lexicon_entry_count(const VnkgLexicon *lex)
{
    return lex->n_entries;
}

size_t
vnkg_lexicon_title_count(const VnkgLexicon *lex)
{
    return lex->n_titles;
}

size_t
vnkg_lexicon_form_count(const VnkgLexicon *lex)
{
    return lex->n_forms;
}

const char *
vnkg_lexicon_default_dir(void)
{
    /* an installed copy first, so an installed binary never reads a stale
     * checkout; the checkout's ontology/ for a build that is not installed */
    if (access(VNKG_DATADIR "/titles.tsv", R_OK) == 0) {
        return VNKG_DATADIR;
    }
    return VNKG_SOURCE_ONTOLOGY;
}
