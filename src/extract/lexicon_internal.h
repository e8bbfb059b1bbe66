/* SPDX-License-Identifier: MIT */
/* Internal view of a loaded lexicon, shared by extract, resolve, relate. */
#ifndef VNKG_LEXICON_INTERNAL_H
#define VNKG_LEXICON_INTERNAL_H

#include "../util/strmap.h"

#include <vnkg/lexicon.h>
#include <vnkg/segment.h>

typedef enum {
    CUE_PERSON_PREFIX = 0,
    CUE_PARTNER,
    CUE_PROVINCE_PREFIX,
    CUE_NOT_PROVINCE,
    CUE_BYLINE,
    CUE_BRIDGE,
    CUE_EVENT,
    CUE_AGREEMENT_HEAD,
    CUE_DOCUMENT_HEAD,
    CUE_COMPANY_HEAD,
    CUE_NOT_ENTITY,
    CUE_CHAIR_VERB,
    CUE_ATTEND_VERB,
    CUE_BOILERPLATE,
    CUE_BOILERPLATE_END,
    CUE_CITY_PROVINCE,
    CUE_PUBLICATION,
    CUE_PORTFOLIO,
    CUE_ORG_HEAD,
    CUE_CITY_PREFIX,
    CUE_LOCAL_UNIT,
    CUE_COUNT
} CueKind;

typedef enum { PL_ENTRY = 0, PL_TITLE, PL_CUE } PayloadKind;

/* Alias markers of the gazetteer format (ontology/gazetteer/README). */
enum { MARK_NONE = 0, MARK_CASED = '=', MARK_CUE = '~', MARK_ELLIPTIC = '^' };

typedef struct {
    char *id;
    VnkgEntityType type;
    char *label;
    char *valid_from;  /* NULL when open */
    char *valid_until; /* NULL when open */
    char *successor;   /* id or NULL */
    char **related;    /* ids */
    size_t n_related;
    int central; /* a centrally-run city: one of its forms is a
                    city_province cue */
} LexEntry;

enum { SCOPE_ANY = 0, SCOPE_VN, SCOPE_FOREIGN };

typedef struct {
    char *title;
    char *role;
    char **attach; /* "ministry", "province", "partner", "organization",
                      "org=<id>", "none" in order of preference */
    size_t n_attach;
    int scope;
} LexTitle;

typedef struct {
    uint64_t key; /* (node << 32 | token number) + 1; 0 when empty */
    size_t child;
} LexEdge;

typedef struct {
    PayloadKind kind;
    size_t index;     /* entry, title or cue kind */
    int marker;       /* MARK_* */
    uint32_t capmask; /* bit k: token k of the form is capitalised */
    unsigned ntok;
    size_t next; /* next payload of the same node, or SIZE_MAX */
} LexPayload;

struct VnkgLexicon {
    LexEntry *entries;
    size_t n_entries, cap_entries;
    LexTitle *titles;
    size_t n_titles, cap_titles;
    LexPayload *payloads;
    size_t n_payloads, cap_payloads;
    size_t *node_payload; /* first payload of each trie node or SIZE_MAX */
    uint32_t *node_cues;  /* bit k: the node's payloads include cue kind k */
    size_t n_nodes, cap_nodes, cap_node_cues;
    /* Trie edges by (node, token number): the token keys of all forms are
     * numbered once (`vocab`), so a walk hashes each text token once and
     * then only integers; a token outside `vocab` starts no match. */
    VnkgStrMap vocab;  /* token key -> token number */
    char **vocab_keys; /* owned keys of `vocab` */
    size_t n_vocab, cap_vocab;
    LexEdge *edges;            /* open addressing, key 0 = empty */
    size_t n_edges, cap_edges; /* cap_edges: a power of two, or 0 */
    /* the root's child by each token number (n_vocab of them), filled
     * once loaded: the first step of the walk from every text token is
     * an index into this small array, not a probe of the edge table */
    size_t *root_child;
    VnkgStrMap entry_ids; /* id -> entry index */
    VnkgStrMap surnames;  /* token key -> 1 */
    char **surname_keys;
    size_t n_surnames, cap_surnames;
    size_t n_forms;
    VnkgStrMap issuers; /* document number suffix key -> entry index */
    char **issuer_keys;
    size_t n_issuers, cap_issuers;
    VnkgStrMap cities; /* labels of centrally-run cities */
    char **city_keys;
    size_t n_cities, cap_cities;
};

/* One terminal match: `len` tokens from the start, payload chain head. */
typedef struct {
    size_t len;
    size_t payload;
    uint32_t cues; /* bit k: a payload of the chain is cue kind k */
} LexMatch;

/* Matches of every token of one sentence, computed once: the scanner asks
 * for the same token many times (entries, titles, cue words). */
#define LEX_CACHE_PER_TOKEN 8
typedef struct {
    size_t first, end; /* token range covered */
    LexMatch *m;       /* LEX_CACHE_PER_TOKEN per token */
    unsigned char *n;  /* matches per token */
    uint32_t *cues;    /* per token: the cue kinds of all its matches */
    /* token numbers (lexicon vocab) of tokens [0, n_ids) of `ids_of`, so
     * a document's tokens are looked up once, whatever asks for them */
    size_t *ids;
    size_t n_ids, cap_ids;
    const VnkgToken *ids_of;
    size_t cap; /* tokens the arrays hold */
} LexCache;

/* Fills the cache for tokens [first, end). Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus lex_cache_fill(VnkgContext *ctx, const VnkgLexicon *lex,
                          LexCache *cache, const VnkgToken *toks, size_t first,
                          size_t end);
/* Numbers the tokens [0, n) of `toks` (a document's) for later walks.
 * Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus lex_cache_document(VnkgContext *ctx, const VnkgLexicon *lex,
                              LexCache *cache, const VnkgToken *toks, size_t n);
void lex_cache_clear(VnkgContext *ctx, LexCache *cache);

/* All terminal matches of the trie walk from token `i` (shortest first)
 * within tokens [i, n); returns how many were written (at most `max`).
 * `cache` may be NULL; a cache that covers i (and at least n) answers. */
size_t lex_match(const VnkgLexicon *lex, const LexCache *cache,
                 const VnkgToken *toks, size_t n, size_t i, LexMatch *out,
                 size_t max);
/* True when the text tokens satisfy the payload's capitalisation. */
int lex_case_ok(const LexPayload *p, const VnkgToken *toks, size_t i);
/* Entry index for an id, or SIZE_MAX. */
size_t lex_entry_by_id(const VnkgLexicon *lex, const char *id);
/* True when a cue of `kind` ends right before token `i` (tokens i-k..i-1). */
int lex_cue_before(const VnkgLexicon *lex, const LexCache *cache,
                   const VnkgToken *toks, size_t i, size_t first, CueKind kind);
/* lex_cue_at past its quick answer (below). */
size_t lex_cue_at_walk(const VnkgLexicon *lex, const LexCache *cache,
                       const VnkgToken *toks, size_t n, size_t i, CueKind kind);
/* Length of the longest cue of `kind` starting at token `i`, or 0. Asked
 * at nearly every token and mostly answered no from the cache's cue kinds,
 * so that answer is inline. */
static inline size_t
lex_cue_at(const VnkgLexicon *lex, const LexCache *cache, const VnkgToken *toks,
           size_t n, size_t i, CueKind kind)
{
    if (cache && i >= cache->first && i < cache->end && n <= cache->end &&
        !((cache->cues[i - cache->first] >> kind) & 1u)) {
        return 0; /* no match from token i is a cue of this kind */
    }
    return lex_cue_at_walk(lex, cache, toks, n, i, kind);
}
/* False only when the cache knows that no lexicon form (entry, title or
 * cue) starts at token `i`. */
static inline int
lex_may_match(const LexCache *cache, size_t i)
{
    return !cache || i < cache->first || i >= cache->end ||
           cache->n[i - cache->first] != 0;
}
int lex_is_surname(const VnkgLexicon *lex, const VnkgToken *tok);
/* The issuer entry of a document number's last part ("TTg", "QH15"), or
 * SIZE_MAX. */
size_t lex_issuer(const VnkgLexicon *lex, const char *suffix, size_t len);
/* True when the entity label names a centrally-run city. */
int lex_is_city(const VnkgLexicon *lex, const char *label);

#endif
