/* SPDX-License-Identifier: MIT */
/* Status codes shared by every vnkg function that can fail. */
#ifndef VNKG_STATUS_H
#define VNKG_STATUS_H

#if defined(VNKG_BUILDING) && defined(__GNUC__)
#define VNKG_API __attribute__((visibility("default")))
#else
#define VNKG_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Append only: scripts and partial files may store these numbers. */
typedef enum {
    VNKG_SUCCESS = 0,
    VNKG_FAILURE,        /* non-fatal: not found, end of input */
    VNKG_ERR_NO_MEMORY,  /* an allocation failed */
    VNKG_ERR_BAD_ARG,    /* an argument or option is invalid */
    VNKG_ERR_BAD_TEXT,   /* input text is not valid UTF-8 (strict mode) */
    VNKG_ERR_BAD_SYNTAX, /* input does not parse (JSON, HTML, TSV, GraphML) */
    VNKG_ERR_LIMIT,      /* input exceeds a configured limit */
    VNKG_ERR_IO,         /* reading or opening a file failed */
    VNKG_ERR_WRITE,      /* writing an output failed */
    VNKG_ERR_GRAPH,      /* igraph reported an error */
    VNKG_ERR_INTERNAL    /* a bug: an invariant did not hold */
} VnkgStatus;

/* One short sentence describing `st`, without a final period. Never NULL. */
VNKG_API const char *vnkg_strerror(VnkgStatus st);

#define VNKG_TRY(expr)                                                         \
    do {                                                                       \
        VnkgStatus vnkg_try_st_ = (expr);                                      \
        if (vnkg_try_st_ != VNKG_SUCCESS) {                                    \
            return vnkg_try_st_;                                               \
        }                                                                      \
    } while (0)

#ifdef __cplusplus
}
#endif
#endif
