/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 34: a stale wake neither ends a poll early nor extends it. */

#include <dirent.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"
#include "hook.h"
#include "nq.h"

static int injected;

/*
 * Just before the waiter sleeps, post a wake nobody asked for: write to
 * every eventfd of the process (the waiter's among them), as a delivery
 * left over from an earlier call would.
 */
static void hook(int point, void *arg)
{
	char path[300], target[64];
	struct dirent *d;
	DIR *dir;

	if (point != 4 || injected >= 3)
		return;
	injected++;
	dir = opendir("/proc/self/fd");
	CHECK(dir != NULL);
	while ((d = readdir(dir)) != NULL) {
		uint64_t one = 1;
		ssize_t len;

		snprintf(path, sizeof(path), "/proc/self/fd/%s", d->d_name);
		len = readlink(path, target, sizeof(target) - 1);
		if (len < 0)
			continue;
		target[len] = 0;
		if (strcmp(target, "anon_inode:[eventfd]") == 0)
			CHECK_EQ_INT(write(atoi(d->d_name), &one,
					   sizeof(one)), sizeof(one));
	}
	closedir(dir);
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(void)
{
	struct timespec tmo = { 0, 200 * 1000 * 1000 };
	struct iv_notify_pollfd pfd;
	struct iv_notify_conn c;
	unsigned int word = 0;
	struct iv_sigevent ev;
	struct nq q;
	int64_t t0, dt;

	TEST_BEGIN(10);
	CHECK_EQ_INT(nq_init(&q, 4), 0);
	CHECK_EQ_INT(iv_notify_open(&c, &q.src), 0);
	iv_notify_test_hook = hook;

	pfd.conn = &c;
	pfd.events = POLLIN;
	pfd.revents = 0;
	t0 = now_ms();
	CHECK_EQ_INT(iv_notify_poll(&pfd, 1, &tmo), 0);
	dt = now_ms() - t0;
	CHECK(injected >= 1);
	CHECK(dt >= 195);
	CHECK(dt < 400);
	CHECK_EQ_INT(pfd.revents, 0);

	/* Nothing stays armed for the thread afterwards. */
	iv_notify_test_hook = NULL;
	ev = nq_mem_ev(&word);
	nq_push(&q, 1);
	CHECK_EQ_INT((unsigned)iv_notify_arm(&c, IV_NOTIFY_ACTION_POLL,
					     IV_NOTIFY_COND_INPUT, &ev),
		     IV_NOTIFY_COND_INPUT);
	CHECK_EQ_INT(iv_notify_close(&c), 0);
	iv_notify_source_destroy(&q.src, 0);
	return 0;
}
