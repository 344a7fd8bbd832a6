/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: intrusive doubly linked lists (ivykis 0.42 compatible). */

#ifndef __IV_LIST_H
#define __IV_LIST_H

#include <inttypes.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct iv_list_head {
	struct iv_list_head	*next;
	struct iv_list_head	*prev;
};

#define IV_LIST_HEAD_INIT(name)	{ &(name), &(name) }

#define INIT_IV_LIST_HEAD(ptr)				\
	do {						\
		struct iv_list_head *__lh = (ptr);	\
		__lh->next = __lh;			\
		__lh->prev = __lh;			\
	} while (0)

static inline void
iv_list_add(struct iv_list_head *lh, struct iv_list_head *head)
{
	lh->next = head->next;
	lh->prev = head;
	head->next->prev = lh;
	head->next = lh;
}

static inline void
iv_list_add_tail(struct iv_list_head *lh, struct iv_list_head *head)
{
	lh->next = head;
	lh->prev = head->prev;
	head->prev->next = lh;
	head->prev = lh;
}

static inline void iv_list_del(struct iv_list_head *lh)
{
	lh->prev->next = lh->next;
	lh->next->prev = lh->prev;
	lh->next = NULL;
	lh->prev = NULL;
}

static inline void iv_list_del_init(struct iv_list_head *lh)
{
	lh->prev->next = lh->next;
	lh->next->prev = lh->prev;
	INIT_IV_LIST_HEAD(lh);
}

static inline int iv_list_empty(const struct iv_list_head *head)
{
	return head->next == head;
}

static inline void
__iv_list_splice(struct iv_list_head *list, struct iv_list_head *prev,
		 struct iv_list_head *next)
{
	if (iv_list_empty(list))
		return;

	list->next->prev = prev;
	prev->next = list->next;
	list->prev->next = next;
	next->prev = list->prev;
}

static inline void
iv_list_splice(struct iv_list_head *list, struct iv_list_head *head)
{
	__iv_list_splice(list, head, head->next);
}

static inline void
iv_list_splice_init(struct iv_list_head *list, struct iv_list_head *head)
{
	__iv_list_splice(list, head, head->next);
	INIT_IV_LIST_HEAD(list);
}

static inline void
iv_list_splice_tail(struct iv_list_head *list, struct iv_list_head *head)
{
	__iv_list_splice(list, head->prev, head);
}

static inline void
iv_list_splice_tail_init(struct iv_list_head *list, struct iv_list_head *head)
{
	__iv_list_splice(list, head->prev, head);
	INIT_IV_LIST_HEAD(list);
}

#define iv_container_of(ptr, type, member)				\
	({								\
		const __typeof__(((type *)0)->member) *__mptr = (ptr);	\
		(type *)((uintptr_t)__mptr -				\
			 __builtin_offsetof(type, member));		\
	})

#define iv_list_entry(ptr, type, member)	\
	iv_container_of(ptr, type, member)

#define iv_list_for_each(pos, head)	\
	for (pos = (head)->next; pos != (head); pos = pos->next)

#define iv_list_for_each_safe(pos, n, head)			\
	for (pos = (head)->next, n = pos->next; pos != (head);	\
	     pos = n, n = pos->next)

#ifdef __cplusplus
}
#endif

#endif
