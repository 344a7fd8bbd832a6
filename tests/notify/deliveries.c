/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* EVENTFD and MEMORY to a forked child, SIGNAL_CODE, SIGNAL_THREAD, THREAD (20-24). */

#include <linux/futex.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"
#include "nq.h"

static struct nq q;
static struct iv_notify_conn conn;
static pthread_t helper_thread;
static int ran_on_other;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int thread_runs;

static void thread_fn(union sigval v)
{
	pthread_mutex_lock(&mu);
	ran_on_other = !pthread_equal(pthread_self(), helper_thread) &&
		       v.sival_int == 7;
	thread_runs++;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&mu);
}

static void cycle(const struct iv_sigevent *ev)
{
	CHECK_EQ_INT(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, ev), 0);
	nq_push(&q, 1);
	nq_pop(&q, 1);
}

int main(void)
{
	struct iv_sigevent ev;
	unsigned int *word;
	uint64_t v;
	siginfo_t si;
	sigset_t set;
	pid_t pid;
	int status;
	int efd;

	TEST_BEGIN(10);
	helper_thread = pthread_self();
	CHECK_EQ_INT(nq_init(&q, 8), 0);
	CHECK_EQ_INT(iv_notify_open(&conn, &q.src), 0);

	/* 20: an eventfd read by a child; our copy closed after arming. */
	efd = eventfd(0, EFD_CLOEXEC);
	CHECK(efd >= 0);
	pid = fork();
	if (pid == 0) {
		CHECK_EQ_INT(read(efd, &v, sizeof(v)), sizeof(v));
		_exit(v == 1 ? 0 : 1);
	}
	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_EVENTFD;
	ev.fd = efd;
	CHECK_EQ_INT(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ev), 0);
	close(efd);
	nq_push(&q, 1);
	nq_pop(&q, 1);
	CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	/* 24: a shared word with a futex waiter in a child. */
	word = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(word != MAP_FAILED);
	*word = 0;
	pid = fork();
	if (pid == 0) {
		while (__atomic_load_n(word, __ATOMIC_SEQ_CST) == 0)
			syscall(SYS_futex, word, FUTEX_WAIT, 0, NULL, NULL, 0);
		_exit(*word == 0x55 ? 0 : 1);
	}
	usleep(20000);
	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_MEMORY;
	ev.addr = word;
	ev.memop = IV_SIGEV_MEM_ASSIGN;
	ev.value.sival_int = 0x55;
	cycle(&ev);
	CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ev.memop = 9;
	CHECK_ERRNO(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				  IV_NOTIFY_COND_INPUT, &ev), EINVAL);
	munmap(word, 4096);

	/* 22 and 13: SIGNAL_CODE; codes -6 and >= 0 refused; value
	 * rewrite with IV_SI_NOTIFY and EXTEN. */
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_SIGNAL_CODE;
	ev.signo = SIGRTMIN;
	ev.code = -6;
	CHECK_ERRNO(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				  IV_NOTIFY_COND_INPUT, &ev), EINVAL);
	ev.code = 0;
	CHECK_ERRNO(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				  IV_NOTIFY_COND_INPUT, &ev), EINVAL);
	ev.code = IV_SI_NOTIFY;
	ev.value.sival_int = 5;
	cycle(&ev);
	CHECK_EQ_INT(sigwaitinfo(&set, &si), SIGRTMIN);
	CHECK_EQ_INT(si.si_code, IV_SI_NOTIFY);
	CHECK_EQ_INT((unsigned)si.si_value.sival_int,
		     IV_NOTIFY_COND_INPUT | 5);
	CHECK_EQ_INT(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
			IV_NOTIFY_COND_EXTEN | IV_NOTIFY_CONDE_HUP, &ev), 0);
	iv_notify_trigger(&q.src, 1, IV_NOTIFY_HUP);
	CHECK_EQ_INT(sigwaitinfo(&set, &si), SIGRTMIN);
	CHECK_EQ_INT(si.si_code, -64);
	CHECK_EQ_INT((unsigned)si.si_value.sival_int,
		     IV_NOTIFY_COND_EXTEN | 5);
	ev.code = -1000 + 1;
	cycle(&ev);
	CHECK_EQ_INT(sigwaitinfo(&set, &si), SIGRTMIN);
	CHECK_EQ_INT(si.si_code, -999);
	CHECK_EQ_INT(si.si_value.sival_int, 5);

	/* 21: SIGNAL_THREAD reaches the arming thread. */
	ev.notify = IV_SIGEV_SIGNAL_THREAD;
	ev.code = -1000;
	cycle(&ev);
	CHECK_EQ_INT(sigwaitinfo(&set, &si), SIGRTMIN);

	/* 23: THREAD runs on another thread. */
	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_THREAD;
	ev.function = thread_fn;
	ev.value.sival_int = 7;
	cycle(&ev);
	pthread_mutex_lock(&mu);
	while (thread_runs == 0)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	CHECK(ran_on_other);

	ev.notify = IV_SIGEV_UNBLOCK;
	CHECK_ERRNO(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				  IV_NOTIFY_COND_INPUT, &ev), ENOTSUP);

	CHECK_EQ_INT(iv_notify_close(&conn), 0);
	iv_notify_source_destroy(&q.src, 0);
	return 0;
}
