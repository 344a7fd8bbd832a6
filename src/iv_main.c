/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Per-thread loop state, iv_init/iv_main/iv_quit/iv_deinit, method choice. */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "iv_private.h"

__thread struct iv_state *iv__state __attribute__((tls_model("initial-exec")));

const struct iv_fd_poll_method *iv__method;

/* Preference order, as ivykis has it on Linux. */
static const struct iv_fd_poll_method *const methods[] = {
	&iv_fd_poll_method_epoll_timerfd,
	&iv_fd_poll_method_epoll,
	&iv_fd_poll_method_ppoll,
	&iv_fd_poll_method_poll,
};

static pthread_key_t state_key;
static pthread_once_t state_key_once = PTHREAD_ONCE_INIT;
static int state_key_ok;

struct iv_state *iv__need_state(const char *func)
{
	iv_fatal("%s: called in a thread without iv_init", func);
}

static void state_destroy(struct iv_state *st);

/* A thread that exits without iv_deinit() still releases its loop. */
static void state_key_destructor(void *data)
{
	struct iv_state *st = data;

	iv__state = st;
	state_destroy(st);
}

/*
 * Serialises the process's first iv_init().  fork() waits for it (the
 * handlers below), so a child never inherits it taken: a child whose
 * parent forked in the middle of another thread's first iv_init() would
 * otherwise hang in its own.
 */
static pthread_mutex_t first_lock = PTHREAD_MUTEX_INITIALIZER;

static void first_lock_take(void)
{
	pthread_mutex_lock(&first_lock);
}

static void first_lock_release(void)
{
	pthread_mutex_unlock(&first_lock);
}

static void state_key_create(void)
{
	state_key_ok = !pthread_key_create(&state_key, state_key_destructor);
	if (state_key_ok && pthread_atfork(first_lock_take, first_lock_release,
					   first_lock_release))
		state_key_ok = 0;
}

/*
 * The first iv_init() of the process, as ivykis does it: ignore SIGPIPE
 * and SIGURG, raise the open-file limit, choose the poll method.
 */
static void raise_nofile_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
		return;

	if (geteuid() != 0) {
		rlim_t want = rl.rlim_max & 0x7fffffff;

		if (want > 131072)
			want = 131072;
		if (rl.rlim_cur < want) {
			rl.rlim_cur = want;
			setrlimit(RLIMIT_NOFILE, &rl);
		}
		return;
	}

	/* Root may raise the hard limit too; halve until the kernel
	 * agrees, never going below what we already have. */
	for (rlim_t want = 131072; want > rl.rlim_cur; want /= 2) {
		struct rlimit nrl = { .rlim_cur = want, .rlim_max = want };

		if (want < rl.rlim_max)
			nrl.rlim_max = rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &nrl) == 0)
			break;
	}
}

/* Is name a whitespace-separated token of list? */
static int listed(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p = list;

	while (*p) {
		size_t n;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		n = strcspn(p, " \t\n");
		if (n == len && !memcmp(p, name, len))
			return 1;
		p += n;
	}
	return 0;
}

static void choose_method(struct iv_state *st)
{
	const char *exclude = NULL;
	const char *select = NULL;

	/* Set-uid programs do not take orders from the environment. */
	if (getuid() == geteuid()) {
		exclude = getenv("IV_EXCLUDE_POLL_METHOD");
		select = getenv("IV_SELECT_POLL_METHOD");
	}

	if (select != NULL && *select) {
		for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]);
		     i++) {
			if (strcmp(methods[i]->name, select))
				continue;
			if (methods[i]->init(st) == 0) {
				__atomic_store_n(&iv__method, methods[i],
						 __ATOMIC_RELEASE);
				return;
			}
			break;
		}
		iv_fatal("iv_init: poll method %s is not available", select);
	}

	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		if (exclude != NULL && listed(exclude, methods[i]->name))
			continue;
		if (methods[i]->init(st) == 0) {
			__atomic_store_n(&iv__method, methods[i], __ATOMIC_RELEASE);
			return;
		}
	}

	iv_fatal("iv_init: can't find suitable event dispatcher");
}

IV_EXPORT void iv_init(void)
{
	struct iv_state *st;
	int chosen = 0;

	pthread_once(&state_key_once, state_key_create);
	if (!state_key_ok)
		iv_fatal("iv_init: failed to allocate TLS key");

	st = calloc(1, iv__tls_total_size());
	if (st == NULL)
		iv_fatal("iv_init: out of memory");

	iv__fd_init(st);
	iv__task_init(st);
	iv__timer_init(st);

	if (__atomic_load_n(&iv__method, __ATOMIC_ACQUIRE) == NULL) {
		pthread_mutex_lock(&first_lock);
		if (iv__method == NULL) {
			signal(SIGPIPE, SIG_IGN);
			signal(SIGURG, SIG_IGN);
			raise_nofile_limit();
			__atomic_store_n(&iv__tls_frozen, 1, __ATOMIC_RELEASE);
			choose_method(st);
			chosen = 1;
		}
		pthread_mutex_unlock(&first_lock);
	}
	if (!chosen && iv__method->init(st) < 0)
		iv_fatal("iv_init: can't initialize event dispatcher");

	iv__state = st;
	pthread_setspecific(state_key, st);

	iv__tls_init_thread(st);
}

IV_EXPORT int iv_inited(void)
{
	return iv__state != NULL;
}

IV_EXPORT void iv_quit(void)
{
	iv__state_for(__func__)->quit = 1;
}

IV_EXPORT void iv_main(void)
{
	struct iv_state *st = iv__state_for(__func__);

	st->quit = 0;
	if (iv__method->run != NULL)
		iv__method->run(st);
	else
		iv__main_loop(st, iv__method->poll);
}

/*
 * Tear down in the order ivykis documents: iv_tls users first (they may
 * still use the loop), then events, the poll method and the timers.
 * Registered objects are abandoned, not unregistered.
 */
static void state_destroy(struct iv_state *st)
{
	iv__tls_deinit_thread(st);
	iv__event_deinit(st);
	iv__method->deinit(st);
	iv__timer_deinit(st);

	iv__state = NULL;
	free(st);
}

IV_EXPORT void iv_deinit(void)
{
	struct iv_state *st = iv__state_for(__func__);

	state_destroy(st);
	pthread_setspecific(state_key, NULL);
}

IV_EXPORT const char *iv_poll_method_name(void)
{
	const struct iv_fd_poll_method *m =
		__atomic_load_n(&iv__method, __ATOMIC_ACQUIRE);

	return m != NULL ? m->name : NULL;
}
