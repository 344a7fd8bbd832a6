/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Events unregistered and freed by their own, a task and a timer handler. */

#include <pthread.h>
#include <iv.h>
#include <iv_event.h>
#include "check.h"

static struct iv_event *self_ev, *task_victim, *timer_victim;
static struct iv_task task;
static struct iv_timer timer;
static int self_calls, task_calls, timer_calls;

static void self_handler(void *cookie)
{
	CHECK(cookie == self_ev);
	self_calls++;
	iv_event_unregister(self_ev);
	free(self_ev);
	self_ev = NULL;
}

static void victim_handler(void *cookie)
{
	CHECK(!"a cancelled event ran");
}

static void task_handler(void *cookie)
{
	task_calls++;
	iv_event_unregister(task_victim);
	free(task_victim);
	task_victim = NULL;
}

static void timer_handler(void *cookie)
{
	timer_calls++;
	iv_event_unregister(timer_victim);
	free(timer_victim);
	timer_victim = NULL;
}

static struct iv_event *new_event(void (*handler)(void *))
{
	struct iv_event *ev = malloc(sizeof(*ev));

	CHECK(ev != NULL);
	IV_EVENT_INIT(ev);
	ev->cookie = ev;
	ev->handler = handler;
	CHECK_EQ_INT(iv_event_register(ev), 0);
	return ev;
}

static void *poster(void *arg)
{
	iv_event_post(arg);
	return NULL;
}

int main(void)
{
	pthread_t thr;

	TEST_BEGIN(10);
	iv_init();

	self_ev = new_event(self_handler);
	task_victim = new_event(victim_handler);
	timer_victim = new_event(victim_handler);

	/* The task was registered first, so it runs before the delivery. */
	IV_TASK_INIT(&task);
	task.handler = task_handler;
	iv_task_register(&task);
	iv_event_post(task_victim);

	/* Timers run before cross-thread deliveries of the same iteration. */
	CHECK_EQ_INT(pthread_create(&thr, NULL, poster, timer_victim), 0);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
	IV_TIMER_INIT(&timer);
	timer.expires.tv_sec = 0;
	timer.expires.tv_nsec = 1;
	timer.handler = timer_handler;
	iv_timer_register(&timer);

	iv_event_post(self_ev);
	iv_main();

	CHECK_EQ_INT(self_calls, 1);
	CHECK_EQ_INT(task_calls, 1);
	CHECK_EQ_INT(timer_calls, 1);
	iv_deinit();
	return 0;
}
