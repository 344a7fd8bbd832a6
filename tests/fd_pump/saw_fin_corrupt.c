/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A pump whose saw_fin holds an impossible value is fatal. */

#include <iv_fd_pump.h>
#include "fatal_helper.h"

static void ignore_bands(void *cookie, int in, int out)
{
	(void)cookie;
	(void)in;
	(void)out;
}

static void step_corrupt(void *arg)
{
	struct iv_fd_pump p;

	(void)arg;
	iv_init();
	IV_FD_PUMP_INIT(&p);
	p.from_fd = 0;
	p.to_fd = 1;
	p.set_bands = ignore_bands;
	p.flags = 0;
	iv_fd_pump_init(&p);
	p.saw_fin = 7;
	iv_fd_pump_pump(&p);
}

int main(void)
{
	TEST_BEGIN(20);
	expect_fatal(step_corrupt, NULL, "iv_fd_pump_pump: saw_fin == 7");
	return 0;
}
