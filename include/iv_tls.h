/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: per-thread state for loop users (ivykis 0.42 compatible). */

#ifndef __IV_TLS_H
#define __IV_TLS_H

#include <iv_list.h>

#ifdef __cplusplus
extern "C" {
#endif

struct iv_tls_user {
	size_t			sizeof_state;
	void			(*init_thread)(void *st);
	void			(*deinit_thread)(void *st);

	struct iv_list_head	list;
	int			state_offset;
};

void iv_tls_user_register(struct iv_tls_user *);
void *iv_tls_user_ptr(const struct iv_tls_user *);

#ifdef __cplusplus
}
#endif

#endif
