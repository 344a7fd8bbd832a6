/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Small helpers shared by the bench programs: clocks, PRNG, library check. */

#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * The measured code of every program runs inside a function whose name
 * starts with "bench_region", so that callgrind can switch collection on
 * and off around it (--toggle-collect=bench_region*).
 */
#define BENCH_REGION	__attribute__((noinline, noclone, used))

static inline uint64_t bench_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static inline uint64_t bench_wall_ns(void)
{
	return bench_ns(CLOCK_MONOTONIC);
}

static inline uint64_t bench_cpu_ns(void)
{
	return bench_ns(CLOCK_PROCESS_CPUTIME_ID);
}

/* xorshift64*: the same sequence for every library and every run. */
static inline uint64_t bench_rand(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545f4914f6cdd1dULL;
}

/*
 * Which libivykis.so did the dynamic linker load?  Answers "ivykis" for
 * the system copy under /usr/lib or /lib, "liana" for anything else, and
 * "none" if the program does not use the library (the eventfd floor).
 * With BENCH_SHOW_MAPS set, the mapping line goes to stderr; with
 * BENCH_EXPECT_LIB set, a different answer is a hard error, so a run can
 * never silently measure the wrong library.
 */
static inline const char *bench_lib_name(void)
{
	static char name[16];
	char line[512];
	FILE *fp;

	if (name[0] != 0)
		return name;

	strcpy(name, "none");
	fp = fopen("/proc/self/maps", "r");
	if (fp != NULL) {
		while (fgets(line, sizeof(line), fp) != NULL) {
			char *path = strchr(line, '/');

			if (path == NULL || strstr(path, "libivykis") == NULL)
				continue;
			if (getenv("BENCH_SHOW_MAPS") != NULL)
				fprintf(stderr, "maps: %s", path);
			if (!strncmp(path, "/usr/lib/", 9) ||
			    !strncmp(path, "/lib/", 5))
				strcpy(name, "ivykis");
			else
				strcpy(name, "liana");
			break;
		}
		fclose(fp);
	}

	if (getenv("BENCH_EXPECT_LIB") != NULL &&
	    strcmp(getenv("BENCH_EXPECT_LIB"), name)) {
		fprintf(stderr, "bench: expected library %s, loaded %s\n",
			getenv("BENCH_EXPECT_LIB"), name);
		exit(2);
	}

	return name;
}

static inline void bench_die(const char *what)
{
	perror(what);
	exit(1);
}

#endif
