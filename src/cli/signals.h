/* SPDX-License-Identifier: MIT */
/* SIGINT and SIGTERM during vnkg build: remove unfinished outputs, exit. */
#ifndef VNKG_CLI_SIGNALS_H
#define VNKG_CLI_SIGNALS_H

/* Installs handlers for SIGINT and SIGTERM that remove every temporary
 * output file still in flight (see vnkg_cli_tempfile_hook), write one line
 * on stderr and end the process with status 130 (SIGINT) or 143 (SIGTERM).
 * Outputs are renamed into place only when complete, so the files of an
 * earlier run stay intact. Returns 0, or -1 with errno set. */
int vnkg_cli_signals_install(void);

/* A VnkgTempFileFn (<vnkg/context.h>) that keeps the in-flight temporary
 * paths in a small fixed table for the handlers; `user` is unused. A path
 * that does not fit (too long, table full) is not tracked. */
void vnkg_cli_tempfile_hook(const char *path, int created, void *user);

#endif
