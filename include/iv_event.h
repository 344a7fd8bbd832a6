/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: cross-thread events (ivykis 0.42 compatible). */

#ifndef __IV_EVENT_H
#define __IV_EVENT_H

#include <iv.h>
#include <iv_list.h>

#ifdef __cplusplus
extern "C" {
#endif

struct iv_event {
	void			*cookie;
	void			(*handler)(void *);

	void			*owner;
	struct iv_list_head	list;
};

static inline void IV_EVENT_INIT(struct iv_event *self)
{
	(void)self;
}

int iv_event_register(struct iv_event *self);
void iv_event_unregister(struct iv_event *self);
void iv_event_post(struct iv_event *self);

#ifdef __cplusplus
}
#endif

#endif
