/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_timer: an ascending run plus a 4-ary min-heap with cached keys. */

/*
 * Design notes.
 *
 * 1. Each heap slot caches the timer's key (expiry in ns) and a sequence
 *    number, so sifting compares slots without touching the timers; the
 *    sequence number makes equal expiries fire in registration order.
 * 2. Four children per node halve the depth of a binary heap; the four
 *    children of a node share one or two cache lines.
 * 3. Unregistering only blanks the slot (t = NULL).  Blank slots are
 *    dropped when they reach the top, and the heap is compacted once more
 *    than half of it is blank.  So cancelling is O(1), and the common
 *    pattern "arm a timeout, cancel it before it fires" never sifts.
 * 4. Most programs arm timeouts of one fixed length ("idle for 10 s"), so
 *    each new expiry is at or after every expiry already armed.  Such a
 *    timer is appended to the run, a list kept in ascending order, in
 *    O(1); only a timer that would break the order goes to the heap.
 *    The earliest timer is the smaller of the run's head and the heap's
 *    top, compared by (key, seq) like everything else.
 */

#include <stdlib.h>
#include "iv_private.h"

#define ARITY	4

void iv__timer_init(struct iv_state *st)
{
	INIT_IV_LIST_HEAD(&st->run);
	st->heap = NULL;
	st->heap_len = 0;
	st->heap_cap = 0;
	st->heap_dead = 0;
	st->expired = NULL;
}

void iv__timer_deinit(struct iv_state *st)
{
	free(st->heap);
	st->heap = NULL;
}

static inline int slot_less(const struct iv_timer_slot *a,
			    const struct iv_timer_slot *b)
{
	return a->key < b->key || (a->key == b->key && a->seq < b->seq);
}

static inline void slot_put(struct iv_timer_slot *heap, int i,
			    const struct iv_timer_slot *s)
{
	heap[i] = *s;
	if (s->t != NULL)
		s->t->index = i;
}

static void sift_up(struct iv_timer_slot *heap, int i)
{
	struct iv_timer_slot s = heap[i];

	while (i > 0) {
		int p = (i - 1) / ARITY;

		if (!slot_less(&s, &heap[p]))
			break;
		slot_put(heap, i, &heap[p]);
		i = p;
	}
	slot_put(heap, i, &s);
}

static void sift_down(struct iv_timer_slot *heap, int len, int i)
{
	struct iv_timer_slot s = heap[i];

	for (;;) {
		int c = i * ARITY + 1;
		int end = c + ARITY;
		int m;

		if (c >= len)
			break;
		if (end > len)
			end = len;
		m = c;
		for (c++; c < end; c++) {
			if (slot_less(&heap[c], &heap[m]))
				m = c;
		}
		if (!slot_less(&heap[m], &s))
			break;
		slot_put(heap, i, &heap[m]);
		i = m;
	}
	slot_put(heap, i, &s);
}

/* Remove the top slot. */
static void pop_top(struct iv_state *st)
{
	struct iv_timer_slot *heap = st->heap;

	if (heap[0].t == NULL)
		st->heap_dead--;
	st->heap_len--;
	if (st->heap_len > 0) {
		heap[0] = heap[st->heap_len];
		sift_down(heap, st->heap_len, 0);
	}
}

/* Drop the blank slots, then rebuild the heap bottom-up. */
static void compact(struct iv_state *st)
{
	struct iv_timer_slot *heap = st->heap;
	int n = 0;

	for (int i = 0; i < st->heap_len; i++) {
		if (heap[i].t != NULL)
			slot_put(heap, n++, &heap[i]);
	}
	st->heap_len = n;
	st->heap_dead = 0;
	for (int i = (n - 2) / ARITY; i >= 0; i--)
		sift_down(heap, n, i);
}

/* Drop blank slots from the top, so heap[0] is a live timer. */
static inline void trim_top(struct iv_state *st)
{
	while (st->heap_len > 0 && st->heap[0].t == NULL)
		pop_top(st);
}

static inline int64_t key_of(const struct iv_timer_ *t)
{
	return iv__ts_to_ns(&t->expires);
}

/*
 * The earliest timer, or NULL.  *keyp gets its key; *from_heap says
 * where it is.  Blank slots at the heap's top are dropped on the way.
 */
static struct iv_timer_ *earliest(struct iv_state *st, int64_t *keyp,
				  int *from_heap)
{
	struct iv_timer_ *r = NULL;
	int64_t rkey = INT64_MAX;

	trim_top(st);
	if (!iv_list_empty(&st->run)) {
		r = iv_list_entry(st->run.next, struct iv_timer_,
				  list_expired);
		rkey = key_of(r);
	}
	if (st->heap_len > 0 &&
	    (r == NULL || st->heap[0].key < rkey ||
	     (st->heap[0].key == rkey && st->heap[0].seq < r->seq))) {
		*keyp = st->heap[0].key;
		*from_heap = 1;
		return st->heap[0].t;
	}
	*keyp = rkey;
	*from_heap = 0;
	return r;
}

int64_t iv__timer_next_deadline(struct iv_state *st)
{
	int64_t key;
	int from_heap;

	earliest(st, &key, &from_heap);
	return key;
}

/*
 * Collect every timer that is due into a batch, then run the batch, so
 * a timer re-armed in the past from its handler waits for the next
 * iteration instead of starving everything else.
 */
void iv__timer_run_expired(struct iv_state *st)
{
	struct iv_list_head batch;
	struct iv_timer_ *t;
	int from_heap;
	int64_t key;
	int64_t now;

	t = earliest(st, &key, &from_heap);
	if (t == NULL)
		return;
	now = iv__now_ns(st);
	if (key > now)
		return;

	INIT_IV_LIST_HEAD(&batch);
	do {
		if (from_heap)
			pop_top(st);
		else
			iv_list_del(&t->list_expired);
		t->index = IV_TIMER_EXPIRED;
		iv_list_add_tail(&t->list_expired, &batch);
		st->numobjs--;
		t = earliest(st, &key, &from_heap);
	} while (t != NULL && key <= now);

	st->expired = &batch;
	while (!iv_list_empty(&batch)) {
		t = iv_list_entry(batch.next, struct iv_timer_, list_expired);
		iv_list_del(&t->list_expired);
		t->index = IV_TIMER_IDLE;
		t->handler(t->cookie);
	}
	st->expired = NULL;
}

IV_EXPORT void IV_TIMER_INIT(struct iv_timer *_t)
{
	struct iv_timer_ *t = (struct iv_timer_ *)_t;

	t->index = IV_TIMER_IDLE;
}

IV_EXPORT void iv_timer_register(struct iv_timer *_t)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_timer_ *t = (struct iv_timer_ *)_t;
	struct iv_timer_slot *s;
	int64_t key;

	if (t->index != IV_TIMER_IDLE)
		iv_fatal("%s: called with timer still on the heap", __func__);
	if (t->expires.tv_nsec < 0 || t->expires.tv_nsec >= 1000000000)
		iv_fatal("%s: timer has tv_nsec %ld out of range", __func__,
			 (long)t->expires.tv_nsec);

	st->numobjs++;
	t->seq = st->timer_seq++;
	key = key_of(t);
	if (iv_list_empty(&st->run) ||
	    key >= key_of(iv_list_entry(st->run.prev, struct iv_timer_,
					list_expired))) {
		t->index = IV_TIMER_RUN;
		iv_list_add_tail(&t->list_expired, &st->run);
		return;
	}

	if (st->heap_len == st->heap_cap) {
		if (st->heap_dead > st->heap_len / 2) {
			compact(st);
		} else {
			int cap = st->heap_cap ? st->heap_cap * 2 : 64;

			s = realloc(st->heap, cap * sizeof(*s));
			if (s == NULL)
				iv_fatal("%s: out of memory", __func__);
			st->heap = s;
			st->heap_cap = cap;
		}
	}

	s = &st->heap[st->heap_len];
	s->key = key;
	s->seq = t->seq;
	s->t = t;
	sift_up(st->heap, st->heap_len++);
}

IV_EXPORT void iv_timer_unregister(struct iv_timer *_t)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_timer_ *t = (struct iv_timer_ *)_t;

	if (t->index == IV_TIMER_RUN) {
		iv_list_del(&t->list_expired);
		t->index = IV_TIMER_IDLE;
		st->numobjs--;
		return;
	}

	if (t->index == IV_TIMER_EXPIRED) {
		/* Collected but not yet run: just leave the batch.  Its
		 * liveness reference went at collection. */
		iv_list_del(&t->list_expired);
		t->index = IV_TIMER_IDLE;
		return;
	}

	if (t->index < 0)
		iv_fatal("%s: called with timer not on the heap", __func__);
	if (t->index >= st->heap_len || st->heap[t->index].t != t)
		iv_fatal("%s: timer index %d does not belong to this timer",
			 __func__, t->index);

	st->heap[t->index].t = NULL;
	t->index = IV_TIMER_IDLE;
	st->numobjs--;
	if (++st->heap_dead == st->heap_len) {
		st->heap_len = 0;
		st->heap_dead = 0;
	}
}

IV_EXPORT int iv_timer_registered(const struct iv_timer *_t)
{
	const struct iv_timer_ *t = (const struct iv_timer_ *)_t;

	return t->index != IV_TIMER_IDLE;
}
