/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The test-only hook of src/iv_notify.c, built into the race tests. */

#ifndef NOTIFY_HOOK_H
#define NOTIFY_HOOK_H

/*
 * Points: 1 simple-mode arm, after query() with the source lock held;
 * 2 watch, after the handlers and before the re-arm; 3 a delivery about
 * to be issued (source lock held); 4 iv_notify_poll() about to sleep.
 */
extern void (*iv_notify_test_hook)(int point, void *arg);

#endif
