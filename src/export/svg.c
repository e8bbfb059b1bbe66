/* SPDX-License-Identifier: MIT */
/* An SVG picture of the most central part of the graph: the top-N nodes by
 * PageRank at their layout positions (x/y from analyse, rescaled with one
 * factor so the layout keeps its shape), the edges among them as at most
 * one line per node pair, labels with a white halo (paint-order: stroke,
 * SVG 2), a legend of the type colours and a heading with counts. Written
 * with xmlTextWriter; numbers are formatted without the locale, and
 * everything is sorted, so the bytes depend only on the graph. */
#include "export_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SVG_NS "http://www.w3.org/2000/svg"

/* Canvas and plot area (pixels); the legend sits right of the plot. */
enum { CANVAS_W = 1200, CANVAS_H = 900 };
static const double plot_left = 40, plot_right = 960;
static const double plot_top = 100, plot_bottom = 870;
static const double legend_x = 985, legend_y = 100;
static const double max_radius = 24;
static const size_t max_label = 32; /* characters */

typedef VnkgRankedNode Ranked;

typedef struct {
    double x, y, r;
} Point;

/* Edges between two shown nodes; a < b are ranks in the selection. */
typedef struct {
    size_t a, b;
    int typed; /* 1 unless co_mention */
    size_t edge;
} Pair;

typedef struct {
    VnkgContext *ctx;
    xmlTextWriterPtr w;
    const VnkgGraph *g;
    Ranked *ranked; /* all nodes, best first */
    size_t shown;   /* the first `shown` of ranked are drawn */
    size_t *slot;   /* node index -> rank, SIZE_MAX when not shown */
    Point *pos;     /* by rank */
    Pair *pairs;
    size_t n_pairs;
    size_t lines; /* node pairs drawn */
    size_t top_n;
    VnkgExportBuf buf;
} Scene;

/* ---- numbers ------------------------------------------------------------- */

/* `v` rounded to two decimals without the locale ("12.5", "-3", "0"). */
static void
fmt_coord(double v, char out[VNKG_EXPORT_NUM_CAP])
{
    if (!isfinite(v) || fabs(v) > 1e12) {
        v = 0;
    }
    vnkg_export_format_double(round(v * 100) / 100, out);
}

static VnkgStatus
attr_num(Scene *s, const char *name, double v)
{
    char num[VNKG_EXPORT_NUM_CAP];
    fmt_coord(v, num);
    return vnkg_export_xml_attr(s->ctx, s->w, name, num);
}

static VnkgStatus
start_element(Scene *s, const char *name)
{
    return xmlTextWriterStartElement(s->w, BAD_CAST name) < 0 ? VNKG_ERR_WRITE
                                                              : VNKG_SUCCESS;
}

static VnkgStatus
end_element(Scene *s)
{
    return xmlTextWriterEndElement(s->w) < 0 ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

static VnkgStatus
attr(Scene *s, const char *name, const char *value)
{
    return vnkg_export_xml_attr(s->ctx, s->w, name, value);
}

/* <name>text</name> */
static VnkgStatus
text_element(Scene *s, const char *name, const char *text)
{
    VNKG_TRY(start_element(s, name));
    VNKG_TRY(vnkg_export_xml_text(s->ctx, s->w, text));
    return end_element(s);
}

static void
hex_colour(unsigned char r, unsigned char g, unsigned char b, char out[8])
{
    snprintf(out, 8, "#%02x%02x%02x", (unsigned)r, (unsigned)g, (unsigned)b);
}

/* ---- selection and layout ------------------------------------------------ */

static VnkgStatus
select_nodes(Scene *s)
{
    const VnkgGraph *g = s->g;
    s->ranked = vnkg_calloc(s->ctx, g->n_nodes, sizeof *s->ranked);
    s->slot = vnkg_calloc(s->ctx, g->n_nodes, sizeof *s->slot);
    if (!s->ranked || !s->slot) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < g->n_nodes; ++i) {
        s->ranked[i] = (Ranked){g->nodes[i].pagerank, &g->nodes[i]};
        s->slot[i] = SIZE_MAX;
    }
    if (g->n_nodes > 1) { /* qsort must not see a NULL base */
        qsort(s->ranked, g->n_nodes, sizeof *s->ranked, vnkg_export_cmp_ranked);
    }
    s->shown = s->top_n && s->top_n < g->n_nodes ? s->top_n : g->n_nodes;
    for (size_t k = 0; k < s->shown; ++k) {
        s->slot[s->ranked[k].node - g->nodes] = k;
    }
    return VNKG_SUCCESS;
}

static double
radius(double size)
{
    if (!isfinite(size) || size <= 0) {
        return 4;
    }
    return fmin(max_radius, 3 + 0.35 * size);
}

/* One scale factor for both axes keeps the layout's shape; y grows
 * upwards in the layout (as in Gephi) and downwards in SVG. */
static void
place_nodes(Scene *s)
{
    double lo_x = INFINITY, hi_x = -INFINITY, lo_y = INFINITY, hi_y = -INFINITY;
    for (size_t k = 0; k < s->shown; ++k) {
        const VnkgNode *n = s->ranked[k].node;
        if (isfinite(n->x) && isfinite(n->y)) {
            lo_x = fmin(lo_x, n->x), hi_x = fmax(hi_x, n->x);
            lo_y = fmin(lo_y, n->y), hi_y = fmax(hi_y, n->y);
        }
    }
    double w = plot_right - plot_left - 2 * max_radius;
    double h = plot_bottom - plot_top - 2 * max_radius;
    double scale = 0;
    if (hi_x > lo_x || hi_y > lo_y) {
        scale = fmin(hi_x > lo_x ? w / (hi_x - lo_x) : INFINITY,
                     hi_y > lo_y ? h / (hi_y - lo_y) : INFINITY);
    }
    double mid_x = isfinite(lo_x) ? (lo_x + hi_x) / 2 : 0;
    double mid_y = isfinite(lo_y) ? (lo_y + hi_y) / 2 : 0;
    double cx = (plot_left + plot_right) / 2;
    double cy = (plot_top + plot_bottom) / 2;
    for (size_t k = 0; k < s->shown; ++k) {
        const VnkgNode *n = s->ranked[k].node;
        Point *p = &s->pos[k];
        int ok = isfinite(n->x) && isfinite(n->y);
        p->x = ok ? cx + (n->x - mid_x) * scale : cx;
        p->y = ok ? cy - (n->y - mid_y) * scale : cy;
        p->r = radius(n->size);
    }
}

/* By pair, typed relations first, then by edge index. */
static int
cmp_pair(const void *pa, const void *pb)
{
    const Pair *a = pa, *b = pb;
    if (a->a != b->a) {
        return a->a < b->a ? -1 : 1;
    }
    if (a->b != b->b) {
        return a->b < b->b ? -1 : 1;
    }
    if (a->typed != b->typed) {
        return b->typed - a->typed;
    }
    return (a->edge > b->edge) - (a->edge < b->edge);
}

static VnkgStatus
collect_pairs(Scene *s)
{
    const VnkgGraph *g = s->g;
    if (g->n_edges == 0) {
        return VNKG_SUCCESS;
    }
    s->pairs = vnkg_calloc(s->ctx, g->n_edges, sizeof *s->pairs);
    if (!s->pairs) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        const VnkgEdge *e = &g->edges[i];
        if (e->source >= g->n_nodes || e->target >= g->n_nodes) {
            continue;
        }
        size_t u = s->slot[e->source], v = s->slot[e->target];
        if (u == SIZE_MAX || v == SIZE_MAX || u == v) {
            continue;
        }
        s->pairs[s->n_pairs++] = (Pair){u < v ? u : v, u < v ? v : u,
                                        e->relation != VNKG_REL_CO_MENTION, i};
    }
    if (s->n_pairs > 1) { /* qsort must not see a NULL base */
        qsort(s->pairs, s->n_pairs, sizeof *s->pairs, cmp_pair);
    }
    return VNKG_SUCCESS;
}

/* ---- edges --------------------------------------------------------------- */

static const char *
label_of(const VnkgNode *n)
{
    return n->label && *n->label ? n->label : n->id;
}

/* "A holds_office (Bộ trưởng) → B; A attends → C" for the typed edges of
 * one pair, or "A – B: co_mention, weight 3". */
static VnkgStatus
pair_title(Scene *s, size_t first, size_t end)
{
    const VnkgGraph *g = s->g;
    vnkg_export_buf_reset(&s->buf);
    for (size_t i = first; i < end; ++i) {
        const VnkgEdge *e = &g->edges[s->pairs[i].edge];
        const char *rel = vnkg_relation_name(e->relation);
        if (i > first && !s->pairs[i].typed) {
            break; /* co_mention beside typed relations adds nothing */
        }
        if (i > first) {
            VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, "; "));
        }
        VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf,
                                      label_of(&g->nodes[e->source])));
        VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, " "));
        VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, rel ? rel : "?"));
        if (e->role && *e->role) {
            VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, " ("));
            VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, e->role));
            VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, ")"));
        }
        VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, " \u2192 "));
        VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf,
                                      label_of(&g->nodes[e->target])));
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_line(Scene *s, size_t first, size_t end)
{
    const Point *p = &s->pos[s->pairs[first].a];
    const Point *q = &s->pos[s->pairs[first].b];
    int typed = s->pairs[first].typed;
    VNKG_TRY(start_element(s, "line"));
    VNKG_TRY(attr_num(s, "x1", p->x));
    VNKG_TRY(attr_num(s, "y1", p->y));
    VNKG_TRY(attr_num(s, "x2", q->x));
    VNKG_TRY(attr_num(s, "y2", q->y));
    VNKG_TRY(attr(s, "class", typed ? "relation" : "co_mention"));
    VNKG_TRY(attr(s, "stroke", typed ? "#333333" : "#bbbbbb"));
    VNKG_TRY(attr(s, "stroke-width", typed ? "1.8" : "0.8"));
    VNKG_TRY(pair_title(s, first, end));
    VNKG_TRY(text_element(s, "title", s->buf.ptr ? s->buf.ptr : ""));
    return end_element(s);
}

/* Grey co-mentions first so that typed relations are drawn over them. */
static VnkgStatus
write_edges(Scene *s)
{
    VNKG_TRY(start_element(s, "g"));
    VNKG_TRY(attr(s, "id", "edges"));
    for (int pass = 0; pass < 2; ++pass) {
        for (size_t i = 0; i < s->n_pairs;) {
            size_t end = i + 1;
            while (end < s->n_pairs && s->pairs[end].a == s->pairs[i].a &&
                   s->pairs[end].b == s->pairs[i].b) {
                ++end;
            }
            if (s->pairs[i].typed == pass) {
                VNKG_TRY(write_line(s, i, end));
                s->lines++;
            }
            i = end;
        }
    }
    return end_element(s);
}

/* ---- nodes and labels ---------------------------------------------------- */

static VnkgStatus
write_circle(Scene *s, size_t k)
{
    const VnkgNode *n = s->ranked[k].node;
    char colour[8], num[VNKG_EXPORT_NUM_CAP];
    hex_colour(n->r, n->g, n->b, colour);
    VNKG_TRY(start_element(s, "circle"));
    VNKG_TRY(attr_num(s, "cx", s->pos[k].x));
    VNKG_TRY(attr_num(s, "cy", s->pos[k].y));
    VNKG_TRY(attr_num(s, "r", s->pos[k].r));
    VNKG_TRY(attr(s, "fill", colour));
    VNKG_TRY(attr(s, "stroke", "#ffffff"));
    VNKG_TRY(attr(s, "stroke-width", "1.5"));
    const char *type = vnkg_entity_type_name(n->type);
    vnkg_export_buf_reset(&s->buf);
    VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, label_of(n)));
    VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, " ("));
    VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, type ? type : "?"));
    VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, "), PageRank "));
    vnkg_export_format_double(round(n->pagerank * 1e4) / 1e4, num);
    VNKG_TRY(vnkg_export_buf_puts(s->ctx, &s->buf, num));
    VNKG_TRY(text_element(s, "title", s->buf.ptr));
    return end_element(s);
}

/* The label in s->buf, cut after about `max` characters (at a space when
 * one is near) with an ellipsis: long event names would cross the plot.
 * The full label stays in the node's tooltip. */
static VnkgStatus
short_label(Scene *s, const char *label, size_t max)
{
    vnkg_export_buf_reset(&s->buf);
    size_t chars = 0, cut = 0, space = 0;
    const char *p = label;
    for (; *p; ++p) {
        if (((unsigned char)*p & 0xC0) == 0x80) {
            continue; /* a UTF-8 continuation byte */
        }
        if (chars == max) {
            cut = (size_t)(p - label);
            break;
        }
        if (*p == ' ') {
            space = (size_t)(p - label);
        }
        chars++;
    }
    if (!*p) {
        return vnkg_export_buf_puts(s->ctx, &s->buf, label);
    }
    if (space > cut / 2) {
        cut = space;
    }
    VNKG_TRY(vnkg_export_buf_append(s->ctx, &s->buf, label, cut));
    return vnkg_export_buf_puts(s->ctx, &s->buf, "\u2026");
}

/* Labels go right of the node, or left of it in the right half so that
 * they stay inside the plot. */
static VnkgStatus
write_label(Scene *s, size_t k)
{
    const Point *p = &s->pos[k];
    int left = p->x > (plot_left + plot_right) / 2;
    VNKG_TRY(start_element(s, "text"));
    VNKG_TRY(attr_num(s, "x", left ? p->x - p->r - 3 : p->x + p->r + 3));
    VNKG_TRY(attr_num(s, "y", p->y + 4));
    if (left) {
        VNKG_TRY(attr(s, "text-anchor", "end"));
    }
    if (k < 10) {
        VNKG_TRY(attr(s, "font-weight", "bold"));
    }
    VNKG_TRY(short_label(s, label_of(s->ranked[k].node), max_label));
    VNKG_TRY(vnkg_export_xml_text(s->ctx, s->w, s->buf.ptr));
    return end_element(s);
}

/* Least central first, so the most central are drawn on top. */
static VnkgStatus
write_nodes(Scene *s)
{
    VNKG_TRY(start_element(s, "g"));
    VNKG_TRY(attr(s, "id", "nodes"));
    for (size_t k = s->shown; k-- > 0;) {
        VNKG_TRY(write_circle(s, k));
    }
    VNKG_TRY(end_element(s));
    VNKG_TRY(start_element(s, "g"));
    VNKG_TRY(attr(s, "id", "labels"));
    VNKG_TRY(attr(s, "font-size", "12"));
    VNKG_TRY(attr(s, "fill", "#222222"));
    VNKG_TRY(attr(s, "stroke", "#ffffff"));
    VNKG_TRY(attr(s, "stroke-width", "3"));
    VNKG_TRY(attr(s, "stroke-linejoin", "round"));
    VNKG_TRY(attr(s, "paint-order", "stroke"));
    for (size_t k = s->shown; k-- > 0;) {
        VNKG_TRY(write_label(s, k));
    }
    return end_element(s);
}

/* ---- legend and heading -------------------------------------------------- */

static VnkgStatus
legend_text(Scene *s, double x, double y, const char *text, int bold)
{
    VNKG_TRY(start_element(s, "text"));
    VNKG_TRY(attr_num(s, "x", x));
    VNKG_TRY(attr_num(s, "y", y));
    if (bold) {
        VNKG_TRY(attr(s, "font-weight", "bold"));
    }
    VNKG_TRY(vnkg_export_xml_text(s->ctx, s->w, text));
    return end_element(s);
}

static VnkgStatus
legend_type(Scene *s, VnkgEntityType t, size_t count, double y)
{
    unsigned char r, g, b;
    vnkg_graph_type_colour(t, &r, &g, &b);
    char colour[8], text[96];
    hex_colour(r, g, b, colour);
    VNKG_TRY(start_element(s, "rect"));
    VNKG_TRY(attr(s, "class", "swatch"));
    VNKG_TRY(attr_num(s, "x", legend_x + 12));
    VNKG_TRY(attr_num(s, "y", y - 10));
    VNKG_TRY(attr(s, "width", "12"));
    VNKG_TRY(attr(s, "height", "12"));
    VNKG_TRY(attr(s, "rx", "6"));
    VNKG_TRY(attr(s, "fill", colour));
    VNKG_TRY(end_element(s));
    const char *name = vnkg_entity_type_name(t);
    snprintf(text, sizeof text, "%s (%zu)", name ? name : "?", count);
    return legend_text(s, legend_x + 32, y, text, 0);
}

static VnkgStatus
legend_line(Scene *s, double y, const char *stroke, const char *width,
            const char *text)
{
    VNKG_TRY(start_element(s, "line"));
    VNKG_TRY(attr_num(s, "x1", legend_x + 10));
    VNKG_TRY(attr_num(s, "y1", y - 4));
    VNKG_TRY(attr_num(s, "x2", legend_x + 26));
    VNKG_TRY(attr_num(s, "y2", y - 4));
    VNKG_TRY(attr(s, "stroke", stroke));
    VNKG_TRY(attr(s, "stroke-width", width));
    VNKG_TRY(end_element(s));
    return legend_text(s, legend_x + 32, y, text, 0);
}

static VnkgStatus
write_legend(Scene *s)
{
    size_t counts[VNKG_TYPE_COUNT] = {0};
    for (size_t i = 0; i < s->g->n_nodes; ++i) {
        if ((unsigned)s->g->nodes[i].type < VNKG_TYPE_COUNT) {
            counts[s->g->nodes[i].type]++;
        }
    }
    VNKG_TRY(start_element(s, "g"));
    VNKG_TRY(attr(s, "id", "legend"));
    VNKG_TRY(attr(s, "font-size", "13"));
    VNKG_TRY(attr(s, "fill", "#222222"));
    VNKG_TRY(start_element(s, "rect"));
    VNKG_TRY(attr_num(s, "x", legend_x));
    VNKG_TRY(attr_num(s, "y", legend_y));
    VNKG_TRY(attr(s, "width", "200"));
    VNKG_TRY(attr(s, "height", "290"));
    VNKG_TRY(attr(s, "fill", "#f7f7f7"));
    VNKG_TRY(attr(s, "stroke", "#cccccc"));
    VNKG_TRY(end_element(s));
    double y = legend_y + 24;
    VNKG_TRY(legend_text(s, legend_x + 10, y, "Entity types", 1));
    for (int t = 0; t < VNKG_TYPE_COUNT; ++t) {
        y += 22;
        VNKG_TRY(legend_type(s, (VnkgEntityType)t, counts[t], y));
    }
    y += 34;
    VNKG_TRY(legend_text(s, legend_x + 10, y, "Edges", 1));
    y += 22;
    VNKG_TRY(legend_line(s, y, "#333333", "1.8", "relation (hover)"));
    y += 22;
    VNKG_TRY(legend_line(s, y, "#bbbbbb", "0.8", "co_mention"));
    return end_element(s);
}

static VnkgStatus
write_heading(Scene *s)
{
    const VnkgGraph *g = s->g;
    char line[256];
    snprintf(line, sizeof line,
             "vnkg: top %zu of %zu entities by PageRank, %zu of %zu "
             "relations drawn",
             s->shown, g->n_nodes, s->lines, g->n_edges);
    VNKG_TRY(start_element(s, "g"));
    VNKG_TRY(attr(s, "id", "heading"));
    VNKG_TRY(attr(s, "fill", "#222222"));
    VNKG_TRY(start_element(s, "text"));
    VNKG_TRY(attr(s, "x", "40"));
    VNKG_TRY(attr(s, "y", "42"));
    VNKG_TRY(attr(s, "font-size", "22"));
    VNKG_TRY(attr(s, "font-weight", "bold"));
    VNKG_TRY(vnkg_export_xml_text(s->ctx, s->w, line));
    VNKG_TRY(end_element(s));
    snprintf(line, sizeof line,
             "%zu articles, %ld communities, %ld components; node size and "
             "order follow PageRank",
             g->n_articles, g->n_communities, g->n_components);
    VNKG_TRY(start_element(s, "text"));
    VNKG_TRY(attr(s, "x", "40"));
    VNKG_TRY(attr(s, "y", "68"));
    VNKG_TRY(attr(s, "font-size", "14"));
    VNKG_TRY(vnkg_export_xml_text(s->ctx, s->w, line));
    VNKG_TRY(end_element(s));
    return end_element(s);
}

/* ---- document ------------------------------------------------------------ */

static VnkgStatus
write_root(Scene *s)
{
    char size[32];
    VNKG_TRY(start_element(s, "svg"));
    VNKG_TRY(attr(s, "xmlns", SVG_NS));
    snprintf(size, sizeof size, "%d", CANVAS_W);
    VNKG_TRY(attr(s, "width", size));
    snprintf(size, sizeof size, "%d", CANVAS_H);
    VNKG_TRY(attr(s, "height", size));
    snprintf(size, sizeof size, "0 0 %d %d", CANVAS_W, CANVAS_H);
    VNKG_TRY(attr(s, "viewBox", size));
    VNKG_TRY(attr(s, "font-family", "sans-serif"));
    VNKG_TRY(text_element(s, "title", "vnkg knowledge graph"));
    VNKG_TRY(start_element(s, "rect"));
    VNKG_TRY(attr(s, "width", "100%"));
    VNKG_TRY(attr(s, "height", "100%"));
    VNKG_TRY(attr(s, "fill", "#ffffff"));
    return end_element(s);
}

static VnkgStatus
write_body(Scene *s)
{
    if (xmlTextWriterStartDocument(s->w, NULL, "UTF-8", NULL) < 0) {
        return VNKG_ERR_WRITE;
    }
    VNKG_TRY(write_root(s));
    VNKG_TRY(write_edges(s)); /* counts the lines for the heading */
    VNKG_TRY(write_nodes(s));
    VNKG_TRY(write_heading(s));
    VNKG_TRY(write_legend(s));
    if (xmlTextWriterEndDocument(s->w) < 0 || xmlTextWriterFlush(s->w) < 0) {
        return VNKG_ERR_WRITE;
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
prepare(Scene *s)
{
    if (s->g->n_nodes == 0) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(select_nodes(s));
    s->pos = vnkg_calloc(s->ctx, s->shown, sizeof *s->pos);
    if (!s->pos) {
        return VNKG_ERR_NO_MEMORY;
    }
    place_nodes(s);
    return collect_pairs(s);
}

static void
scene_clear(Scene *s)
{
    vnkg_free(s->ctx, s->ranked);
    vnkg_free(s->ctx, s->slot);
    vnkg_free(s->ctx, s->pos);
    vnkg_free(s->ctx, s->pairs);
    vnkg_export_buf_clear(s->ctx, &s->buf);
}

typedef struct {
    const VnkgGraph *graph;
    size_t top_n;
} SvgArgs;

static VnkgStatus
write_svg(VnkgContext *ctx, FILE *fp, const void *data)
{
    const SvgArgs *args = data;
    Scene s = {.ctx = ctx, .g = args->graph, .top_n = args->top_n};
    VnkgStatus st = prepare(&s);
    if (st == VNKG_ERR_NO_MEMORY) {
        vnkg_diag(ctx, st, "SVG: out of memory");
    }
    if (st == VNKG_SUCCESS) {
        st = vnkg_export_xml_open(ctx, fp, &s.w);
    }
    if (st == VNKG_SUCCESS) {
        st = write_body(&s);
        xmlFreeTextWriter(s.w);
    }
    scene_clear(&s);
    return st;
}

VnkgStatus
vnkg_export_svg(VnkgContext *ctx, const VnkgGraph *graph, size_t top_n,
                const char *path)
{
    SvgArgs args = {graph, top_n};
    return vnkg_export_atomic(ctx, path, write_svg, &args);
}
