/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_main() with nothing registered returns at once, and does so again. */

#include <time.h>
#include <iv.h>
#include "check.h"

static double now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
	double start;

	TEST_BEGIN(10);
	iv_init();

	start = now_sec();
	iv_main();
	iv_main();
	CHECK(now_sec() - start < 1.0);

	iv_deinit();
	return 0;
}
