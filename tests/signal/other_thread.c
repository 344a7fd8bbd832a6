/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A signal caught by another thread is handled in the registering loop. */

#include <pthread.h>
#include <iv.h>
#include <iv_signal.h>
#include "check.h"

static struct iv_signal sig;
static unsigned long owner;
static int calls;

static void got_signal(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), owner);
	calls++;
	iv_signal_unregister(&sig);
}

/* A thread without a loop takes the signal itself. */
static void *raiser(void *arg)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	CHECK_EQ_INT(pthread_sigmask(SIG_UNBLOCK, &set, NULL), 0);
	usleep(50000);
	CHECK_EQ_INT(pthread_kill(pthread_self(), SIGUSR2), 0);
	return NULL;
}

int main(void)
{
	pthread_t thr;

	TEST_BEGIN(10);
	iv_init();
	owner = iv_get_thread_id();

	IV_SIGNAL_INIT(&sig);
	sig.signum = SIGUSR2;
	sig.flags = 0;
	sig.handler = got_signal;
	CHECK_EQ_INT(iv_signal_register(&sig), 0);

	CHECK_EQ_INT(pthread_create(&thr, NULL, raiser, NULL), 0);
	iv_main();
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);

	CHECK_EQ_INT(calls, 1);
	iv_deinit();
	return 0;
}
