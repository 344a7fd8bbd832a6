/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The first registration installs a process-wide handler with SA_RESTART
 * and every signal masked, replacing the old disposition; removing the
 * last registration restores SIG_DFL, not what was there before. */

#include <iv.h>
#include <iv_signal.h>
#include "check.h"

static void never(void *cookie)
{
	CHECK(0);
}

static void init_sig(struct iv_signal *sig, unsigned int flags)
{
	IV_SIGNAL_INIT(sig);
	sig->signum = SIGUSR1;
	sig->flags = flags;
	sig->handler = never;
}

static void check_installed(void)
{
	static const int masked[] = {
		SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM,
		SIGTERM, SIGCHLD, SIGCONT, SIGTSTP, SIGWINCH,
	};
	struct sigaction sa;
	unsigned int i;

	CHECK_EQ_INT(sigaction(SIGUSR1, NULL, &sa), 0);
	CHECK(!(sa.sa_flags & SA_SIGINFO));
	CHECK(sa.sa_handler != SIG_DFL);
	CHECK(sa.sa_handler != SIG_IGN);
	CHECK(sa.sa_flags & SA_RESTART);
	CHECK(!(sa.sa_flags & (SA_RESETHAND | SA_NODEFER | SA_ONSTACK)));
	for (i = 0; i < sizeof(masked) / sizeof(masked[0]); i++)
		CHECK_EQ_INT(sigismember(&sa.sa_mask, masked[i]), 1);
	CHECK_EQ_INT(sigismember(&sa.sa_mask, SIGRTMIN + 1), 1);
	CHECK_EQ_INT(sigismember(&sa.sa_mask, SIGRTMAX - 1), 1);
}

int main(void)
{
	struct iv_signal a, b, c;
	struct sigaction sa;

	TEST_BEGIN(10);
	iv_init();

	CHECK(signal(SIGUSR1, SIG_IGN) != SIG_ERR);

	init_sig(&a, 0);
	CHECK_EQ_INT(iv_signal_register(&a), 0);
	check_installed();

	init_sig(&b, IV_SIGNAL_FLAG_EXCLUSIVE);
	CHECK_EQ_INT(iv_signal_register(&b), 0);
	init_sig(&c, IV_SIGNAL_FLAG_THIS_THREAD);
	CHECK_EQ_INT(iv_signal_register(&c), 0);
	check_installed();

	iv_signal_unregister(&b);
	check_installed();
	iv_signal_unregister(&a);
	check_installed();

	/* The last one goes: SIG_DFL, although it was SIG_IGN before. */
	iv_signal_unregister(&c);
	CHECK_EQ_INT(sigaction(SIGUSR1, NULL, &sa), 0);
	CHECK(sa.sa_handler == SIG_DFL);

	/* Registering again installs the handler again. */
	init_sig(&a, 0);
	CHECK_EQ_INT(iv_signal_register(&a), 0);
	check_installed();
	iv_signal_unregister(&a);
	CHECK_EQ_INT(sigaction(SIGUSR1, NULL, &sa), 0);
	CHECK(sa.sa_handler == SIG_DFL);

	iv_deinit();
	return 0;
}
