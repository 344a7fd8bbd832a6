/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: inotify watches in the event loop (ivykis 0.42 compatible). */

#ifndef __IV_INOTIFY_H
#define __IV_INOTIFY_H

#include <inttypes.h>
#include <iv.h>
#include <iv_avl.h>
#include <sys/inotify.h>

#ifdef __cplusplus
extern "C" {
#endif

struct iv_inotify {
	struct iv_fd		fd;
	struct iv_avl_tree	watches;
	void			**term;
};

static inline void IV_INOTIFY_INIT(struct iv_inotify *self)
{
	(void)self;
}

int iv_inotify_register(struct iv_inotify *self);
void iv_inotify_unregister(struct iv_inotify *self);

struct iv_inotify_watch {
	struct iv_inotify	*inotify;
	const char		*pathname;
	uint32_t		mask;
	void			*cookie;
	void			(*handler)(void *, struct inotify_event *);

	int			wd;
	struct iv_avl_node	an;
};

static inline void IV_INOTIFY_WATCH_INIT(struct iv_inotify_watch *self)
{
	(void)self;
}

int iv_inotify_watch_register(struct iv_inotify_watch *self);
void iv_inotify_watch_unregister(struct iv_inotify_watch *self);

#ifdef __cplusplus
}
#endif

#endif
