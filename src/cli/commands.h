/* SPDX-License-Identifier: MIT */
/* Subcommands of the vnkg program, one function each, called by main.c's
 * dispatch after the process-wide setup. */
#ifndef VNKG_CLI_COMMANDS_H
#define VNKG_CLI_COMMANDS_H

/* vnkg query GRAPH.graphml SUBCOMMAND [ARGS] [--json]: `argc`/`argv` are
 * the arguments after "query". Returns the exit status: 0 success, 1 not
 * found or unreadable graph, 2 usage error, 3 standard output could not be
 * written, 4 out of memory. */
int vnkg_cli_query(int argc, char **argv);

#endif
