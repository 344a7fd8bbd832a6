/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_tls: per-thread areas for loop users, allocated with the loop state. */

#include "iv_private.h"

#define TLS_ALIGN	16

static struct iv_list_head users = IV_LIST_HEAD_INIT(users);
static size_t total_size = (sizeof(struct iv_state) + TLS_ALIGN - 1) &
			   ~(size_t)(TLS_ALIGN - 1);

/* Set at the first iv_init(): the layout of the areas is final. */
int iv__tls_frozen;

IV_EXPORT void iv_tls_user_register(struct iv_tls_user *itu)
{
	if (__atomic_load_n(&iv__tls_frozen, __ATOMIC_ACQUIRE))
		iv_fatal("%s: called after iv_init", __func__);

	itu->state_offset = (int)total_size;
	total_size += (itu->sizeof_state + TLS_ALIGN - 1) &
		      ~(size_t)(TLS_ALIGN - 1);
	iv_list_add_tail(&itu->list, &users);
}

IV_EXPORT void *iv_tls_user_ptr(const struct iv_tls_user *itu)
{
	struct iv_state *st;

	if (itu->state_offset <= 0)
		iv_fatal("%s: called on unregistered iv_tls_user", __func__);

	st = iv__get_state();
	return st != NULL ? (char *)st + itu->state_offset : NULL;
}

size_t iv__tls_total_size(void)
{
	return total_size;
}

void iv__tls_init_thread(struct iv_state *st)
{
	struct iv_list_head *lh;

	iv_list_for_each (lh, &users) {
		struct iv_tls_user *itu;

		itu = iv_list_entry(lh, struct iv_tls_user, list);
		if (itu->init_thread != NULL)
			itu->init_thread((char *)st + itu->state_offset);
	}
}

void iv__tls_deinit_thread(struct iv_state *st)
{
	struct iv_list_head *lh;

	iv_list_for_each (lh, &users) {
		struct iv_tls_user *itu;

		itu = iv_list_entry(lh, struct iv_tls_user, list);
		if (itu->deinit_thread != NULL)
			itu->deinit_thread((char *)st + itu->state_offset);
	}
}
