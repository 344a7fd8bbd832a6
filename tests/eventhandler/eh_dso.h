/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Event types shared by the attach-order and unload tests and their DSOs. */

#ifndef EH_DSO_H
#define EH_DSO_H

#include <iv_eventhandler.h>

/* T38: a list that a shared object creates by name before main. */
typedef void (*eh_early_fn)(void *, long *);
IV_EVENTHANDLER_DECLARE(eh_early, eh_early_fn);

struct iv_eventhandler_list *eh_early_list_seen(void);
long eh_early_ctor_ran(void);

/* T43: a handler defined in a module that is loaded and unloaded. */
typedef void (*eh_unload_fn)(void *, long *);
IV_EVENTHANDLER_DECLARE(eh_unload, eh_unload_fn);

#endif
