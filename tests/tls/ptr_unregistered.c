/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_tls_user_ptr on a user that was never registered is fatal. */

#include <iv.h>
#include <iv_tls.h>
#include "check.h"
#include "fatal_helper.h"

static struct iv_tls_user stranger = { .sizeof_state = 8 };

static void ask(void *arg)
{
	iv_tls_user_ptr(&stranger);
}

static void init_then_ask(void *arg)
{
	iv_init();
	ask(NULL);
}

int main(void)
{
	TEST_BEGIN(20);
	expect_fatal(init_then_ask, NULL,
		     "iv_tls_user_ptr: called on unregistered iv_tls_user");
	/* Checked even in a thread without a loop. */
	expect_fatal(ask, NULL,
		     "iv_tls_user_ptr: called on unregistered iv_tls_user");
	return 0;
}
