/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Registering a negative descriptor number is fatal. */

#include <iv.h>
#include "fatal_helper.h"

/*
 * ivykis appends " (maxfd=N)" to the message and Liana does not (it has no
 * ceiling), so only the common start is compared.
 */

static void register_negative(void *arg)
{
	struct iv_fd f;

	iv_init();
	IV_FD_INIT(&f);
	f.fd = *(int *)arg;
	iv_fd_register(&f);
}

static void register_try_negative(void *arg)
{
	struct iv_fd f;

	iv_init();
	IV_FD_INIT(&f);
	f.fd = -1;
	iv_fd_register_try(&f);
}

int main(void)
{
	int minus_one = -1;
	int minus_many = -12345;

	TEST_BEGIN(20);
	expect_fatal_prefix(register_negative, &minus_one,
			    "iv_fd_register: called with invalid fd -1");
	expect_fatal_prefix(register_negative, &minus_many,
			    "iv_fd_register: called with invalid fd -12345");
	expect_fatal_prefix(register_try_negative, NULL,
			    "iv_fd_register: called with invalid fd -1");
	return 0;
}
