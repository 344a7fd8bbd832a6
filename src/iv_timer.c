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
 *    top, compared by (key, seq) like everything else.  The key of the
 *    run's tail is kept in st->run_last (valid while the run is not
 *    empty), so appending never converts a timespec twice.
 * 5. Popping the top walks the hole down to a leaf, moving the smallest
 *    child up at each level (three compares per level, none against the
 *    displaced last slot), then sifts the last slot up from that leaf.
 *    It usually belongs near the bottom, so this saves about a quarter
 *    of the compares of a plain sift-down.
 * 6. Where the compiler has a 128-bit integer, (key, seq) is compared as
 *    one unsigned number: a compare-and-borrow, and the smaller child is
 *    picked without a branch.
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
	st->run_last = 0;
}

void iv__timer_deinit(struct iv_state *st)
{
	free(st->heap);
	st->heap = NULL;
}

/* A slot holds its key with the sign bit flipped, so that comparing keys
 * as unsigned numbers gives their signed order. */
static inline uint64_t key_bias(int64_t key)
{
	return (uint64_t)key ^ ((uint64_t)1 << 63);
}

static inline int64_t key_unbias(uint64_t key)
{
	return (int64_t)(key ^ ((uint64_t)1 << 63));
}

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 slot_rank_t;

static inline slot_rank_t slot_rank(const struct iv_timer_slot *s)
{
	return ((slot_rank_t)s->key << 64) | s->seq;
}

static inline int slot_less(const struct iv_timer_slot *a,
			    const struct iv_timer_slot *b)
{
	return slot_rank(a) < slot_rank(b);
}
#else
static inline int slot_less(const struct iv_timer_slot *a,
			    const struct iv_timer_slot *b)
{
	return a->key < b->key || (a->key == b->key && a->seq < b->seq);
}
#endif

static inline void slot_put(struct iv_timer_slot *heap, size_t i,
			    const struct iv_timer_slot *s)
{
	struct iv_timer_ *t = s->t;

	heap[i] = *s;
	if (t != NULL)
		t->index = (int32_t)i;
}

/* Put s into the hole at i, moving it up as far as it belongs. */
static inline void sift_up_from(struct iv_timer_slot *heap, size_t i,
				const struct iv_timer_slot *sp)
{
	struct iv_timer_slot s = *sp;

	while (i > 0) {
		size_t p = (i - 1) / ARITY;

		if (!slot_less(&s, &heap[p]))
			break;
		slot_put(heap, i, &heap[p]);
		i = p;
	}
	slot_put(heap, i, &s);
}

static void sift_up(struct iv_timer_slot *heap, int i)
{
	sift_up_from(heap, i, &heap[i]);
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

/* Remove the top slot (see note 5). */
static void pop_top(struct iv_state *st)
{
	struct iv_timer_slot *heap = st->heap;
	size_t len;
	size_t i = 0;
	size_t c;

	if (heap[0].t == NULL)
		st->heap_dead--;
	len = (size_t)--st->heap_len;
	if (len == 0)
		return;

	/* While i has four children, pull the smallest up into the hole. */
	while ((c = i * ARITY + 1) + ARITY <= len) {
		const struct iv_timer_slot *p = &heap[c];
		size_t a = slot_less(&p[1], &p[0]);
		size_t b = 2 + slot_less(&p[3], &p[2]);

		c += slot_less(&p[b], &p[a]) ? b : a;
		slot_put(heap, i, &heap[c]);
		i = c;
	}
	if (c < len) {
		size_t m = c;

		for (c++; c < len; c++) {
			if (slot_less(&heap[c], &heap[m]))
				m = c;
		}
		slot_put(heap, i, &heap[m]);
		i = m;
	}
	sift_up_from(heap, i, &heap[len]);
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
	/* Seconds that need no saturation, tested with one compare. */
	const uint64_t lo = (uint64_t)(INT64_MIN / 1000000000 + 2);
	const uint64_t hi = (uint64_t)(INT64_MAX / 1000000000 - 2);

	if (likely((uint64_t)t->expires.tv_sec - lo <= hi - lo))
		return (int64_t)t->expires.tv_sec * 1000000000 +
		       t->expires.tv_nsec;
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
	if (st->heap_len > 0) {
		const struct iv_timer_slot *top = &st->heap[0];
		int64_t hkey = key_unbias(top->key);

		if (r == NULL || hkey < rkey ||
		    (hkey == rkey && top->seq < r->seq)) {
			*keyp = hkey;
			*from_heap = 1;
			return top->t;
		}
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

	while (!iv_list_empty(&batch)) {
		t = iv_list_entry(batch.next, struct iv_timer_, list_expired);
		iv_list_del(&t->list_expired);
		t->index = IV_TIMER_IDLE;
		t->handler(t->cookie);
	}
}

IV_EXPORT void IV_TIMER_INIT(struct iv_timer *_t)
{
	struct iv_timer_ *t = (struct iv_timer_ *)_t;

	t->index = IV_TIMER_IDLE;
}

static void heap_insert(struct iv_state *st, struct iv_timer_ *t,
			int64_t key);

IV_EXPORT void iv_timer_register(struct iv_timer *_t)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_timer_ *t = (struct iv_timer_ *)_t;
	int64_t key;

	if (t->index != IV_TIMER_IDLE)
		iv_fatal("%s: called with timer still on the heap", __func__);
	if (t->expires.tv_nsec < 0 || t->expires.tv_nsec >= 1000000000)
		iv_fatal("%s: timer has tv_nsec %ld out of range", __func__,
			 (long)t->expires.tv_nsec);

	st->numobjs++;
	t->seq = st->timer_seq++;
	key = key_of(t);
	if (likely(key >= st->run_last) || iv_list_empty(&st->run)) {
		st->run_last = key;
		t->index = IV_TIMER_RUN;
		iv_list_add_tail(&t->list_expired, &st->run);
		return;
	}
	heap_insert(st, t, key);
}

/* Out of line, so the common append above stays a leaf function. */
static __attribute__((noinline)) void heap_insert(struct iv_state *st,
						  struct iv_timer_ *t,
						  int64_t key)
{
	struct iv_timer_slot *s;

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
	s->key = key_bias(key);
	s->seq = t->seq;
	s->t = t;
	sift_up(st->heap, st->heap_len++);
}

IV_EXPORT void iv_timer_unregister(struct iv_timer *_t)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_timer_ *t = (struct iv_timer_ *)_t;

	if (t->index == IV_TIMER_RUN) {
		int was_tail = t->list_expired.next == &st->run;

		iv_list_del(&t->list_expired);
		t->index = IV_TIMER_IDLE;
		st->numobjs--;
		if (unlikely(was_tail) && !iv_list_empty(&st->run))
			st->run_last = key_of(iv_list_entry(st->run.prev,
							    struct iv_timer_,
							    list_expired));
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
