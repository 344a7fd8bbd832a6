/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana only: misuse that ivykis 0.42 turns into a crash or corrupted
 * state is fatal with a message naming the function. */

#include <iv.h>
#include <iv_signal.h>
#include <pthread.h>
#include "fatal_helper.h"

static void never(void *cookie)
{
	CHECK(0);
}

static void setup(struct iv_signal *sig, unsigned int flags)
{
	IV_SIGNAL_INIT(sig);
	sig->signum = SIGUSR1;
	sig->flags = flags;
	sig->handler = never;
}

static void register_without_init(void *arg)
{
	static struct iv_signal sig;

	setup(&sig, 0);
	iv_signal_register(&sig);
}

static void unregister_without_init(void *arg)
{
	static struct iv_signal sig;

	setup(&sig, 0);
	iv_signal_unregister(&sig);
}

static void unregister_twice(void *arg)
{
	static struct iv_signal sig;

	iv_init();
	setup(&sig, 0);
	CHECK_EQ_INT(iv_signal_register(&sig), 0);
	iv_signal_unregister(&sig);
	iv_signal_unregister(&sig);
}

static void unregister_never_registered(void *arg)
{
	static struct iv_signal other;
	static struct iv_signal sig;

	iv_init();
	setup(&other, 0);
	CHECK_EQ_INT(iv_signal_register(&other), 0);
	memset(&sig, 0, sizeof(sig));
	setup(&sig, 0);
	iv_signal_unregister(&sig);
}

static struct iv_signal private_sig;

static void *register_private(void *arg)
{
	iv_init();
	setup(&private_sig, IV_SIGNAL_FLAG_THIS_THREAD);
	CHECK_EQ_INT(iv_signal_register(&private_sig), 0);
	/* Leave the loop registered: the thread only ends. */
	return NULL;
}

/* A THIS_THREAD registration is not in another thread's private set. */
static void unregister_other_thread(void *arg)
{
	pthread_t thr;

	iv_init();
	CHECK_EQ_INT(pthread_create(&thr, NULL, register_private, NULL), 0);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
	iv_signal_unregister(&private_sig);
}

/* What a forked child inherited is not registered in the child. */
static void unregister_inherited(void *arg)
{
	static struct iv_signal sig;
	int status;
	pid_t pid;

	iv_init();
	setup(&sig, 0);
	CHECK_EQ_INT(iv_signal_register(&sig), 0);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		iv_deinit();
		iv_init();
		iv_signal_unregister(&sig);
		_exit(3);
	}
	CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status));
	_exit(WEXITSTATUS(status));
}

int main(void)
{
	TEST_BEGIN(30);
	expect_fatal(register_without_init, NULL,
		     "iv_signal_register: called in a thread without iv_init");
	expect_fatal(unregister_without_init, NULL,
		     "iv_signal_unregister: called in a thread without "
		     "iv_init");
	expect_fatal(unregister_twice, NULL,
		     "iv_signal_unregister: called with signal not registered");
	expect_fatal(unregister_never_registered, NULL,
		     "iv_signal_unregister: called with signal not registered");
	expect_fatal(unregister_other_thread, NULL,
		     "iv_signal_unregister: called with signal not registered");
	expect_fatal(unregister_inherited, NULL,
		     "iv_signal_unregister: called with signal not registered");
	return 0;
}
