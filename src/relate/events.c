/* SPDX-License-Identifier: MIT */
/* The article's event: a conference, forum or visit named in the title or
 * introduced with a chairing/attending verb in the first sentences. One
 * event per article; the same kind of event on the same date in several
 * articles is one node (canonical id = kind + date). */
#include "../extract/scan_internal.h"

#include <vnkg/normalise.h>

#include <stdio.h>
#include <string.h>

#define EVENT_LEAD_SENTENCES 8
#define EVENT_LABEL_TOKENS 24
#define EVENT_CAPITAL_SENTENCES 3

static size_t
sentence_end(const DocState *ds, size_t s)
{
    const VnkgSentence *x = &ds->seg.sentences[s];
    return x->first_token + x->n_tokens;
}

/* True when a gazetteer name longer than `len` tokens starts at i: the
 * event word there is the first word of a body's name ("Diễn đàn Kinh
 * tế Thế giới" is the WEF, no forum held). */
static int
starts_name(const DocState *ds, size_t i, size_t first, size_t end, size_t len)
{
    size_t entry;
    return entry_at(ds, i, first, end, VNKG_TYPE_COUNT, 0, &entry) > len &&
           ds->lex->entries[entry].type != VNKG_TYPE_EVENT;
}

/* True when the event word at i names a venue: "Trung tâm Hội nghị
 * tỉnh", "Cung Hội nghị Quốc gia", "nhà/phòng/sảnh hội nghị". */
static int
names_venue(const DocState *ds, size_t i, size_t first)
{
    if (i >= first + 2 && is_key(ds, i - 2, "trung") &&
        is_key(ds, i - 1, "tâm")) {
        return 1;
    }
    return i > first &&
           (is_key(ds, i - 1, "cung") || is_key(ds, i - 1, "nha2") ||
            is_key(ds, i - 1, "phong2") || is_key(ds, i - 1, "sanh3"));
}

/* First token of a cue of `kind` in sentence s (with `capital`, one
 * written with a capital: an event's name, not "hội nghị" referring
 * back), or NONE; its length goes to *len. */
static size_t
find_cue(const DocState *ds, size_t s, CueKind kind, int capital, size_t *len)
{
    const VnkgSentence *x = &ds->seg.sentences[s];
    size_t end = sentence_end(ds, s);
    for (size_t i = x->first_token; i < end; ++i) {
        size_t l =
            lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, i, kind);
        if (l && ((capital && !(tok(ds, i)->flags & VNKG_TOK_CAP)) ||
                  (kind == CUE_EVENT &&
                   (starts_name(ds, i, x->first_token, end, l) ||
                    names_venue(ds, i, x->first_token))))) {
            continue;
        }
        if (l) {
            *len = l;
            return i;
        }
    }
    return NONE;
}

/* Words that end an event's name when they follow it (tokens before
 * `end`, the sentence's end). */
static int
ends_label(const DocState *ds, size_t i, size_t end)
{
    /* "do" (by), "được/đã/sẽ" (verbs), "diễn ra", "vào/sáng/chiều/ngày"
     * (its time), "nay", "tại" (its place), "có" ("hội nghị có Đại sứ
     * …": who attended) */
    static const char *const stop[] = {
        "do",   "đươc5", "đa4",  "diên4", "vao2", "sang1", "chiêu2",
        "nay2", "se4",   "tai5", "ngay2", "co1",  NULL};
    const VnkgToken *t = tok(ds, i);
    if (t->flags & VNKG_TOK_PUNCT) {
        /* a slash, dot or ampersand inside a code ("Nghị quyết
         * 59-NQ/TW", "Bộ KH&ĐT") joins; other punctuation ends it */
        int inside = (strcmp(t->key, "/") == 0 || strcmp(t->key, ".") == 0 ||
                      strcmp(t->key, "&") == 0) &&
                     !(t->flags & VNKG_TOK_SPACE_BEFORE) && i + 1 < end &&
                     (tok(ds, i + 1)->flags & VNKG_TOK_WORD) &&
                     !(tok(ds, i + 1)->flags & VNKG_TOK_SPACE_BEFORE);
        return !inside && strcmp(t->key, "-") != 0 && strcmp(t->key, "–") != 0;
    }
    for (int k = 0; stop[k]; ++k) {
        if (strcmp(t->key, stop[k]) == 0) {
            return 1;
        }
    }
    return 0;
}

static VnkgStatus
make_event(DocState *ds, size_t s, size_t start, size_t cue_len)
{
    size_t end = sentence_end(ds, s), stop = start + cue_len;
    while (stop < end && stop - start < EVENT_LABEL_TOKENS &&
           !ends_label(ds, stop, end)) {
        stop++;
    }
    const char *text = ds->doc->text;
    size_t b = tok(ds, start)->start, x = tok(ds, stop - 1)->end;
    char label[512], id_src[600];
    if (x - b >= sizeof label) {
        x = tok(ds, start + cue_len - 1)->end;
    }
    memcpy(label, text + b, x - b);
    label[x - b] = '\0';
    if (label[0] >= 'a' && label[0] <= 'z') {
        label[0] = (char)(label[0] - 32);
    }
    /* the kind is the cue ("Hội nghị", "Diễn đàn"), the day makes it one */
    size_t kb = tok(ds, start)->start, kx = tok(ds, start + cue_len - 1)->end;
    snprintf(id_src, sizeof id_src, "%.*s %s", (int)(kx - kb), text + kb,
             ds->date[0] ? ds->date : ds->doc->id);
    char *slug;
    VNKG_TRY(vnkg_normalise_slug(ds->ctx, id_src, strlen(id_src), &slug));
    char id[700];
    snprintf(id, sizeof id, "event/%s", slug);
    vnkg_free(ds->ctx, slug);
    VNKG_TRY(vnkg_facts_entity(ds->ctx, ds->facts, id, VNKG_TYPE_EVENT, label,
                               &ds->event));
    VNKG_TRY(vnkg_facts_set_label_article(ds->ctx, ds->facts, ds->event,
                                          ds->doc->id));
    return vnkg_facts_add_alias(ds->ctx, ds->facts, ds->event, label);
}

VnkgStatus
events_detect(DocState *ds)
{
    size_t n = ds->seg.n_sentences, len, i;
    if (n == 0) {
        return VNKG_SUCCESS;
    }
    /* the title (first sentence), when it names an event with a capital */
    i = find_cue(ds, 0, CUE_EVENT, 1, &len);
    if (i != NONE) {
        return make_event(ds, 0, i, len);
    }
    for (size_t s = 1; s < n && s < EVENT_LEAD_SENTENCES; ++s) {
        size_t vlen;
        /* "Trong khuôn khổ chuyến công tác …, đoàn đã tổ chức Hội nghị xúc
         * tiến đầu tư": the name, not the first event word */
        i = s < EVENT_CAPITAL_SENTENCES ? find_cue(ds, s, CUE_EVENT, 1, &len)
                                        : NONE;
        if (i != NONE) {
            return make_event(ds, s, i, len); /* "Chiều 18/7, đã diễn ra
                                                 Hội nghị …" */
        }
        i = find_cue(ds, s, CUE_EVENT, 0, &len);
        if (i != NONE && (find_cue(ds, s, CUE_CHAIR_VERB, 0, &vlen) != NONE ||
                          find_cue(ds, s, CUE_ATTEND_VERB, 0, &vlen) != NONE)) {
            return make_event(ds, s, i, len);
        }
    }
    return VNKG_SUCCESS;
}

/* A sentence that names an event word refers to the article's event. */
VnkgStatus
events_note_mention(DocState *ds)
{
    size_t len;
    if (ds->event == NONE) {
        return VNKG_SUCCESS;
    }
    size_t i = find_cue(ds, ds->sentence, CUE_EVENT, 0, &len);
    if (i == NONE) {
        return VNKG_SUCCESS;
    }
    return add_found(ds, i, i + len, ds->event);
}

static int
refers_to_event(const DocState *ds)
{
    for (size_t k = 0; k < ds->n_found; ++k) {
        if (ds->found[k].entity == ds->event) {
            return 1;
        }
    }
    return 0;
}

static int
at_bridge(const DocState *ds, size_t person)
{
    if (ds->sentence_bridge == NONE) {
        return 0;
    }
    for (size_t o = 0; o < ds->n_offices; ++o) {
        if (ds->office_person[o] == person) {
            return 1;
        }
    }
    return 1; /* everyone named in a bridge-point sentence is there */
}

/* True when a person's name follows found mention k right away: "Tổng
 * Lãnh sự Ấn Độ tại TP.HCM Madan Mohan Sethi" posts him there. */
static int
name_follows(const DocState *ds, size_t k)
{
    for (size_t n = 0; n < ds->n_found; ++n) {
        if (ds->found[n].tok_start == ds->found[k].tok_end &&
            ds->found[n].type == VNKG_TYPE_OFFICIAL) {
            return 1;
        }
    }
    return 0;
}

/* "tại Hà Nội" in a sentence about the event, not a bridge point, nor
 * an office's posting. */
static VnkgStatus
relate_place(DocState *ds)
{
    for (size_t k = 0; k < ds->n_found; ++k) {
        const Found *f = &ds->found[k];
        if (f->type != VNKG_TYPE_PROVINCE || f->entity == ds->sentence_bridge ||
            f->tok_start == 0 || name_follows(ds, k)) {
            continue;
        }
        const VnkgToken *before = tok(ds, f->tok_start - 1);
        if (strcmp(before->key, "tai5") == 0) {
            VNKG_TRY(relate_pair(ds, ds->event, f->entity, VNKG_REL_LOCATED_IN,
                                 NULL));
        }
    }
    return VNKG_SUCCESS;
}

VnkgStatus
events_relate(DocState *ds)
{
    if (ds->event == NONE) {
        return VNKG_SUCCESS;
    }
    size_t vlen;
    int about = refers_to_event(ds);
    size_t chair = find_cue(ds, ds->sentence, CUE_CHAIR_VERB, 0, &vlen);
    int attend = find_cue(ds, ds->sentence, CUE_ATTEND_VERB, 0, &vlen) != NONE;
    int bridge = ds->sentence_bridge != NONE;
    if (!about && !bridge && !attend) {
        return VNKG_SUCCESS;
    }
    for (size_t k = 0; k < ds->n_found; ++k) {
        const Found *f = &ds->found[k];
        if (f->type == VNKG_TYPE_OFFICIAL) {
            int chairs = about && chair != NONE && f->tok_start < chair &&
                         !at_bridge(ds, f->entity);
            if (chairs) {
                VNKG_TRY(relate_pair(ds, f->entity, ds->event, VNKG_REL_CHAIRS,
                                     NULL));
            } else if (bridge || attend) {
                VNKG_TRY(relate_pair(ds, f->entity, ds->event, VNKG_REL_ATTENDS,
                                     NULL));
            }
        } else if (f->type == VNKG_TYPE_PROVINCE &&
                   f->entity == ds->sentence_bridge) {
            VNKG_TRY(
                relate_pair(ds, f->entity, ds->event, VNKG_REL_ATTENDS, NULL));
        } else if (f->type == VNKG_TYPE_MINISTRY && attend) {
            VNKG_TRY(
                relate_pair(ds, f->entity, ds->event, VNKG_REL_ATTENDS, NULL));
        }
    }
    return about ? relate_place(ds) : VNKG_SUCCESS;
}
