/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_fatal: report an unrecoverable error and abort. */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <syslog.h>
#include "iv_private.h"

static void (*fatal_msg_handler)(const char *msg);

IV_EXPORT void iv_set_fatal_msg_handler(void (*handler)(const char *msg))
{
	__atomic_store_n(&fatal_msg_handler, handler, __ATOMIC_RELEASE);
}

IV_EXPORT void iv_fatal(const char *fmt, ...)
{
	void (*handler)(const char *msg);
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);

	handler = __atomic_load_n(&fatal_msg_handler, __ATOMIC_ACQUIRE);
	if (handler != NULL)
		handler(msg);
	else
		syslog(LOG_CRIT, "%s", msg);

	/* A handler that returns does not get to continue. */
	abort();
}
