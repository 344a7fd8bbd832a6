/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A program that cannot be executed: submit still succeeds, the child
 * exits with status 127, the caller sees end of file, the loop goes on. */

/*
 * Liana only in one respect: ivykis 0.42's child exits with status 1.
 */

#include <dlfcn.h>
#include "popen_util.h"

static int last_status = -1;

/* Interposes on the C library's wait4() to see what the library reaps. */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	static pid_t (*real_wait4)(pid_t, int *, int, struct rusage *);
	pid_t ret;

	if (real_wait4 == NULL)
		real_wait4 = (pid_t (*)(pid_t, int *, int, struct rusage *))
			dlsym(RTLD_NEXT, "wait4");
	ret = real_wait4(pid, status, options, ru);
	if (ret > 0)
		last_status = *status;
	return ret;
}

static char *missing[] = { ARG("liana-no-such-program"), ARG("x"), NULL };
static char *echo[] = { ARG("echo"), ARG("still here"), NULL };
static struct iv_popen_request req;
static struct iv_popen_request req2;
static struct reader rd;
static struct reader rd2;
static struct iv_timer poll_timer;

static void got_second(struct reader *r)
{
	CHECK_EQ_STR(r->buf, "still here\n");
	iv_popen_request_close(&req2);
}

/* After the failed child is gone, the loop still runs new work. */
static void check_reaped(void *cookie)
{
	int fd;

	if (req.child != NULL) {
		timer_in(&poll_timer, 10, check_reaped, NULL);
		return;
	}
	CHECK(WIFEXITED(last_status));
	CHECK_EQ_INT(WEXITSTATUS(last_status), 127);
	iv_popen_request_close(&req);

	request_setup(&req2, "echo", echo, "r");
	fd = iv_popen_request_submit(&req2);
	CHECK(fd > 2);
	reader_start(&rd2, fd, got_second);
}

static void got_eof(struct reader *r)
{
	CHECK_EQ_STR(r->buf, "");
	check_reaped(NULL);
}

int main(void)
{
	int fd;

	TEST_BEGIN(10);
	iv_init();

	request_setup(&req, "/nonexistent/liana-no-such-program", missing,
		      "r");
	fd = iv_popen_request_submit(&req);
	CHECK(fd > 2);

	reader_start(&rd, fd, got_eof);
	iv_main();

	CHECK(rd.eof && rd2.eof);
	check_no_children();
	iv_deinit();
	return 0;
}
