/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* T43: dlclose of a module deregisters its IV_EVENTHANDLER_DEFINE handler. */

#include <dlfcn.h>
#include "eh_test.h"
#include "eh_dso.h"

#ifndef EH_MODULE_PATH
#error EH_MODULE_PATH must name the module
#endif

static int stop;
static long spin_hits;

static void *spinner(void *arg)
{
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED))
		IV_EVENTHANDLER_INVOKE(eh_unload, &spin_hits);
	return NULL;
}

static void load_unload(int concurrent)
{
	struct iv_eventhandler_list *l;
	pthread_t th;
	long hits = 0;
	void *h;

	h = dlopen(EH_MODULE_PATH, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL)
		fprintf(stderr, "dlopen: %s\n", dlerror());
	CHECK(h != NULL);

	/* Registered by the module's constructor, before dlopen returned. */
	l = iv_eventhandler_find_list("eh_unload");
	CHECK(l != NULL);
	CHECK_EQ_INT(iv_eventhandler_count(l), 1);
	IV_EVENTHANDLER_INVOKE(eh_unload, &hits);
	CHECK_EQ_INT(hits, 1);

	if (concurrent) {
		pthread_create(&th, NULL, spinner, NULL);
		while (__atomic_load_n(&spin_hits, __ATOMIC_RELAXED) < 100)
			eh_sleep_ms(1);
	}
	/* The destructor's waiting deregister must neither hang nor let
	 * another thread call into the unmapped code. */
	CHECK_EQ_INT(dlclose(h), 0);
	CHECK_EQ_INT(iv_eventhandler_count(l), 0);
	IV_EVENTHANDLER_INVOKE(eh_unload, &hits);
	CHECK_EQ_INT(hits, 1);
	if (concurrent) {
		eh_sleep_ms(20);
		__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
		pthread_join(th, NULL);
		stop = 0;
	}
}

int main(void)
{
	int i;

	TEST_BEGIN(30);

	CHECK(iv_eventhandler_find_list("eh_unload") == NULL);
	load_unload(0);
	for (i = 0; i < 20; i++)
		load_unload(1);
	iv_eventhandler_shutdown();
	return 0;
}
