/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Blocking iv_notify_poll: timeouts, two ready, close wakes, EINTR (17, 30, 31, 33). */

#include <pthread.h>
#include <time.h>
#include "check.h"
#include "nq.h"

static struct nq q1, q2;
static struct iv_notify_conn c1, c2, c3;

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *push_both(void *arg)
{
	usleep(50000);
	iv_notify_source_lock(&q1.src);
	iv_notify_source_lock(&q2.src);
	q1.n++;
	q2.n++;
	iv_notify_source_unlock(&q2.src);
	iv_notify_source_unlock(&q1.src);
	iv_notify_trigger(&q1.src, 1, 0);
	iv_notify_trigger(&q2.src, 1, 0);
	return NULL;
}

static void *closer(void *arg)
{
	usleep(50000);
	iv_notify_close(&c3);
	return NULL;
}

static void on_usr1(int sig)
{
}

static void *kicker(void *arg)
{
	usleep(50000);
	pthread_kill(*(pthread_t *)arg, SIGUSR1);
	return NULL;
}

int main(void)
{
	struct iv_notify_pollfd p[2];
	struct timespec zero = { 0, 0 }, t100 = { 0, 100000000 };
	unsigned int word = 0;
	struct iv_sigevent ev = nq_mem_ev(&word);
	pthread_t t, self = pthread_self();
	int64_t t0;

	TEST_BEGIN(10);
	signal(SIGUSR1, on_usr1);
	CHECK_EQ_INT(nq_init(&q1, 8), 0);
	CHECK_EQ_INT(nq_init(&q2, 8), 0);
	CHECK_EQ_INT(iv_notify_open(&c1, &q1.src), 0);
	CHECK_EQ_INT(iv_notify_open(&c2, &q2.src), 0);
	p[0].conn = &c1;
	p[0].events = POLLIN;
	p[1].conn = &c2;
	p[1].events = POLLIN;

	/* 30: timeout 0 polls, a timeout expires, nothing stays armed. */
	CHECK_EQ_INT(iv_notify_poll(p, 2, &zero), 0);
	t0 = now_ms();
	CHECK_EQ_INT(iv_notify_poll(p, 2, &t100), 0);
	CHECK(now_ms() - t0 >= 95 && now_ms() - t0 < 2000);
	CHECK(!iv_notify_check(&q1.src, 0, 1000, 1));
	p[0].events = POLLOUT;
	CHECK_EQ_INT(iv_notify_poll(p, 1, NULL), 1);
	CHECK_EQ_INT(p[0].revents, POLLOUT);
	p[0].events = POLLIN;

	/* 31: both become ready while waiting: both are returned. */
	CHECK_EQ_INT(pthread_create(&t, NULL, push_both, NULL), 0);
	CHECK_EQ_INT(iv_notify_poll(p, 2, NULL), 2);
	CHECK(p[0].revents & POLLIN);
	CHECK(p[1].revents & POLLIN);
	pthread_join(t, NULL);
	nq_pop(&q1, 1);
	nq_pop(&q2, 1);

	/* 17: closing c3 wakes its poller with HUP; c1 is untouched. */
	CHECK_EQ_INT(iv_notify_open(&c3, &q1.src), 0);
	CHECK_EQ_INT(iv_notify_arm(&c1, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ev), 0);
	p[1].conn = &c3;
	CHECK_EQ_INT(pthread_create(&t, NULL, closer, NULL), 0);
	CHECK_EQ_INT(iv_notify_poll(&p[1], 1, NULL), 1);
	CHECK(p[1].revents & POLLHUP);
	CHECK(p[1].revents & POLLNVAL);
	pthread_join(t, NULL);
	CHECK_EQ_INT(word, 0);
	nq_push(&q1, 1);
	CHECK_EQ_INT(word, 1);
	nq_pop(&q1, 1);

	/* 33: a signal interrupts the wait; everything is disarmed. */
	CHECK_EQ_INT(pthread_create(&t, NULL, kicker, &self), 0);
	CHECK_ERRNO(iv_notify_poll(p, 1, NULL), EINTR);
	pthread_join(t, NULL);
	CHECK(!iv_notify_check(&q1.src, 0, 1000, 1));

	/* Bad arguments. */
	t100.tv_nsec = 1000000000;
	CHECK_ERRNO(iv_notify_poll(p, 1, &t100), EINVAL);
	CHECK_ERRNO(iv_notify_poll(p, 100000, NULL), EINVAL);

	CHECK_EQ_INT(iv_notify_close(&c1), 0);
	CHECK_EQ_INT(iv_notify_close(&c2), 0);
	iv_notify_source_destroy(&q1.src, 0);
	iv_notify_source_destroy(&q2.src, 0);
	return 0;
}
