/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: threads that report their end to the loop (ivykis 0.42 compatible). */

#ifndef __IV_THREAD_H
#define __IV_THREAD_H

#ifdef __cplusplus
extern "C" {
#endif

int iv_thread_create(const char *name, void (*start_routine)(void *),
		     void *arg);
void iv_thread_set_debug_state(int state);
unsigned long iv_thread_get_id(void);
void iv_thread_list_children(void);

#ifdef __cplusplus
}
#endif

#endif
