/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Re-arming a one-shot wake-up fd in an epoll set, from any thread. */

#ifndef IV_EPOLL_REARM_H
#define IV_EPOLL_REARM_H

#include <errno.h>
#include <sys/epoll.h>
#include <sys/syscall.h>

/*
 * Make fd, registered EPOLLONESHOT in epfd with data.ptr == ptr, report
 * EPOLLIN once more.  Returns 0 or a negative errno.
 *
 * On x86-64 the system call is issued here, not through libc's
 * epoll_ctl(): the poster is often preempted inside this call by the
 * thread it wakes (both on one CPU), and the kernel refills the return
 * stack buffer on that context switch, so every return the poster then
 * makes mispredicts, 25 to 35 ns each here (b3_eventfd_floor with
 * extra call depth, docs/ARCHITECTURE.md).  One frame fewer on that path.
 * epoll_ctl() is not a cancellation point, so nothing is lost.  Under
 * ThreadSanitizer libc's call is kept: TSan intercepts it.
 */
static inline int iv__epoll_rearm(int epfd, int fd, void *ptr)
{
	struct epoll_event ev = {
		.events = EPOLLIN | EPOLLONESHOT,
		.data.ptr = ptr,
	};
#if defined(__x86_64__) && !defined(__SANITIZE_THREAD__)
	register long r10 __asm__("r10") = (long)&ev;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"((long)SYS_epoll_ctl), "D"((long)epfd),
			   "S"((long)EPOLL_CTL_MOD), "d"((long)fd), "r"(r10),
			   "m"(ev)
			 : "rcx", "r11", "memory");
	return (int)ret;
#else
	if (epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev) < 0)
		return -errno;
	return 0;
#endif
}

#endif
