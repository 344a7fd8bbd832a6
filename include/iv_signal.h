/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: signals delivered in loop context (ivykis 0.42 compatible). */

#ifndef __IV_SIGNAL_H
#define __IV_SIGNAL_H

#include <iv.h>
#include <iv_avl.h>
#include <iv_event_raw.h>
#include <signal.h>

#ifdef __cplusplus
extern "C" {
#endif

struct iv_signal {
	int			signum;
	unsigned int		flags;
	void			*cookie;
	void			(*handler)(void *);

	struct iv_avl_node	an;
	uint8_t			active;
	struct iv_event_raw	ev;
};

#define IV_SIGNAL_FLAG_EXCLUSIVE	1
#define IV_SIGNAL_FLAG_THIS_THREAD	2

static inline void IV_SIGNAL_INIT(struct iv_signal *self)
{
	(void)self;
}

int iv_signal_register(struct iv_signal *self);
void iv_signal_unregister(struct iv_signal *self);

#ifdef __cplusplus
}
#endif

#endif
