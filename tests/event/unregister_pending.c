/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Of two posted events, the first handler to run unregisters and frees both. */

#include <pthread.h>
#include <iv.h>
#include <iv_event.h>
#include "check.h"

struct pair {
	struct iv_event		*ev[2];
	int			calls;
};

static void got_event(void *cookie)
{
	struct pair *p = cookie;
	int i;

	p->calls++;
	for (i = 0; i < 2; i++) {
		iv_event_unregister(p->ev[i]);
		free(p->ev[i]);
		p->ev[i] = NULL;
	}
}

static void pair_register(struct pair *p)
{
	int i;

	p->calls = 0;
	for (i = 0; i < 2; i++) {
		p->ev[i] = malloc(sizeof(*p->ev[i]));
		CHECK(p->ev[i] != NULL);
		IV_EVENT_INIT(p->ev[i]);
		p->ev[i]->cookie = p;
		p->ev[i]->handler = got_event;
		CHECK_EQ_INT(iv_event_register(p->ev[i]), 0);
	}
}

static void *poster(void *arg)
{
	struct pair *p = arg;

	iv_event_post(p->ev[0]);
	iv_event_post(p->ev[1]);
	return NULL;
}

int main(void)
{
	struct pair p;
	pthread_t thr;

	TEST_BEGIN(10);
	iv_init();

	/* Both posted from this thread (ivykis's event_unregister_bug). */
	pair_register(&p);
	iv_event_post(p.ev[0]);
	iv_event_post(p.ev[1]);
	iv_main();
	CHECK_EQ_INT(p.calls, 1);

	/* Both posted from another thread before the loop runs. */
	pair_register(&p);
	CHECK_EQ_INT(pthread_create(&thr, NULL, poster, &p), 0);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
	iv_main();
	CHECK_EQ_INT(p.calls, 1);

	iv_deinit();
	return 0;
}
