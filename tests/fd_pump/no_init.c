/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_fd_pump_init() and iv_fd_pump_pump() in a thread without iv_init()
 * are fatal, naming the function.  Liana-specific: ivykis 0.42 crashes or
 * works by accident. */

#include <iv_fd_pump.h>
#include "fatal_helper.h"

static struct iv_fd_pump p;

static void do_init(void *arg)
{
	(void)arg;
	iv_fd_pump_init(&p);
}

static void do_pump(void *arg)
{
	(void)arg;
	iv_fd_pump_pump(&p);
}

int main(void)
{
	TEST_BEGIN(20);
	p.from_fd = 0;
	p.to_fd = 1;
	expect_fatal(do_init, NULL,
		     "iv_fd_pump_init: called in a thread without iv_init");
	expect_fatal(do_pump, NULL,
		     "iv_fd_pump_pump: called in a thread without iv_init");
	return 0;
}
