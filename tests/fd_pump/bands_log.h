/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A set_bands callback that records its calls, for pumps driven by hand. */

#ifndef IV_TEST_BANDS_LOG_H
#define IV_TEST_BANDS_LOG_H

#include "pump_util.h"

struct bands_log {
	int	calls;
	int	in[32];
	int	out[32];
};

static inline void log_bands(void *cookie, int in, int out)
{
	struct bands_log *l = cookie;

	CHECK(l->calls < 32);
	l->in[l->calls] = in;
	l->out[l->calls] = out;
	l->calls++;
}

/* The last call was set_bands(in, out), and it was call number @n. */
static inline void check_bands(const struct bands_log *l, int n, int in,
			       int out)
{
	CHECK_EQ_INT(l->calls, n);
	CHECK_EQ_INT(l->in[n - 1], in);
	CHECK_EQ_INT(l->out[n - 1], out);
}

static inline void pump_setup(struct iv_fd_pump *p, struct bands_log *l,
			      int from, int to, unsigned int flags)
{
	memset(l, 0, sizeof(*l));
	IV_FD_PUMP_INIT(p);
	p->from_fd = from;
	p->to_fd = to;
	p->cookie = l;
	p->set_bands = log_bands;
	p->flags = flags;
	iv_fd_pump_init(p);
}

#endif
