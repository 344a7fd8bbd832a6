/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Small helpers shared by the iv_wait and iv_popen test programs. */

#ifndef IV_TEST_WAIT_UTIL_H
#define IV_TEST_WAIT_UTIL_H

#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <iv.h>
#include <iv_wait.h>
#include "check.h"

static inline void interest_setup(struct iv_wait_interest *w, pid_t pid,
				  void (*handler)(void *, int,
						  const struct rusage *),
				  void *cookie)
{
	IV_WAIT_INTEREST_INIT(w);
	w->pid = pid;
	w->cookie = cookie;
	w->handler = handler;
}

/* Registers t to fire msec milliseconds from now. */
static inline void timer_in(struct iv_timer *t, long msec,
			    void (*handler)(void *), void *cookie)
{
	IV_TIMER_INIT(t);
	iv_invalidate_now();
	t->expires = iv_now;
	t->expires.tv_sec += msec / 1000;
	t->expires.tv_nsec += (msec % 1000) * 1000000;
	if (t->expires.tv_nsec >= 1000000000) {
		t->expires.tv_sec++;
		t->expires.tv_nsec -= 1000000000;
	}
	t->cookie = cookie;
	t->handler = handler;
	iv_timer_register(t);
}

/* Forks a child that waits for a signal (default actions apply). */
static inline pid_t fork_sleeper(void)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGTERM, SIG_DFL);
		for (;;)
			pause();
	}
	return pid;
}

/* Blocks until pid has something to report, without consuming it. */
static inline void wait_without_reaping(pid_t pid, int what)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	CHECK_EQ_INT(waitid(P_PID, pid, &si, what | WNOWAIT), 0);
	CHECK_EQ_INT(si.si_pid, pid);
}

/* Milliseconds of the monotonic clock, for measuring elapsed time. */
static inline long long mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The number of descriptors this process has open. */
static inline int count_fds(void)
{
	int n = 0;
	int fd;

	for (fd = 0; fd < 1024; fd++) {
		if (fcntl(fd, F_GETFD) >= 0)
			n++;
	}
	return n;
}

#endif
