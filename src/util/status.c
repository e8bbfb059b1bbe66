/* SPDX-License-Identifier: MIT */
#include <vnkg/status.h>

const char *
vnkg_strerror(VnkgStatus st)
{
    switch (st) {
    case VNKG_SUCCESS:
        return "Success";
    case VNKG_FAILURE:
        return "Not found or end of input";
    case VNKG_ERR_NO_MEMORY:
        return "Out of memory";
    case VNKG_ERR_BAD_ARG:
        return "Invalid argument";
    case VNKG_ERR_BAD_TEXT:
        return "Invalid UTF-8 text";
    case VNKG_ERR_BAD_SYNTAX:
        return "Invalid syntax";
    case VNKG_ERR_LIMIT:
        return "Input exceeds a limit";
    case VNKG_ERR_IO:
        return "Input/output error";
    case VNKG_ERR_WRITE:
        return "Write error";
    case VNKG_ERR_GRAPH:
        return "Graph library error";
    case VNKG_ERR_INTERNAL:
        return "Internal error";
    }
    return "Unknown status";
}
