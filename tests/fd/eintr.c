/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Signals interrupting a blocked poll (no SA_RESTART) do not break the loop. */

#include <pthread.h>
#include <signal.h>
#include <iv.h>
#include "check.h"

/*
 * The main thread blocks in the poll with a pipe and a far watchdog timer.
 * A helper thread interrupts it five times with SIGUSR1 (handler installed
 * without SA_RESTART, so the wait fails with EINTR) and then writes to the
 * pipe.  The loop must survive every EINTR and deliver the input.
 */

#define NSIGNALS	5

static int caught;		/* atomic: the helper thread reads it */
static struct iv_fd f;
static struct iv_timer watchdog;
static int delivered;

static void on_usr1(int sig)
{
	__atomic_add_fetch(&caught, 1, __ATOMIC_RELEASE);
}

struct helper {
	pthread_t	target;
	long		target_tid;
	int		wfd;
};

static void *helper_thread(void *arg)
{
	struct helper *h = arg;
	int i;

	for (i = 0; i < NSIGNALS; i++) {
		int waited;

		usleep(30 * 1000);
		test_wait_in_poll(h->target_tid);
		CHECK(pthread_kill(h->target, SIGUSR1) == 0);
		/* Standard signals do not queue: wait for this one to be
		 * taken before sending the next, however loaded the
		 * machine is. */
		for (waited = 0; __atomic_load_n(&caught, __ATOMIC_ACQUIRE) <
		     i + 1 && waited < 5000; waited++)
			usleep(1000);
		CHECK_EQ_INT(__atomic_load_n(&caught, __ATOMIC_ACQUIRE), i + 1);
	}
	usleep(30 * 1000);
	CHECK(write(h->wfd, "x", 1) == 1);
	return NULL;
}

static void fd_in(void *cookie)
{
	char buf[8];

	CHECK_EQ_INT(read(f.fd, buf, sizeof(buf)), 1);
	delivered++;
	iv_fd_unregister(&f);
	iv_timer_unregister(&watchdog);
}

static void watchdog_fired(void *cookie)
{
	CHECK(!"the input was never delivered");
}

int main(void)
{
	struct sigaction sa;
	struct helper h;
	pthread_t thr;
	int fds[2];

	TEST_BEGIN(10);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = 0;
	sigemptyset(&sa.sa_mask);
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);

	iv_init();
	CHECK(pipe(fds) == 0);
	IV_FD_INIT(&f);
	f.fd = fds[0];
	f.handler_in = fd_in;
	iv_fd_register(&f);
	IV_TIMER_INIT(&watchdog);
	watchdog.expires = iv_now;
	watchdog.expires.tv_sec += 5;
	watchdog.handler = watchdog_fired;
	iv_timer_register(&watchdog);

	h.target = pthread_self();
	h.target_tid = (long)iv_get_thread_id();
	h.wfd = fds[1];
	CHECK(pthread_create(&thr, NULL, helper_thread, &h) == 0);
	iv_main();
	CHECK(pthread_join(thr, NULL) == 0);

	CHECK_EQ_INT(caught, NSIGNALS);
	CHECK_EQ_INT(delivered, 1);

	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
