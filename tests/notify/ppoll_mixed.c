/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 32: a pipe and a notify conn can each wake iv_notify_ppoll. */

#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include "check.h"
#include "nq.h"

static struct nq q;
static int pfds[2];

static void nap(void)
{
	struct timespec d = { 0, 20 * 1000 * 1000 };

	nanosleep(&d, NULL);
}

static void *write_pipe(void *arg)
{
	nap();
	CHECK_EQ_INT(write(pfds[1], "x", 1), 1);
	return NULL;
}

static void *push_queue(void *arg)
{
	nap();
	nq_push(&q, 1);
	return NULL;
}

int main(void)
{
	struct timespec tmo = { 5, 0 };
	struct iv_notify_pollfd nfd;
	struct iv_notify_conn c;
	struct pollfd ofd;
	pthread_t t;
	char ch;

	TEST_BEGIN(10);
	CHECK_EQ_INT(pipe(pfds), 0);
	CHECK_EQ_INT(nq_init(&q, 4), 0);
	CHECK_EQ_INT(iv_notify_open(&c, &q.src), 0);

	/* The kernel fd wakes it. */
	nfd.conn = &c;
	nfd.events = POLLIN;
	nfd.revents = 0;
	ofd.fd = pfds[0];
	ofd.events = POLLIN;
	ofd.revents = 0;
	CHECK_EQ_INT(pthread_create(&t, NULL, write_pipe, NULL), 0);
	CHECK_EQ_INT(iv_notify_ppoll(&nfd, 1, &ofd, 1, &tmo, NULL), 1);
	CHECK_EQ_INT(pthread_join(t, NULL), 0);
	CHECK(ofd.revents & POLLIN);
	CHECK_EQ_INT(nfd.revents, 0);
	CHECK_EQ_INT(read(pfds[0], &ch, 1), 1);

	/* The notify conn wakes it. */
	ofd.revents = 0;
	CHECK_EQ_INT(pthread_create(&t, NULL, push_queue, NULL), 0);
	CHECK_EQ_INT(iv_notify_ppoll(&nfd, 1, &ofd, 1, &tmo, NULL), 1);
	CHECK_EQ_INT(pthread_join(t, NULL), 0);
	CHECK(nfd.revents & POLLIN);
	CHECK_EQ_INT(ofd.revents, 0);

	/* Both ready at once: both counted. */
	CHECK_EQ_INT(write(pfds[1], "x", 1), 1);
	CHECK_EQ_INT(iv_notify_ppoll(&nfd, 1, &ofd, 1, &tmo, NULL), 2);
	CHECK(nfd.revents & POLLIN);
	CHECK(ofd.revents & POLLIN);

	close(pfds[0]);
	close(pfds[1]);
	CHECK_EQ_INT(iv_notify_close(&c), 0);
	iv_notify_source_destroy(&q.src, 0);
	return 0;
}
