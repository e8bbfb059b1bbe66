/* SPDX-License-Identifier: MIT */
/* Resolution inside one article: lexicon entries to the unit valid on the
 * article's date, persons to canonical ids, short mentions to full names.
 * Resolution across articles is vnkg_facts_merge (same canonical id). */
#include "../extract/extract_internal.h"
#include "../extract/syllable.h"
#include "../util/array.h"

#include <vnkg/normalise.h>

#include <stdio.h>
#include <string.h>

/* Follows successors while the article is dated after the unit ended
 * (REFERENCE.md §5: a 2024 "tỉnh Bình Dương" stays Bình Dương). */
static size_t
unit_on_date(const VnkgLexicon *lex, size_t entry, const char *date)
{
    for (int hops = 0; hops < 8 && date[0]; ++hops) {
        const LexEntry *e = &lex->entries[entry];
        if (!e->successor || !e->valid_until ||
            strcmp(date, e->valid_until) <= 0) {
            break;
        }
        size_t next = lex_entry_by_id(lex, e->successor);
        if (next == SIZE_MAX) {
            break;
        }
        entry = next;
    }
    return entry;
}

size_t
resolve_unit(const DocState *ds, size_t entry)
{
    return unit_on_date(ds->lex, entry, ds->date);
}

VnkgStatus
resolve_entry(DocState *ds, size_t entry, size_t *out)
{
    entry = resolve_unit(ds, entry);
    const LexEntry *e = &ds->lex->entries[entry];
    VNKG_TRY(
        vnkg_facts_entity(ds->ctx, ds->facts, e->id, e->type, e->label, out));
    if (e->successor || e->valid_until) {
        VNKG_TRY(vnkg_facts_set_validity(ds->ctx, ds->facts, *out, e->successor,
                                         e->valid_until));
    }
    return VNKG_SUCCESS;
}

VnkgStatus
resolve_named(DocState *ds, VnkgEntityType type, const char *label, size_t *out)
{
    char *slug;
    VNKG_TRY(vnkg_normalise_slug(ds->ctx, label, strlen(label), &slug));
    const char *tname = vnkg_entity_type_name(type);
    size_t n = strlen(tname) + strlen(slug) + 2;
    char *id = vnkg_malloc(ds->ctx, n);
    if (!id) {
        vnkg_free(ds->ctx, slug);
        return VNKG_ERR_NO_MEMORY;
    }
    snprintf(id, n, "%s/%s", tname, slug);
    VnkgStatus st = vnkg_facts_entity(ds->ctx, ds->facts, id, type, label, out);
    vnkg_free(ds->ctx, id);
    vnkg_free(ds->ctx, slug);
    VNKG_TRY(st);
    /* labels read from text are compared across articles when merged */
    if (!vnkg_facts_entity_at(ds->facts, *out)->label_article) {
        VNKG_TRY(vnkg_facts_set_label_article(ds->ctx, ds->facts, *out,
                                              ds->doc->id));
    }
    return VNKG_SUCCESS;
}

/* The tokens' text with single spaces between words. */
static char *
span_text(DocState *ds, size_t start, size_t end)
{
    const VnkgToken *t = ds->seg.tokens;
    size_t cap = t[end - 1].end - t[start].start + 1;
    char *s = vnkg_malloc(ds->ctx, cap);
    if (!s) {
        return NULL;
    }
    size_t k = 0;
    for (size_t i = start; i < end; ++i) {
        if (i > start && (t[i].flags & VNKG_TOK_SPACE_BEFORE)) {
            s[k++] = ' ';
        }
        size_t n = t[i].end - t[i].start;
        memcpy(s + k, ds->doc->text + t[i].start, n);
        k += n;
    }
    s[k] = '\0';
    return s;
}

static VnkgStatus
remember_person(DocState *ds, size_t entity, const char *first_key,
                const char *last_key)
{
    for (size_t i = 0; i < ds->n_persons; ++i) {
        if (ds->persons[i].entity == entity) {
            return VNKG_SUCCESS;
        }
    }
    VNKG_TRY(vnkg_array_reserve(ds->ctx, (void **)&ds->persons,
                                &ds->cap_persons, ds->n_persons,
                                sizeof *ds->persons, 8));
    Person *p = &ds->persons[ds->n_persons++];
    memset(p, 0, sizeof *p);
    p->entity = entity;
    snprintf(p->last_key, sizeof p->last_key, "%s", last_key);
    snprintf(p->first_key, sizeof p->first_key, "%s", first_key);
    return VNKG_SUCCESS;
}

VnkgStatus
resolve_person(DocState *ds, size_t tok_start, size_t tok_end, size_t *out)
{
    char *label = span_text(ds, tok_start, tok_end);
    if (!label) {
        return VNKG_ERR_NO_MEMORY;
    }
    /* a foreign name may be shortened to its first word too: family
     * names come first in East Asian ones ("bà Kim", "ông Ishiba") */
    int foreign = tok_end - tok_start >= 2 && vn_name_is_foreign(label);
    VnkgStatus st = resolve_named(ds, VNKG_TYPE_OFFICIAL, label, out);
    vnkg_free(ds->ctx, label);
    VNKG_TRY(st);
    return remember_person(ds, *out,
                           foreign ? ds->seg.tokens[tok_start].key : "",
                           ds->seg.tokens[tok_end - 1].key);
}

size_t
resolve_short_name(const DocState *ds, const char *key)
{
    size_t hit = NONE;
    for (size_t i = 0; i < ds->n_persons; ++i) {
        if (strcmp(ds->persons[i].last_key, key) == 0 ||
            strcmp(ds->persons[i].first_key, key) == 0) {
            if (hit != NONE && hit != ds->persons[i].entity) {
                return NONE; /* two people share it: ambiguous */
            }
            hit = ds->persons[i].entity;
        }
    }
    return hit;
}

static int
same_role(const DocState *ds, size_t a, size_t b)
{
    return strcmp(ds->lex->titles[a].role, ds->lex->titles[b].role) == 0;
}

size_t
resolve_bare_title(const DocState *ds, size_t title, size_t org)
{
    size_t hit = NONE;
    for (size_t i = 0; i < ds->n_persons; ++i) {
        const Person *p = &ds->persons[i];
        for (size_t r = 0; r < p->n_roles; ++r) {
            if (!same_role(ds, p->roles[r], title) ||
                (org != NONE && p->role_orgs[r] != NONE &&
                 p->role_orgs[r] != org)) {
                continue;
            }
            if (hit != NONE && hit != p->entity) {
                return NONE;
            }
            hit = p->entity;
        }
    }
    return hit;
}

VnkgStatus
resolve_note_role(DocState *ds, size_t person, size_t title, size_t org)
{
    for (size_t i = 0; i < ds->n_persons; ++i) {
        Person *p = &ds->persons[i];
        if (p->entity != person) {
            continue;
        }
        for (size_t r = 0; r < p->n_roles; ++r) {
            if (p->roles[r] == title && p->role_orgs[r] == org) {
                return VNKG_SUCCESS;
            }
        }
        if (p->n_roles < sizeof p->roles / sizeof p->roles[0]) {
            p->roles[p->n_roles] = title;
            p->role_orgs[p->n_roles++] = org;
        }
    }
    return VNKG_SUCCESS;
}
