/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: child process state changes (ivykis 0.42 compatible). */

#ifndef __IV_WAIT_H
#define __IV_WAIT_H

#include <iv_avl.h>
#include <iv_event.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#ifdef __cplusplus
extern "C" {
#endif

struct iv_wait_interest {
	pid_t			pid;
	void			*cookie;
	void			(*handler)(void *cookie, int status,
					   const struct rusage *rusage);

	struct iv_avl_node	avl_node;
	struct iv_event		ev;
	struct iv_list_head	events_pending;
	void			*dummy;
	unsigned int		flags;
};

static inline void IV_WAIT_INTEREST_INIT(struct iv_wait_interest *self)
{
	(void)self;
}

void iv_wait_interest_register(struct iv_wait_interest *self);
int iv_wait_interest_register_spawn(struct iv_wait_interest *self,
				    void (*fn)(void *cookie), void *cookie);
void iv_wait_interest_unregister(struct iv_wait_interest *self);
int iv_wait_interest_kill(const struct iv_wait_interest *self, int sig);

#ifdef __cplusplus
}
#endif

#endif
