/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenarios 36, 37: producers check without the lock; no wake-up is lost. */

#include <linux/futex.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"
#include <iv_notify.h>

#define ITEMS	100000

/*
 * Two resources: "locked" changes its counter under the source lock and
 * checks after unlocking (fast path, 2.10 B); "lockfree" changes it with
 * atomics only and relies on IV_NOTIFY_ACTF_RECHECK (2.10 C).
 */
struct res {
	struct iv_notify_source	src;
	int			count;
	int			lockfree;
};

static struct res r;
static unsigned int word;

static uint32_t res_query(void *cookie, int counts[IV_NOTIFY_MAXCOND])
{
	return __atomic_load_n(&r.count, __ATOMIC_SEQ_CST) > 0 ?
	       IV_NOTIFY_COND_INPUT : 0;
}

static const struct iv_notify_source_ops res_ops = { .query = res_query };

static void *producer(void *arg)
{
	int i, n;

	for (i = 0; i < ITEMS; i++) {
		if (r.lockfree) {
			n = __atomic_add_fetch(&r.count, 1, __ATOMIC_SEQ_CST);
		} else {
			iv_notify_source_lock(&r.src);
			n = __atomic_add_fetch(&r.count, 1, __ATOMIC_RELAXED);
			iv_notify_source_unlock(&r.src);
		}
		if (iv_notify_check(&r.src, IV_NOTIFY_INPUT, n, n == 1))
			iv_notify_trigger_ex(&r.src, NULL, n, IV_NOTIFY_INPUT,
					     n == 1 ? 0 :
					     IV_NOTIFY_TRIGF_STEADY);
	}
	return NULL;
}

static int take(void)
{
	int n;

	if (r.lockfree)
		return __atomic_exchange_n(&r.count, 0, __ATOMIC_SEQ_CST);
	iv_notify_source_lock(&r.src);
	n = __atomic_exchange_n(&r.count, 0, __ATOMIC_RELAXED);
	iv_notify_source_unlock(&r.src);
	return n;
}

static void run(int lockfree, int nprod)
{
	struct timespec tmo = { 5, 0 };
	struct iv_notify_conn c;
	struct iv_sigevent ev;
	pthread_t t[4];
	int action = IV_NOTIFY_ACTION_POLLARM;
	long got = 0;
	int i;

	memset(&r, 0, sizeof(r));
	r.lockfree = lockfree;
	if (lockfree)
		action |= IV_NOTIFY_ACTF_RECHECK;
	CHECK_EQ_INT(iv_notify_source_init(&r.src, 3, &res_ops, NULL), 0);
	CHECK_EQ_INT(iv_notify_open(&c, &r.src), 0);
	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_MEMORY;
	ev.addr = &word;
	ev.memop = IV_SIGEV_MEM_ADD;
	ev.value.sival_int = 1;
	for (i = 0; i < nprod; i++)
		CHECK_EQ_INT(pthread_create(&t[i], NULL, producer, NULL), 0);

	while (got < (long)ITEMS * nprod) {
		unsigned int gen;
		long rc;

		got += take();
		if (got == (long)ITEMS * nprod)
			break;
		gen = __atomic_load_n(&word, __ATOMIC_SEQ_CST);
		if (iv_notify_arm(&c, action, IV_NOTIFY_COND_INPUT, &ev) != 0)
			continue;
		/* Armed while empty: a wake must come, or the item is lost. */
		rc = syscall(SYS_futex, &word, FUTEX_WAIT, gen, &tmo,
			     NULL, 0);
		CHECK(rc == 0 || errno == EAGAIN || errno == EINTR);
	}
	for (i = 0; i < nprod; i++)
		CHECK_EQ_INT(pthread_join(t[i], NULL), 0);
	CHECK_EQ_INT(got, (long)ITEMS * nprod);
	CHECK_EQ_INT(iv_notify_close(&c), 0);
	iv_notify_source_destroy(&r.src, 0);
}

int main(void)
{
	TEST_BEGIN(100);
	run(0, 1);
	run(0, 3);
	run(1, 1);
	run(1, 3);
	return 0;
}
