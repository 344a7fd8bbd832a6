/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_eventhandler against a mutex list, a FreeBSD-style port and GLib. */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <iv_eventhandler.h>
#ifdef EH_BENCH_GLIB
#include <glib-object.h>
#endif
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define EH_BENCH_CG	1
#endif
#endif

#define REPS	5

static __thread unsigned long tls_ctr;

typedef void (*bh_fn)(void *, unsigned int);
IV_EVENTHANDLER_DECLARE(bench_ev, bh_fn);
IV_EVENTHANDLER_LIST_DEFINE(bench_ev);

static void handler(void *arg, unsigned int v)
{
	tls_ctr += v;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * Under callgrind (third argument "cg"), each case runs iters times
 * between a counter reset and a dump named after it; the bench script
 * divides the dumped totals by iters.
 */
static int cg_mode, cg_n;
static long cg_iters;

#ifdef EH_BENCH_CG
#define CG_CASE(label, n, iters, ...)					\
	do {								\
		char d_[64];						\
		long c_;						\
		snprintf(d_, sizeof(d_), "%s %d", (label), (n));	\
		CALLGRIND_ZERO_STATS;					\
		for (c_ = 0; c_ < (iters); c_++) { __VA_ARGS__; }	\
		CALLGRIND_DUMP_STATS_AT(d_);				\
	} while (0)
#else
#define CG_CASE(label, n, iters, ...)	do { } while (0)
#endif

#define MEASURE(result, iters, body)					\
	do {								\
		if (cg_mode) {						\
			CG_CASE(#result, cg_n, cg_iters, body);		\
			(result) = 0;					\
			break;						\
		}							\
		double r_[REPS];					\
		long i_;						\
		int k_;							\
		for (i_ = 0; i_ < (iters) / 10; i_++) { body; }		\
		for (k_ = 0; k_ < REPS; k_++) {				\
			double t0_ = now_ns();				\
			for (i_ = 0; i_ < (iters); i_++) { body; }	\
			r_[k_] = (now_ns() - t0_) / (iters);		\
		}							\
		qsort(r_, REPS, sizeof(double), cmp);			\
		(result) = r_[REPS / 2];				\
	} while (0)

/* Naive: one mutex held across the walk. */
struct naive {
	pthread_mutex_t	lock;
	int		n;
	bh_fn		fn[64];
	void		*arg[64];
};

static void naive_invoke(struct naive *l, unsigned int v)
{
	int i;

	pthread_mutex_lock(&l->lock);
	for (i = 0; i < l->n; i++)
		l->fn[i](l->arg[i], v);
	pthread_mutex_unlock(&l->lock);
}

/* FreeBSD-style: runcount, unlock around each handler, dead marks. */
struct fb_entry {
	struct fb_entry	*next;
	int		pri;
	bh_fn		fn;
	void		*arg;
};

struct fb_list {
	pthread_mutex_t	lock;
	pthread_cond_t	cv;
	int		runcount;
	struct fb_entry	*head;
};

static void fb_prune(struct fb_list *l)
{
	struct fb_entry **pp = &l->head, *e;
	int freed = 0;

	while ((e = *pp) != NULL) {
		if (e->pri == -1) {
			*pp = e->next;
			free(e);
			freed = 1;
		} else {
			pp = &e->next;
		}
	}
	if (freed)
		pthread_cond_broadcast(&l->cv);
}

static void fb_invoke(struct fb_list *l, unsigned int v)
{
	struct fb_entry *e;

	pthread_mutex_lock(&l->lock);
	l->runcount++;
	for (e = l->head; e != NULL; e = e->next) {
		if (e->pri != -1) {
			pthread_mutex_unlock(&l->lock);
			e->fn(e->arg, v);
			pthread_mutex_lock(&l->lock);
		}
	}
	if (--l->runcount == 0)
		fb_prune(l);
	pthread_mutex_unlock(&l->lock);
}

static void fb_direct_invoke(struct fb_list *l, unsigned int v)
{
	if (__atomic_load_n(&l->head, __ATOMIC_RELAXED) == NULL)
		return;
	fb_invoke(l, v);
}

static struct fb_entry *fb_register(struct fb_list *l, bh_fn fn, int pri)
{
	struct fb_entry *e = calloc(1, sizeof(*e)), **pp;

	e->fn = fn;
	e->pri = pri;
	pthread_mutex_lock(&l->lock);
	for (pp = &l->head; *pp != NULL && (*pp)->pri <= pri;
	     pp = &(*pp)->next)
		;
	e->next = *pp;
	*pp = e;
	pthread_mutex_unlock(&l->lock);
	return e;
}

static void fb_deregister(struct fb_list *l, struct fb_entry *e)
{
	pthread_mutex_lock(&l->lock);
	e->pri = -1;
	if (l->runcount == 0)
		fb_prune(l);
	while (l->runcount > 0)
		pthread_cond_wait(&l->cv, &l->lock);
	pthread_mutex_unlock(&l->lock);
}

#ifdef EH_BENCH_GLIB
typedef struct { GObject parent; } BenchObj;
typedef struct { GObjectClass parent; } BenchObjClass;
G_DEFINE_TYPE(BenchObj, bench_obj, G_TYPE_OBJECT)
static guint sig;

static void bench_obj_class_init(BenchObjClass *k)
{
	sig = g_signal_new("ev", G_TYPE_FROM_CLASS(k), G_SIGNAL_RUN_LAST, 0,
			   NULL, NULL, g_cclosure_marshal_VOID__UINT_POINTER,
			   G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_POINTER);
	g_signal_set_va_marshaller(sig, G_TYPE_FROM_CLASS(k),
				   g_cclosure_marshal_VOID__UINT_POINTERv);
}

static void bench_obj_init(BenchObj *o)
{
}

static void g_handler(gpointer inst, guint v, gpointer p, gpointer data)
{
	tls_ctr += v;
}
#endif

int main(int argc, char **argv)
{
	static const int ns[] = { 0, 1, 4, 16, 64 };
	struct naive nv = { PTHREAD_MUTEX_INITIALIZER, 0, { 0 }, { 0 } };
	struct fb_list fb = { PTHREAD_MUTEX_INITIALIZER,
			      PTHREAD_COND_INITIALIZER, 0, NULL };
	iv_eventhandler_tag tags[64];
	long iters = argc > 1 ? atol(argv[1]) : 2000000;
	double t_l[5], t_fb[5], t_g[5];
	int have = 0, j;
#ifdef EH_BENCH_GLIB
	BenchObj *obj = g_object_new(bench_obj_get_type(), NULL);
#endif

	cg_mode = argc > 2 && strcmp(argv[2], "cg") == 0;
	cg_iters = iters;
	printf("read path: %s\n", iv_eventhandler_read_path());
	printf("%-4s %10s %10s %10s %10s %10s %10s\n", "N", "liana",
	       "by-name", "naive", "freebsd", "fb-direct", "glib");
	for (j = 0; j < 5; j++) {
		double r_l, r_n, r_nv, r_fb, r_fbd, r_g = 0;
		long it = ns[j] >= 16 ? iters / 8 : iters;

		cg_n = ns[j];

		while (have < ns[j]) {
			tags[have] = IV_EVENTHANDLER_REGISTER(bench_ev, handler,
							      NULL, have);
			nv.fn[nv.n] = handler;
			nv.arg[nv.n++] = NULL;
			fb_register(&fb, handler, have);
#ifdef EH_BENCH_GLIB
			g_signal_connect(obj, "ev", G_CALLBACK(g_handler),
					 NULL);
#endif
			have++;
		}
		MEASURE(r_l, it, IV_EVENTHANDLER_DIRECT_INVOKE(bench_ev, 1));
		MEASURE(r_n, it, IV_EVENTHANDLER_INVOKE(bench_ev, 1));
		MEASURE(r_nv, it, naive_invoke(&nv, 1));
		MEASURE(r_fb, it, fb_invoke(&fb, 1));
		MEASURE(r_fbd, it, fb_direct_invoke(&fb, 1));
#ifdef EH_BENCH_GLIB
		MEASURE(r_g, it / 4, g_signal_emit(obj, sig, 0, 1u, NULL));
#endif
		printf("%-4d %10.2f %10.2f %10.2f %10.2f %10.2f %10.2f\n",
		       ns[j], r_l, r_n, r_nv, r_fb, r_fbd, r_g);
		t_l[j] = r_l;
		t_fb[j] = r_fb;
		t_g[j] = r_g;
	}

	/* Per handler: the slope between 1 and 64 handlers. */
	if (!cg_mode) {
		double h_l = (t_l[4] - t_l[1]) / 63;
		double h_fb = (t_fb[4] - t_fb[1]) / 63;
		double h_g = (t_g[4] - t_g[1]) / 63;

		printf("per handler: liana %.2f ns, freebsd %.2f ns (%.3fx), "
		       "glib %.2f ns (%.3fx); fixed cost at N=1: %.2f ns\n",
		       h_l, h_fb, h_l / h_fb, h_g, h_g > 0 ? h_l / h_g : 0,
		       t_l[1] - t_l[0] - h_l);
	}

	/* Register + deregister (waiting) with 64 handlers present. */
	{
		struct iv_eventhandler_list *l = &iv_eventhandler_list_bench_ev;
		double r_rd, r_fbrd;

		cg_n = have;

		MEASURE(r_rd, iters / 100, {
			iv_eventhandler_tag t = iv_eventhandler_register(
				l, NULL, (iv_eventhandler_fn)handler, NULL, 7);
			iv_eventhandler_deregister(l, t);
		});
		MEASURE(r_fbrd, iters / 100, {
			struct fb_entry *e = fb_register(&fb, handler, 7);
			fb_deregister(&fb, e);
		});
		printf("register+deregister: liana %.0f ns, freebsd %.0f ns\n",
		       r_rd, r_fbrd);
	}
	for (j = 0; j < have; j++)
		iv_eventhandler_deregister(NULL, tags[j]);
	printf("(checksum %lu)\n", tls_ctr);
	return 0;
}
