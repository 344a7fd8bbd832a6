/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Demo: a timer fires five times, 100 ms apart, then a task ends the loop. */

#include <stdio.h>
#include <iv.h>

struct ticker {
	struct iv_timer	timer;
	struct iv_task	quit;
	struct timespec	start;
	int		count;
};

/* Step from the last expiry, not from now, so that ticks do not drift. */
static void arm(struct ticker *t)
{
	t->timer.expires.tv_nsec += 100 * 1000 * 1000;
	t->timer.expires.tv_sec += t->timer.expires.tv_nsec / 1000000000;
	t->timer.expires.tv_nsec %= 1000000000;
	iv_timer_register(&t->timer);
}

static void on_quit(void *cookie)
{
	printf("task: quitting after %d ticks\n", *(int *)cookie);
	iv_quit();	/* ends iv_main() even if objects remain registered */
}

static void on_tick(void *cookie)
{
	struct ticker *t = cookie;
	long ms = (iv_now.tv_sec - t->start.tv_sec) * 1000 +
		  (iv_now.tv_nsec - t->start.tv_nsec) / 1000000;

	printf("tick %d at %ld ms\n", ++t->count, ms);
	if (t->count < 5)
		arm(t);
	else
		iv_task_register(&t->quit);	/* runs once this returns */
}

int main(void)
{
	struct ticker t = { .count = 0 };

	iv_init();
	IV_TIMER_INIT(&t.timer);
	IV_TASK_INIT(&t.quit);
	t.timer.cookie = &t;
	t.quit.cookie = &t.count;
	t.timer.handler = on_tick;
	t.quit.handler = on_quit;
	t.start = t.timer.expires = iv_now;	/* a monotonic clock */
	arm(&t);
	iv_main();
	iv_deinit();
	return t.count == 5 ? 0 : 1;
}
