/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Public struct sizes and member offsets equal those of ivykis 0.42 (LP64). */

#include <stddef.h>
#include <iv.h>
#include <iv_avl.h>
#include <iv_event.h>
#include <iv_event_raw.h>
#include <iv_fd_pump.h>
#include <iv_inotify.h>
#include <iv_list.h>
#include <iv_popen.h>
#include <iv_signal.h>
#include <iv_thread.h>
#include <iv_tls.h>
#include <iv_wait.h>
#include <iv_work.h>

#define SIZE(s, n)	_Static_assert(sizeof(struct s) == (n), #s)
#define OFF(s, m, n)	_Static_assert(offsetof(struct s, m) == (n), #s "." #m)

#if __SIZEOF_POINTER__ == 8
SIZE(iv_fd, 128);
OFF(iv_fd, fd, 0); OFF(iv_fd, cookie, 8); OFF(iv_fd, handler_in, 16);
OFF(iv_fd, handler_out, 24); OFF(iv_fd, handler_err, 32); OFF(iv_fd, pad, 40);
SIZE(iv_task, 64);
OFF(iv_task, cookie, 0); OFF(iv_task, handler, 8); OFF(iv_task, pad, 16);
SIZE(iv_timer, 64);
OFF(iv_timer, expires, 0); OFF(iv_timer, cookie, 16);
OFF(iv_timer, handler, 24); OFF(iv_timer, pad, 32);
SIZE(iv_list_head, 16);
OFF(iv_list_head, next, 0); OFF(iv_list_head, prev, 8);
SIZE(iv_avl_node, 32);
OFF(iv_avl_node, left, 0); OFF(iv_avl_node, right, 8);
OFF(iv_avl_node, parent, 16); OFF(iv_avl_node, height, 24);
SIZE(iv_avl_tree, 16);
OFF(iv_avl_tree, compare, 0); OFF(iv_avl_tree, root, 8);
SIZE(iv_event, 40);
OFF(iv_event, cookie, 0); OFF(iv_event, handler, 8);
OFF(iv_event, owner, 16); OFF(iv_event, list, 24);
SIZE(iv_event_raw, 152);
OFF(iv_event_raw, cookie, 0); OFF(iv_event_raw, handler, 8);
OFF(iv_event_raw, event_rfd, 16); OFF(iv_event_raw, event_wfd, 144);
SIZE(iv_fd_pump, 56);
OFF(iv_fd_pump, from_fd, 0); OFF(iv_fd_pump, to_fd, 4);
OFF(iv_fd_pump, cookie, 8); OFF(iv_fd_pump, set_bands, 16);
OFF(iv_fd_pump, flags, 24); OFF(iv_fd_pump, buf, 32);
OFF(iv_fd_pump, bytes, 40); OFF(iv_fd_pump, full, 44);
OFF(iv_fd_pump, saw_fin, 48);
SIZE(iv_inotify, 152);
OFF(iv_inotify, fd, 0); OFF(iv_inotify, watches, 128); OFF(iv_inotify, term, 144);
SIZE(iv_inotify_watch, 80);
OFF(iv_inotify_watch, inotify, 0); OFF(iv_inotify_watch, pathname, 8);
OFF(iv_inotify_watch, mask, 16); OFF(iv_inotify_watch, cookie, 24);
OFF(iv_inotify_watch, handler, 32); OFF(iv_inotify_watch, wd, 40);
OFF(iv_inotify_watch, an, 48);
SIZE(iv_popen_request, 32);
OFF(iv_popen_request, file, 0); OFF(iv_popen_request, argv, 8);
OFF(iv_popen_request, type, 16); OFF(iv_popen_request, child, 24);
SIZE(iv_signal, 216);
OFF(iv_signal, signum, 0); OFF(iv_signal, flags, 4); OFF(iv_signal, cookie, 8);
OFF(iv_signal, handler, 16); OFF(iv_signal, an, 24);
OFF(iv_signal, active, 56); OFF(iv_signal, ev, 64);
SIZE(iv_tls_user, 48);
OFF(iv_tls_user, sizeof_state, 0); OFF(iv_tls_user, init_thread, 8);
OFF(iv_tls_user, deinit_thread, 16); OFF(iv_tls_user, list, 24);
OFF(iv_tls_user, state_offset, 40);
SIZE(iv_wait_interest, 128);
OFF(iv_wait_interest, pid, 0); OFF(iv_wait_interest, cookie, 8);
OFF(iv_wait_interest, handler, 16); OFF(iv_wait_interest, avl_node, 24);
OFF(iv_wait_interest, ev, 56); OFF(iv_wait_interest, events_pending, 96);
OFF(iv_wait_interest, dummy, 112); OFF(iv_wait_interest, flags, 120);
SIZE(iv_work_pool, 40);
OFF(iv_work_pool, max_threads, 0); OFF(iv_work_pool, cookie, 8);
OFF(iv_work_pool, thread_start, 16); OFF(iv_work_pool, thread_stop, 24);
OFF(iv_work_pool, priv, 32);
SIZE(iv_work_item, 40);
OFF(iv_work_item, cookie, 0); OFF(iv_work_item, work, 8);
OFF(iv_work_item, completion, 16); OFF(iv_work_item, list, 24);
#endif

_Static_assert(IV_SIGNAL_FLAG_EXCLUSIVE == 1, "flag");
_Static_assert(IV_SIGNAL_FLAG_THIS_THREAD == 2, "flag");
_Static_assert(IV_FD_PUMP_FLAG_RELAY_EOF == 1, "flag");

int main(void)
{
	/* Everything above is checked by the compiler. */
	return 0;
}
