/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Fault injection: make the library's eventfd, pipe and pthread_create fail. */

#ifndef IV_TEST_FAILSHIM_H
#define IV_TEST_FAILSHIM_H

#include <dirent.h>

/*
 * A test program #includes "failshim.c", which defines eventfd(), pipe(),
 * pipe2(), pthread_create() and syscall() in the executable.  A shared
 * library's calls to those names bind to the executable's definitions
 * (ELF symbol interposition), so the library under test goes through the
 * shim without LD_PRELOAD.  Everything not told to fail is forwarded to
 * the C library's own function, found with dlsym(RTLD_NEXT, ...).
 *
 * Fault names:
 *   "eventfd"         eventfd(), and syscall(SYS_eventfd2 / SYS_eventfd)
 *   "pipe"            pipe() and pipe2()
 *   "pthread_create"  pthread_create() (returns the error, errno untouched)
 *
 * The environment variable FAILSHIM can arm faults before main runs:
 * FAILSHIM=name:after:count:errno[,name:after:count:errno...]
 */

/*
 * Let the next `after` calls of `name` succeed, then fail `count` calls
 * (-1: every later call) with error `err`.  Resets the call counter.
 */
void failshim_set(const char *name, int after, int count, int err);

/* Disarm every fault; call counters keep counting. */
void failshim_clear(void);

/* Calls of `name` seen so far (failed ones included). */
int failshim_calls(const char *name);

/* Calls of `name` that the shim made fail. */
int failshim_failures(const char *name);

/* The number of descriptors this process has open right now. */
static inline int failshim_count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.')
			n++;
	}
	closedir(d);
	/* Not counting the descriptor opendir() itself used. */
	return n - 1;
}

#endif
