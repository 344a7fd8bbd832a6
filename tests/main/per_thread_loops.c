/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Loops of two threads are independent: own objects, own iv_quit(). */

#include <pthread.h>
#include <stdatomic.h>
#include <iv.h>
#include "check.h"

/*
 * Thread A keeps its loop alive with a handler-less fd and quits from a
 * 30 ms timer.  Thread B keeps its loop alive the same way and runs a
 * chain of ten 20 ms timers, unregistering its fd after the last one.
 * A's iv_quit() must not end B's loop, every callback must run on the
 * thread that registered the object, and the main thread's empty loop
 * returns at once while both others are busy.
 */

struct loop {
	pthread_t	self;
	int		pipe[2];
	struct iv_fd	idle;
	struct iv_timer	timer;
	int		fires;
	int		chain;
};

static atomic_int running;

static void add_ms(struct timespec *ts, long ms)
{
	ts->tv_nsec += ms * 1000000;
	while (ts->tv_nsec >= 1000000000) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000;
	}
}

static void timer_fired(void *cookie)
{
	struct loop *l = cookie;

	CHECK(pthread_equal(l->self, pthread_self()));
	l->fires++;
	if (!l->chain) {
		iv_quit();
		return;
	}
	if (l->fires < 10) {
		l->timer.expires = iv_now;
		add_ms(&l->timer.expires, 20);
		iv_timer_register(&l->timer);
	} else {
		iv_fd_unregister(&l->idle);
	}
}

static void *loop_thread(void *arg)
{
	struct loop *l = arg;

	l->self = pthread_self();
	CHECK_EQ_INT(iv_inited(), 0);
	iv_init();
	CHECK(pipe(l->pipe) == 0);
	IV_FD_INIT(&l->idle);
	l->idle.fd = l->pipe[0];
	iv_fd_register(&l->idle);
	IV_TIMER_INIT(&l->timer);
	l->timer.expires = iv_now;
	add_ms(&l->timer.expires, l->chain ? 20 : 30);
	l->timer.cookie = l;
	l->timer.handler = timer_fired;
	iv_timer_register(&l->timer);

	atomic_fetch_add(&running, 1);
	iv_main();

	if (iv_fd_registered(&l->idle))
		iv_fd_unregister(&l->idle);
	close(l->pipe[0]);
	close(l->pipe[1]);
	iv_deinit();
	return NULL;
}

int main(void)
{
	struct loop a = { .chain = 0 };
	struct loop b = { .chain = 1 };
	pthread_t ta, tb;

	TEST_BEGIN(10);
	iv_init();
	CHECK(pthread_create(&ta, NULL, loop_thread, &a) == 0);
	CHECK(pthread_create(&tb, NULL, loop_thread, &b) == 0);
	while (atomic_load(&running) < 2)
		usleep(1000);

	/* Nothing is registered in this thread's loop. */
	iv_main();

	CHECK(pthread_join(ta, NULL) == 0);
	CHECK(pthread_join(tb, NULL) == 0);
	CHECK_EQ_INT(a.fires, 1);
	CHECK_EQ_INT(b.fires, 10);

	iv_deinit();
	return 0;
}
