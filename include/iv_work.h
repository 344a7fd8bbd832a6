/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: thread pools whose completions run in the loop (ivykis 0.42 compatible). */

#ifndef __IV_WORK_H
#define __IV_WORK_H

#include <iv.h>
#include <iv_list.h>

#ifdef __cplusplus
extern "C" {
#endif

struct iv_work_pool {
	int			max_threads;
	void			*cookie;
	void			(*thread_start)(void *cookie);
	void			(*thread_stop)(void *cookie);

	void			*priv;
};

static inline void IV_WORK_POOL_INIT(struct iv_work_pool *self)
{
	self->thread_start = NULL;
	self->thread_stop = NULL;
}

int iv_work_pool_create(struct iv_work_pool *self);
void iv_work_pool_put(struct iv_work_pool *self);

struct iv_work_item {
	void			*cookie;
	void			(*work)(void *cookie);
	void			(*completion)(void *cookie);

	struct iv_list_head	list;
};

static inline void IV_WORK_ITEM_INIT(struct iv_work_item *self)
{
	(void)self;
}

void iv_work_pool_submit_work(struct iv_work_pool *self,
			      struct iv_work_item *work);
void iv_work_pool_submit_continuation(struct iv_work_pool *self,
				      struct iv_work_item *work);

#ifdef __cplusplus
}
#endif

#endif
