/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Registering a TLS user once iv_init has run anywhere is fatal. */

#include <iv.h>
#include <iv_tls.h>
#include "check.h"
#include "fatal_helper.h"

static struct iv_tls_user late = { .sizeof_state = 8 };

static void register_late(void *arg)
{
	iv_tls_user_register(&late);
}

static void init_then_register(void *arg)
{
	iv_init();
	register_late(NULL);
}

static void init_deinit_then_register(void *arg)
{
	iv_init();
	iv_deinit();
	register_late(NULL);
}

int main(void)
{
	TEST_BEGIN(20);
	expect_fatal(init_then_register, NULL,
		     "iv_tls_user_register: called after iv_init");
	expect_fatal(init_deinit_then_register, NULL,
		     "iv_tls_user_register: called after iv_init");

	/* The flag is process-wide and outlives iv_deinit. */
	iv_init();
	iv_deinit();
	CHECK(!iv_inited());
	expect_fatal(register_late, NULL,
		     "iv_tls_user_register: called after iv_init");
	return 0;
}
