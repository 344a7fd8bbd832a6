/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Assertions and a watchdog for the self-checking test programs. */

#ifndef IV_TEST_CHECK_H
#define IV_TEST_CHECK_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

/* Exit status that CTest reports as "skipped". */
#define TEST_SKIP	77

#define CHECK(expr)							\
	do {								\
		if (!(expr)) {						\
			fprintf(stderr, "%s:%d: CHECK failed: %s\n",	\
				__FILE__, __LINE__, #expr);		\
			abort();					\
		}							\
	} while (0)

#define CHECK_EQ_INT(a, b)						\
	do {								\
		long long __a = (long long)(a);				\
		long long __b = (long long)(b);				\
		if (__a != __b) {					\
			fprintf(stderr, "%s:%d: CHECK failed: %s == %s"	\
				" (%lld != %lld)\n", __FILE__, __LINE__,\
				#a, #b, __a, __b);			\
			abort();					\
		}							\
	} while (0)

#define CHECK_EQ_STR(a, b)						\
	do {								\
		const char *__a = (a);					\
		const char *__b = (b);					\
		if (__a == NULL || __b == NULL || strcmp(__a, __b)) {	\
			fprintf(stderr, "%s:%d: CHECK failed: %s == %s"	\
				" (\"%s\" != \"%s\")\n", __FILE__,	\
				__LINE__, #a, #b, __a ? __a : "(null)",	\
				__b ? __b : "(null)");			\
			abort();					\
		}							\
	} while (0)

/* A call that returns -1 and sets errno to the expected value. */
#define CHECK_ERRNO(call, err)						\
	do {								\
		errno = 0;						\
		long long __r = (long long)(call);			\
		int __e = errno;					\
		if (__r != -1 || __e != (err)) {			\
			fprintf(stderr, "%s:%d: CHECK failed: %s: "	\
				"returned %lld errno %d, want -1 errno "\
				"%d\n", __FILE__, __LINE__, #call, __r,	\
				__e, (int)(err));			\
			abort();					\
		}							\
	} while (0)

/*
 * The watchdog: a test that hangs is killed by SIGALRM (a failure).  Slow
 * runs (valgrind) stretch it by the factor in IV_TEST_TIME_SCALE.
 */
static inline void test_begin(unsigned int seconds)
{
	const char *scale = getenv("IV_TEST_TIME_SCALE");

	if (scale != NULL && atoi(scale) > 1)
		seconds *= (unsigned int)atoi(scale);
	alarm(seconds);
}

#define TEST_BEGIN(seconds)	test_begin(seconds)

/*
 * Waits (at most 5 s) until thread tid is blocked in a poll-family system
 * call, that is, idle in its loop.  Tests call it before pthread_kill():
 * ThreadSanitizer's run-time (GCC 12) defers a signal that reaches a
 * thread outside a call it knows to be blocking, and sometimes never
 * delivers it (reproduced without Liana: a thread leaving
 * pthread_barrier_wait() for epoll_wait(), about 1 run in 15).
 */
static inline int test_in_poll(long tid)
{
	char path[64], buf[32];
	FILE *f;
	long nr;

	snprintf(path, sizeof(path), "/proc/self/task/%ld/syscall", tid);
	f = fopen(path, "r");
	if (f == NULL)
		return 0;
	if (fgets(buf, sizeof(buf), f) == NULL)
		buf[0] = 0;
	fclose(f);
	if (buf[0] < '0' || buf[0] > '9')
		return 0;
	nr = atol(buf);
	return nr == SYS_poll || nr == SYS_ppoll || nr == SYS_epoll_wait ||
	       nr == SYS_epoll_pwait
#ifdef SYS_epoll_pwait2
	       || nr == SYS_epoll_pwait2
#endif
	       ;
}

static inline void test_wait_in_poll(long tid)
{
	int i;

	for (i = 0; i < 5000 && !test_in_poll(tid); i++)
		usleep(1000);
}

#endif
