/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* B1: a chain of socketpairs, each read handler passes one byte on. */

/*
 * Usage: b1_pipe_chain [N [A [rounds]]]   (defaults 1000 1 10)
 *
 * N socketpairs; a read watcher on one end of each, registered once and
 * left level-triggered.  A round writes one byte into A pairs spread
 * evenly over the N; each read handler reads its byte and, while the
 * round's budget of W = 20000 writes lasts, writes one byte into the next
 * pair.  The round ends (iv_quit) when every byte written has been read,
 * so a round handles A + W events.  One warm-up round runs before the
 * measured ones.  The workload itself is in workload.h.
 */

#include <iv.h>
#include "workload.h"

static struct iv_fd *rfd;	/* read watcher of pair i */

static void got_byte(void *cookie)
{
	if (wl_b1_readable((long)cookie))
		iv_quit();
}

static long one_round(void)
{
	wl_b1_start_round();
	iv_main();

	return wl_b1.count;
}

long bench_region(int rounds);

BENCH_REGION long bench_region(int rounds)
{
	long events = 0;

	while (rounds--)
		events += one_round();

	return events;
}

int main(int argc, char **argv)
{
	int rounds;
	uint64_t t0;
	uint64_t t1;
	long events;
	int n;
	int i;

	n = wl_b1_setup(argc, argv, &rounds);

	iv_init();

	rfd = calloc(n, sizeof(*rfd));
	if (rfd == NULL)
		bench_die("calloc");
	for (i = 0; i < n; i++) {
		IV_FD_INIT(&rfd[i]);
		rfd[i].fd = wl_b1.rfd[i];
		rfd[i].cookie = (void *)(long)i;
		rfd[i].handler_in = got_byte;
		iv_fd_register(&rfd[i]);
	}

	one_round();

	t0 = bench_wall_ns();
	events = bench_region(rounds);
	t1 = bench_wall_ns();

	wl_report_b1(bench_lib_name(), iv_poll_method_name(), t1 - t0, events);

	for (i = 0; i < n; i++)
		iv_fd_unregister(&rfd[i]);
	free(rfd);
	wl_b1_teardown();
	iv_deinit();

	return 0;
}
