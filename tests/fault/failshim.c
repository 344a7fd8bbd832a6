/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Interposed eventfd/pipe/pthread_create/syscall that fail on request. */

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "failshim.h"

enum { FS_EVENTFD, FS_PIPE, FS_PTHREAD_CREATE, FS_MAX };

static const char *const fs_names[FS_MAX] = {
	"eventfd", "pipe", "pthread_create",
};

struct fs_fault {
	atomic_int	calls;		/* calls since the fault was armed */
	atomic_int	total;		/* calls ever */
	atomic_int	failures;
	atomic_int	after;
	atomic_int	count;		/* 0: disarmed, -1: for ever */
	atomic_int	err;
};

static struct fs_fault fs_faults[FS_MAX];

static int (*real_eventfd)(unsigned int, int);
static int (*real_pipe)(int *);
static int (*real_pipe2)(int *, int);
static int (*real_pthread_create)(pthread_t *, const pthread_attr_t *,
				  void *(*)(void *), void *);
static long (*real_syscall)(long, ...);

static int fs_index(const char *name)
{
	int i;

	for (i = 0; i < FS_MAX; i++) {
		if (strcmp(fs_names[i], name) == 0)
			return i;
	}
	fprintf(stderr, "failshim: unknown fault name \"%s\"\n", name);
	abort();
}

void failshim_set(const char *name, int after, int count, int err)
{
	struct fs_fault *f = &fs_faults[fs_index(name)];

	atomic_store(&f->count, 0);
	atomic_store(&f->calls, 0);
	atomic_store(&f->after, after);
	atomic_store(&f->err, err);
	atomic_store(&f->count, count);
}

void failshim_clear(void)
{
	int i;

	for (i = 0; i < FS_MAX; i++)
		atomic_store(&fs_faults[i].count, 0);
}

int failshim_calls(const char *name)
{
	return atomic_load(&fs_faults[fs_index(name)].total);
}

int failshim_failures(const char *name)
{
	return atomic_load(&fs_faults[fs_index(name)].failures);
}

/* Counts a call; returns the errno to fail it with, or 0 to let it pass. */
static int fs_should_fail(int which)
{
	struct fs_fault *f = &fs_faults[which];
	int n, count;

	atomic_fetch_add(&f->total, 1);
	n = atomic_fetch_add(&f->calls, 1);
	count = atomic_load(&f->count);
	if (count == 0 || n < atomic_load(&f->after))
		return 0;
	if (count > 0 && n >= atomic_load(&f->after) + count)
		return 0;
	atomic_fetch_add(&f->failures, 1);
	return atomic_load(&f->err);
}

static void *fs_lookup(const char *sym)
{
	void *p = dlsym(RTLD_NEXT, sym);

	if (p == NULL) {
		fprintf(stderr, "failshim: no next definition of %s\n", sym);
		abort();
	}
	return p;
}

/* FAILSHIM=name:after:count:errno[,...] */
static void fs_parse_env(void)
{
	const char *env = getenv("FAILSHIM");
	char name[32];
	int after, count, err, used;

	while (env != NULL && *env) {
		if (sscanf(env, "%31[^:]:%d:%d:%d%n", name, &after, &count,
			   &err, &used) != 4) {
			fprintf(stderr, "failshim: bad FAILSHIM \"%s\"\n", env);
			abort();
		}
		failshim_set(name, after, count, err);
		env += used;
		if (*env == ',')
			env++;
	}
}

__attribute__((constructor)) static void fs_init(void)
{
	*(void **)&real_eventfd = fs_lookup("eventfd");
	*(void **)&real_pipe = fs_lookup("pipe");
	*(void **)&real_pipe2 = fs_lookup("pipe2");
	*(void **)&real_pthread_create = fs_lookup("pthread_create");
	*(void **)&real_syscall = fs_lookup("syscall");
	fs_parse_env();
}

int eventfd(unsigned int initval, int flags)
{
	int err = fs_should_fail(FS_EVENTFD);

	if (err) {
		errno = err;
		return -1;
	}
	return real_eventfd(initval, flags);
}

int pipe(int fds[2])
{
	int err = fs_should_fail(FS_PIPE);

	if (err) {
		errno = err;
		return -1;
	}
	return real_pipe(fds);
}

int pipe2(int fds[2], int flags)
{
	int err = fs_should_fail(FS_PIPE);

	if (err) {
		errno = err;
		return -1;
	}
	return real_pipe2(fds, flags);
}

int pthread_create(pthread_t *thr, const pthread_attr_t *attr,
		   void *(*fn)(void *), void *arg)
{
	int err = fs_should_fail(FS_PTHREAD_CREATE);

	if (err)
		return err;
	return real_pthread_create(thr, attr, fn, arg);
}

/*
 * A library may make the eventfd system call itself through syscall().
 * The six argument words are passed on whatever the call number needs,
 * as the C library's own syscall() does.
 */
long syscall(long number, ...)
{
	long a[6];
	va_list ap;
	int i;

	va_start(ap, number);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);

	if (number == SYS_eventfd2
#ifdef SYS_eventfd
	    || number == SYS_eventfd
#endif
	    ) {
		int err = fs_should_fail(FS_EVENTFD);

		if (err) {
			errno = err;
			return -1;
		}
	}
	return real_syscall(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}
