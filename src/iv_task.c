/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_task: callbacks run once, at the next task phase of the loop. */

#include "iv_private.h"

void iv__task_init(struct iv_state *st)
{
	INIT_IV_LIST_HEAD(&st->tasks);
	st->pass = NULL;
}

/*
 * One task phase.  The pending list is detached into a pass list and run
 * in FIFO order.  Each pass has a number (epoch), stamped on every task as
 * it runs: a task registered during the pass joins it unless it already
 * ran in it (or was initialised during it), so a task that re-registers
 * itself runs once per iteration and cannot starve fds or timers, while
 * one task can still hand work to another within the same pass.
 */
void iv__task_run(struct iv_state *st)
{
	struct iv_list_head pass;

	st->task_epoch++;
	INIT_IV_LIST_HEAD(&pass);
	iv_list_splice_init(&st->tasks, &pass);
	st->pass = &pass;

	while (!iv_list_empty(&pass)) {
		struct iv_task_ *t;

		t = iv_list_entry(pass.next, struct iv_task_, list);
		iv_list_del_init(&t->list);
		t->registered = 0;
		t->epoch = st->task_epoch;
		st->numobjs--;

		t->handler(t->cookie);
	}

	st->pass = NULL;
}

IV_EXPORT void IV_TASK_INIT(struct iv_task *_t)
{
	struct iv_task_ *t = (struct iv_task_ *)_t;
	struct iv_state *st = iv__get_state();

	INIT_IV_LIST_HEAD(&t->list);
	t->registered = 0;
	t->epoch = st != NULL ? st->task_epoch : 0;
}

IV_EXPORT void iv_task_register(struct iv_task *_t)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_task_ *t = (struct iv_task_ *)_t;

	if (t->registered)
		iv_fatal("%s: called with task still on a list", __func__);

	t->registered = 1;
	st->numobjs++;
	if (st->pass != NULL && t->epoch != st->task_epoch)
		iv_list_add_tail(&t->list, st->pass);
	else
		iv_list_add_tail(&t->list, &st->tasks);
}

IV_EXPORT void iv_task_unregister(struct iv_task *_t)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_task_ *t = (struct iv_task_ *)_t;

	if (!t->registered)
		iv_fatal("%s: called with task not on a list", __func__);

	iv_list_del_init(&t->list);
	t->registered = 0;
	st->numobjs--;
}

IV_EXPORT int iv_task_registered(const struct iv_task *_t)
{
	const struct iv_task_ *t = (const struct iv_task_ *)_t;

	return t->registered;
}
