/* SPDX-License-Identifier: MIT */
/* Article dates from metadata or from the text. */
#include "extract_internal.h"

#include <stdio.h>
#include <string.h>

#define DATE_SCAN_BYTES 3000

static int
valid_dmy(int d, int m, int y)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1945 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
           d <= days[m - 1];
}

static int
iso_ok(const char *s)
{
    int y, m, d;
    char tail;
    return s && strlen(s) >= 10 &&
           sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) >= 3 && s[4] == '-' &&
           s[7] == '-' && valid_dmy(d, m, y);
}

/* Reads 1-2 (or exactly 4 when want4) digits at text[*i]. */
static int
read_num(const char *t, size_t len, size_t *i, int max_digits)
{
    int v = 0, n = 0;
    while (*i < len && n < max_digits && t[*i] >= '0' && t[*i] <= '9') {
        v = v * 10 + (t[*i] - '0');
        (*i)++;
        n++;
    }
    if (n == 0 || (*i < len && t[*i] >= '0' && t[*i] <= '9')) {
        return -1;
    }
    return v;
}

static int
is_sep(char c)
{
    return c == '/' || c == '-' || c == '.';
}

/* d/m/yyyy or d/m at position i (not inside a longer number or code). */
static int
date_at(const char *t, size_t len, size_t i, int *d, int *m, int *y)
{
    if (i > 0 && ((t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == '/' ||
                  t[i - 1] == '-')) {
        return 0;
    }
    size_t k = i;
    *d = read_num(t, len, &k, 2);
    if (*d < 0 || k >= len || !is_sep(t[k])) {
        return 0;
    }
    char sep = t[k++];
    *m = read_num(t, len, &k, 2);
    if (*m < 0) {
        return 0;
    }
    *y = 0;
    if (k < len && t[k] == sep && k + 1 < len && t[k + 1] >= '0' &&
        t[k + 1] <= '9') {
        k++;
        *y = read_num(t, len, &k, 4);
        if (*y < 1000) {
            return 0;
        }
    } else if (k < len && ((t[k] >= '0' && t[k] <= '9') || t[k] == '/' ||
                           t[k] == '-' || (t[k] >= 'A' && t[k] <= 'Z'))) {
        return 0; /* "59-NQ/TW", "6/2024/QH15" */
    }
    return *y ? valid_dmy(*d, *m, *y) : valid_dmy(*d, *m, 2000);
}

/* Past `word` (ASCII-case-insensitive on its first letter) and one
 * space at text[*k], which a space must precede; 0 when not there. */
static int
skip_word(const char *t, size_t len, size_t *k, const char *word)
{
    size_t n = strlen(word), at = *k;
    if (at >= len || t[at] != ' ') {
        return 0;
    }
    at++;
    if (at + n + 1 > len || (t[at] | 0x20) != word[0] ||
        memcmp(t + at + 1, word + 1, n - 1) != 0 || t[at + n] != ' ') {
        return 0;
    }
    *k = at + n + 1;
    return 1;
}

/* "10 tháng 3 năm 2025", "10 tháng 3" at position i: the date in words
 * of formal texts and datelines. */
static int
words_date_at(const char *t, size_t len, size_t i, int *d, int *m, int *y)
{
    if (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9') {
        return 0;
    }
    size_t k = i;
    *d = read_num(t, len, &k, 2);
    if (*d < 0 || !skip_word(t, len, &k, "th\xc3\xa1ng")) {
        return 0;
    }
    *m = read_num(t, len, &k, 2);
    if (*m < 0) {
        return 0;
    }
    *y = 0;
    if (skip_word(t, len, &k, "n\xc4\x83m")) {
        *y = read_num(t, len, &k, 4);
        if (*y < 1000) {
            return 0;
        }
    }
    return *y ? valid_dmy(*d, *m, *y) : valid_dmy(*d, *m, 2000);
}

static void
format_iso(char out[11], int y, int m, int d)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    memcpy(out, buf, 10);
    out[10] = '\0';
}

/* The first plausible year (2000-2099) in the text, 0 when none. */
static int
first_year(const char *t, size_t len)
{
    for (size_t i = 0; i + 4 <= len; ++i) {
        if ((i == 0 || t[i - 1] < '0' || t[i - 1] > '9') && t[i] == '2' &&
            t[i + 1] == '0' && t[i + 2] >= '0' && t[i + 2] <= '9' &&
            t[i + 3] >= '0' && t[i + 3] <= '9' &&
            (i + 4 == len || t[i + 4] < '0' || t[i + 4] > '9')) {
            return (t[i + 2] - '0') * 10 + (t[i + 3] - '0') + 2000;
        }
    }
    return 0;
}

VnkgStatus
vnkg_extract_date(const VnkgDocument *doc, char out[11], int *inferred)
{
    *inferred = 0;
    out[0] = '\0';
    if (iso_ok(doc->date)) {
        memcpy(out, doc->date, 10);
        out[10] = '\0';
        return VNKG_SUCCESS;
    }
    const char *t = doc->text;
    size_t len =
        doc->text_len < DATE_SCAN_BYTES ? doc->text_len : DATE_SCAN_BYTES;
    int pd = 0, pm = 0; /* the first day/month without a year */
    for (size_t i = 0; i < len; ++i) {
        int d, m, y;
        if (t[i] < '0' || t[i] > '9' ||
            !(date_at(t, len, i, &d, &m, &y) ||
              words_date_at(t, len, i, &d, &m, &y))) {
            continue;
        }
        if (y) {
            format_iso(out, y, m, d);
            return VNKG_SUCCESS;
        }
        if (!pd) {
            pd = d;
            pm = m;
        }
    }
    int year = first_year(t, len);
    if (pd && year && valid_dmy(pd, pm, year)) {
        format_iso(out, year, pm, pd);
        *inferred = 1;
        return VNKG_SUCCESS;
    }
    return VNKG_FAILURE;
}
