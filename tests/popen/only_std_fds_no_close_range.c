/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Without close_range (kernels before 5.9), the child still ends up with
 * exactly descriptors 0, 1 and 2: the /proc/self/fd walk closes the rest. */

#include <dlfcn.h>
#include <stdarg.h>
#include <sys/syscall.h>
#include "popen_util.h"

static long (*real_syscall)(long, ...);

/* Looked up before main: the child calls syscall() after fork. */
__attribute__((constructor)) static void find_syscall(void)
{
	real_syscall = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
}

/* Interposes on the C library's syscall(): close_range is "missing". */
long syscall(long number, ...)
{
	long a[6];
	va_list ap;
	int i;

	va_start(ap, number);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);

	if (number == SYS_close_range) {
		errno = ENOSYS;
		return -1;
	}
	return real_syscall(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

static char *lister[] = {
	ARG("sh"), ARG("-c"), ARG("ls -1 /proc/$$/fd; :"), NULL,
};
static struct iv_popen_request req;
static struct reader rd;

static void got_eof(struct reader *r)
{
	CHECK_EQ_STR(r->buf, "0\n1\n2\n");
	iv_popen_request_close(&req);
}

int main(void)
{
	int spare[2][2];
	int fd;

	TEST_BEGIN(10);
	/* Descriptors without close-on-exec, one of them far up. */
	CHECK_EQ_INT(pipe(spare[0]), 0);
	CHECK_EQ_INT(pipe(spare[1]), 0);
	CHECK_EQ_INT(dup2(spare[1][1], 700), 700);

	iv_init();
	request_setup(&req, "sh", lister, "r");
	fd = iv_popen_request_submit(&req);
	CHECK(fd > 2);
	reader_start(&rd, fd, got_eof);
	iv_main();
	CHECK(rd.eof);

	close(spare[0][0]);
	close(spare[0][1]);
	close(spare[1][0]);
	close(spare[1][1]);
	close(700);
	check_no_children();
	iv_deinit();
	return 0;
}
