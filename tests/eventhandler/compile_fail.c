/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Must not compile: EH_CASE 1 registers a mismatched handler, 2 invokes
 * with a wrong argument, 0 is the control that must compile. */

#include <iv_eventhandler.h>

typedef void (*cf_fn)(void *, int);
IV_EVENTHANDLER_DECLARE(cf, cf_fn);

struct other {
	int	x;
};

static void good(void *arg, int v)
{
}

static void bad(void *arg, long v)
{
}

void compile_fail(void);
void compile_fail(void)
{
	struct other o = { 0 };

	IV_EVENTHANDLER_REGISTER(cf, good, NULL, 0);
#if EH_CASE == 1
	IV_EVENTHANDLER_REGISTER(cf, bad, NULL, 0);
#elif EH_CASE == 2
	IV_EVENTHANDLER_INVOKE(cf, o);
#else
	(void)bad;
	IV_EVENTHANDLER_INVOKE(cf, o.x);
#endif
}
