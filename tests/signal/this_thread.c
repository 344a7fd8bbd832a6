/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* THIS_THREAD registrations catch signals sent to their own thread only. */

#include <pthread.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_event.h>
#include <iv_signal.h>
#include "check.h"

struct catcher {
	pthread_t		thr;
	unsigned long		tid;
	struct iv_signal	sig;
	struct iv_event		quit;
	atomic_int		calls;
};

static struct catcher catchers[2];
static struct iv_signal main_sig;
static struct iv_event ready, got;
static struct iv_timer settle;
static atomic_int nready;
static int kicked, ngot, main_calls;

static void catcher_got_signal(void *cookie)
{
	struct catcher *c = cookie;

	CHECK_EQ_INT(iv_get_thread_id(), c->tid);
	atomic_fetch_add(&c->calls, 1);
	iv_event_post(&got);
}

static void catcher_quit(void *cookie)
{
	struct catcher *c = cookie;

	iv_signal_unregister(&c->sig);
	iv_event_unregister(&c->quit);
}

static void *catcher_thread(void *arg)
{
	struct catcher *c = arg;

	iv_init();
	c->tid = iv_get_thread_id();
	IV_SIGNAL_INIT(&c->sig);
	c->sig.signum = SIGUSR1;
	c->sig.flags = IV_SIGNAL_FLAG_THIS_THREAD;
	c->sig.cookie = c;
	c->sig.handler = catcher_got_signal;
	CHECK_EQ_INT(iv_signal_register(&c->sig), 0);
	IV_EVENT_INIT(&c->quit);
	c->quit.cookie = c;
	c->quit.handler = catcher_quit;
	CHECK_EQ_INT(iv_event_register(&c->quit), 0);
	atomic_fetch_add(&nready, 1);
	iv_event_post(&ready);
	iv_main();
	iv_deinit();
	return NULL;
}

static void main_got_signal(void *cookie)
{
	main_calls++;
}

static void settled(void *cookie)
{
	int i;

	CHECK_EQ_INT(atomic_load(&catchers[0].calls), 1);
	CHECK_EQ_INT(atomic_load(&catchers[1].calls), 1);
	CHECK_EQ_INT(main_calls, 0);
	for (i = 0; i < 2; i++)
		iv_event_post(&catchers[i].quit);
	iv_signal_unregister(&main_sig);
	iv_event_unregister(&ready);
	iv_event_unregister(&got);
}

/* The two posts of "ready" may have been folded into one call. */
static void on_ready(void *cookie)
{
	if (atomic_load(&nready) == 2 && !kicked) {
		kicked = 1;
		test_wait_in_poll((long)catchers[0].tid);
		CHECK_EQ_INT(pthread_kill(catchers[0].thr, SIGUSR1), 0);
	}
}

static void on_got(void *cookie)
{
	ngot++;
	if (ngot == 1) {
		CHECK_EQ_INT(atomic_load(&catchers[0].calls), 1);
		CHECK_EQ_INT(atomic_load(&catchers[1].calls), 0);
		test_wait_in_poll((long)catchers[1].tid);
		CHECK_EQ_INT(pthread_kill(catchers[1].thr, SIGUSR1), 0);
	} else if (ngot == 2) {
		/* Time for any wrongly woken registration to show up. */
		IV_TIMER_INIT(&settle);
		iv_validate_now();
		settle.expires = iv_now;
		settle.expires.tv_nsec += 300000000;
		if (settle.expires.tv_nsec >= 1000000000) {
			settle.expires.tv_sec++;
			settle.expires.tv_nsec -= 1000000000;
		}
		settle.handler = settled;
		iv_timer_register(&settle);
	}
}

int main(void)
{
	int i;

	TEST_BEGIN(10);
	iv_init();

	/* A process-wide registration that must not see these signals. */
	IV_SIGNAL_INIT(&main_sig);
	main_sig.signum = SIGUSR1;
	main_sig.flags = 0;
	main_sig.handler = main_got_signal;
	CHECK_EQ_INT(iv_signal_register(&main_sig), 0);

	IV_EVENT_INIT(&ready);
	ready.handler = on_ready;
	CHECK_EQ_INT(iv_event_register(&ready), 0);
	IV_EVENT_INIT(&got);
	got.handler = on_got;
	CHECK_EQ_INT(iv_event_register(&got), 0);

	atomic_init(&nready, 0);
	for (i = 0; i < 2; i++) {
		atomic_init(&catchers[i].calls, 0);
		CHECK_EQ_INT(pthread_create(&catchers[i].thr, NULL,
					    catcher_thread, &catchers[i]), 0);
	}
	iv_main();
	for (i = 0; i < 2; i++)
		CHECK_EQ_INT(pthread_join(catchers[i].thr, NULL), 0);

	CHECK_EQ_INT(ngot, 2);
	iv_deinit();
	return 0;
}
