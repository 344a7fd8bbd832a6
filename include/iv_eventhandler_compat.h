/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* FreeBSD EVENTHANDLER(9) spellings on top of iv_eventhandler. */

#ifndef __IV_EVENTHANDLER_COMPAT_H
#define __IV_EVENTHANDLER_COMPAT_H

#include <string.h>
#include <iv_eventhandler.h>

#define EVENTHANDLER_PRI_FIRST	IV_EVENTHANDLER_PRI_FIRST
#define EVENTHANDLER_PRI_ANY	IV_EVENTHANDLER_PRI_ANY
#define EVENTHANDLER_PRI_LAST	IV_EVENTHANDLER_PRI_LAST

typedef iv_eventhandler_tag eventhandler_tag;
#define eventhandler_list	iv_eventhandler_list

#define EVENTHANDLER_DECLARE(name, type)	IV_EVENTHANDLER_DECLARE(name, type)
#define EVENTHANDLER_DEFINE(name, func, arg, pri)			\
	IV_EVENTHANDLER_DEFINE(name, func, arg, pri)
#define EVENTHANDLER_INVOKE(name, ...)					\
	IV_EVENTHANDLER_INVOKE(name, ##__VA_ARGS__)
#define EVENTHANDLER_LIST_DECLARE(name)	IV_EVENTHANDLER_LIST_DECLARE(name)
#define EVENTHANDLER_LIST_DEFINE(name)	IV_EVENTHANDLER_LIST_DEFINE(name)
#define EVENTHANDLER_DIRECT_INVOKE(name, ...)				\
	IV_EVENTHANDLER_DIRECT_INVOKE(name, ##__VA_ARGS__)

/* FreeBSD does not need the declaration to register: untyped unless
 * IV_EVENTHANDLER_COMPAT_STRICT is defined. */
#ifdef IV_EVENTHANDLER_COMPAT_STRICT
#define EVENTHANDLER_REGISTER(name, func, arg, pri)			\
	IV_EVENTHANDLER_REGISTER(name, func, arg, pri)
#else
#define EVENTHANDLER_REGISTER(name, func, arg, pri)			\
	iv_eventhandler_register(NULL, #name,				\
				 (iv_eventhandler_fn)(func), (arg), (pri))
#endif

/* A NULL tag removes every handler, as in FreeBSD. */
static inline void iv_eventhandler__compat_dereg(
	struct iv_eventhandler_list *list, eventhandler_tag tag, int wait)
{
	if (list == NULL)
		return;
	if (tag == NULL)
		(void)(wait ? iv_eventhandler_deregister_all(list) :
			      iv_eventhandler_deregister_all_nowait(list));
	else
		(void)(wait ? iv_eventhandler_deregister(list, tag) :
			      iv_eventhandler_deregister_nowait(list, tag));
}

#define EVENTHANDLER_DEREGISTER(name, tag)				\
	iv_eventhandler__compat_dereg(iv_eventhandler_find_list(#name),	\
				      (tag), 1)
#define EVENTHANDLER_DEREGISTER_NOWAIT(name, tag)			\
	iv_eventhandler__compat_dereg(iv_eventhandler_find_list(#name),	\
				      (tag), 0)

static inline eventhandler_tag
eventhandler_register(struct iv_eventhandler_list *list, const char *name,
		      void *func, void *arg, int priority)
{
	iv_eventhandler_fn f;

	/* POSIX guarantees object and function pointers convert. */
	memcpy(&f, &func, sizeof(f));
	return iv_eventhandler_register(list, name, f, arg, priority);
}

static inline void eventhandler_deregister(struct iv_eventhandler_list *list,
					   eventhandler_tag tag)
{
	iv_eventhandler__compat_dereg(list != NULL ? list :
				      tag != NULL ? tag->list : NULL, tag, 1);
}

static inline void
eventhandler_deregister_nowait(struct iv_eventhandler_list *list,
			       eventhandler_tag tag)
{
	iv_eventhandler__compat_dereg(list != NULL ? list :
				      tag != NULL ? tag->list : NULL, tag, 0);
}

#define eventhandler_find_list(name)	iv_eventhandler_find_list(name)
#define eventhandler_create_list(name)	iv_eventhandler_create_list(name)
#define eventhandler_prune_list(list)	((void)iv_eventhandler_prune_list(list))

#endif
