/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: signal-safe, cross-process events (ivykis 0.42 compatible). */

#ifndef __IV_EVENT_RAW_H
#define __IV_EVENT_RAW_H

#include <iv.h>

#ifdef __cplusplus
extern "C" {
#endif

struct iv_event_raw {
	void		*cookie;
	void		(*handler)(void *);

	struct iv_fd	event_rfd;
	int		event_wfd;
};

static inline void IV_EVENT_RAW_INIT(struct iv_event_raw *self)
{
	(void)self;
}

int iv_event_raw_register(struct iv_event_raw *self);
void iv_event_raw_unregister(struct iv_event_raw *self);
void iv_event_raw_post(const struct iv_event_raw *self);

#ifdef __cplusplus
}
#endif

#endif
