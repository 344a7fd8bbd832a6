/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_event_raw_post from a plain signal handler wakes the loop. */

#include <pthread.h>
#include <iv.h>
#include <iv_event_raw.h>
#include "check.h"

static struct iv_event_raw ev;
static volatile sig_atomic_t in_handler;
static int calls;

static void on_sigusr1(int sig)
{
	int saved = errno;

	in_handler = 1;
	iv_event_raw_post(&ev);
	errno = saved;
}

static void got_event(void *cookie)
{
	CHECK(in_handler);
	calls++;
	iv_event_raw_unregister(&ev);
}

static long main_tid;

/* A second thread makes the signal arrive while the loop is blocked. */
static void *sender(void *arg)
{
	pthread_t *main_thr = arg;

	usleep(50000);
	test_wait_in_poll(main_tid);
	CHECK_EQ_INT(pthread_kill(*main_thr, SIGUSR1), 0);
	return NULL;
}

int main(void)
{
	struct sigaction sa;
	pthread_t self = pthread_self();
	pthread_t thr;

	TEST_BEGIN(10);
	iv_init();
	main_tid = (long)iv_get_thread_id();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigusr1;
	sigemptyset(&sa.sa_mask);
	CHECK_EQ_INT(sigaction(SIGUSR1, &sa, NULL), 0);

	/* Round one: raised before iv_main, twice, folded into one call. */
	IV_EVENT_RAW_INIT(&ev);
	ev.handler = got_event;
	CHECK_EQ_INT(iv_event_raw_register(&ev), 0);
	raise(SIGUSR1);
	raise(SIGUSR1);
	iv_main();
	CHECK_EQ_INT(calls, 1);

	/* Round two: the signal interrupts a blocked loop. */
	in_handler = 0;
	CHECK_EQ_INT(iv_event_raw_register(&ev), 0);
	CHECK_EQ_INT(pthread_create(&thr, NULL, sender, &self), 0);
	iv_main();
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
	CHECK_EQ_INT(calls, 2);

	signal(SIGUSR1, SIG_DFL);
	iv_deinit();
	return 0;
}
