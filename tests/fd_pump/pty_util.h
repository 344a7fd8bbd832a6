/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A raw pseudo-terminal pair: a descriptor that is neither pipe nor socket. */

#ifndef IV_TEST_PTY_UTIL_H
#define IV_TEST_PTY_UTIL_H

#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>
#include "check.h"

/* Master in fds[0], slave in fds[1], both non-blocking; 0, or -1 if the
 * system has no pseudo-terminals. */
static inline int open_raw_pty(int fds[2])
{
	struct termios tio;
	const char *name;

	fds[0] = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fds[0] < 0)
		return -1;
	CHECK(grantpt(fds[0]) == 0);
	CHECK(unlockpt(fds[0]) == 0);
	name = ptsname(fds[0]);
	CHECK(name != NULL);
	fds[1] = open(name, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	CHECK(fds[1] >= 0);

	/* No echo, no line editing, no character translation. */
	CHECK(tcgetattr(fds[1], &tio) == 0);
	cfmakeraw(&tio);
	CHECK(tcsetattr(fds[1], TCSANOW, &tio) == 0);
	return 0;
}

#endif
