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
 * measured ones.
 */

#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>
#include <iv.h>
#include "bench.h"

#define WRITES	20000

static int npairs;
static int nactive;
static int *wfd;		/* write end of pair i */
static struct iv_fd *rfd;	/* read watcher of pair i */
static long fired;
static long count;
static long writes;

static void got_byte(void *cookie)
{
	long i = (long)cookie;
	char c;

	if (read(rfd[i].fd, &c, 1) != 1)
		return;
	count++;
	if (writes > 0) {
		long next = i + 1 == npairs ? 0 : i + 1;

		if (write(wfd[next], "e", 1) != 1)
			bench_die("write");
		writes--;
		fired++;
	}
	if (count == fired)
		iv_quit();
}

static long one_round(void)
{
	int space = npairs / nactive;
	int i;

	count = 0;
	fired = 0;
	writes = WRITES;
	for (i = 0; i < nactive; i++) {
		if (write(wfd[i * space], "e", 1) != 1)
			bench_die("write");
		fired++;
	}
	iv_main();

	return count;
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
	int i;

	npairs = argc > 1 ? atoi(argv[1]) : 1000;
	nactive = argc > 2 ? atoi(argv[2]) : 1;
	rounds = argc > 3 ? atoi(argv[3]) : 10;
	if (npairs < 1 || nactive < 1 || nactive > npairs || rounds < 1) {
		fprintf(stderr, "usage: %s [N [A [rounds]]]\n", argv[0]);
		return 1;
	}

	iv_init();

	wfd = calloc(npairs, sizeof(*wfd));
	rfd = calloc(npairs, sizeof(*rfd));
	if (wfd == NULL || rfd == NULL)
		bench_die("calloc");

	for (i = 0; i < npairs; i++) {
		int sv[2];

		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
			bench_die("socketpair");
		wfd[i] = sv[1];
		IV_FD_INIT(&rfd[i]);
		rfd[i].fd = sv[0];
		rfd[i].cookie = (void *)(long)i;
		rfd[i].handler_in = got_byte;
		iv_fd_register(&rfd[i]);
	}

	one_round();

	t0 = bench_wall_ns();
	events = bench_region(rounds);
	t1 = bench_wall_ns();

	printf("bench=B1 lib=%s method=%s N=%d A=%d ns_per_event=%.1f "
	       "events=%ld\n", bench_lib_name(), iv_poll_method_name(),
	       npairs, nactive, (double)(t1 - t0) / events, events);

	for (i = 0; i < npairs; i++) {
		iv_fd_unregister(&rfd[i]);
		close(rfd[i].fd);
		close(wfd[i]);
	}
	free(rfd);
	free(wfd);
	iv_deinit();

	return 0;
}
