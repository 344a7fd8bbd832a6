/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 42: posts from a 10 kHz signal handler are never lost. */

#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <iv.h>
#include "check.h"
#include <iv_notify.h>

static struct iv_notify_source src;
static struct iv_notify_conn conn;
static struct iv_sigevent ev;
static struct iv_timer stop_tim, check_tim;
static int posted, consumed, deliveries, post_err;

static uint32_t query(void *cookie, int counts[IV_NOTIFY_MAXCOND])
{
	return __atomic_load_n(&posted, __ATOMIC_SEQ_CST) != consumed ?
	       IV_NOTIFY_COND_INPUT : 0;
}

static const struct iv_notify_source_ops ops = {
	.query = query, .flags = IV_NOTIFY_SRC_ASYNC,
};

static void on_alarm(int sig)
{
	int n = __atomic_add_fetch(&posted, 1, __ATOMIC_SEQ_CST);

	if (iv_notify_post_async(&src, IV_NOTIFY_INPUT, n) != 0)
		post_err = 1;
}

/* Catch up with the posts, then arm again; a ready reply means go on. */
static void consume(void)
{
	do {
		consumed = __atomic_load_n(&posted, __ATOMIC_SEQ_CST);
	} while (iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
			       IV_NOTIFY_COND_INPUT, &ev) > 0);
}

static void on_delivery(void *cookie, uint32_t conds, union sigval v)
{
	deliveries++;
	consume();
}

static void stop_posting(void *c)
{
	struct itimerval it;

	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	iv_validate_now();
	check_tim.expires = iv_now;
	check_tim.expires.tv_nsec += 100 * 1000 * 1000;
	if (check_tim.expires.tv_nsec >= 1000000000) {
		check_tim.expires.tv_sec++;
		check_tim.expires.tv_nsec -= 1000000000;
	}
	iv_timer_register(&check_tim);
}

static void check_done(void *c)
{
	CHECK_EQ_INT(consumed, __atomic_load_n(&posted, __ATOMIC_SEQ_CST));
	iv_quit();
}

int main(void)
{
	struct sigaction sa;
	struct itimerval it;

	TEST_BEGIN(20);
	iv_init();
	CHECK_EQ_INT(iv_notify_source_init(&src, 3, &ops, NULL), 0);
	CHECK_EQ_INT(iv_notify_open(&conn, &src), 0);
	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_CALLBACK;
	ev.handler = on_delivery;
	consume();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	CHECK_EQ_INT(sigaction(SIGALRM, &sa, NULL), 0);
	memset(&it, 0, sizeof(it));
	it.it_interval.tv_usec = 100;
	it.it_value.tv_usec = 100;
	CHECK_EQ_INT(setitimer(ITIMER_REAL, &it, NULL), 0);

	IV_TIMER_INIT(&stop_tim);
	IV_TIMER_INIT(&check_tim);
	iv_validate_now();
	stop_tim.expires = iv_now;
	stop_tim.expires.tv_nsec += 300 * 1000 * 1000;
	if (stop_tim.expires.tv_nsec >= 1000000000) {
		stop_tim.expires.tv_sec++;
		stop_tim.expires.tv_nsec -= 1000000000;
	}
	stop_tim.handler = stop_posting;
	check_tim.handler = check_done;
	iv_timer_register(&stop_tim);
	iv_main();

	CHECK(!post_err);
	CHECK(posted > 100);
	CHECK(deliveries > 0);
	signal(SIGALRM, SIG_IGN);
	CHECK_EQ_INT(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, NULL), 0);
	CHECK_EQ_INT(iv_notify_close(&conn), 0);
	iv_notify_source_destroy(&src, 0);
	iv_deinit();
	return 0;
}
