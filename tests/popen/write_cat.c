/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Mode "w": what the caller writes is the child's standard input. */

#include <fcntl.h>
#include <stdlib.h>
#include "popen_util.h"

#define SIZE	(256 * 1024)

static char path[] = "/tmp/liana-popen-XXXXXX";
static char *argv[] = { ARG("sh"), ARG("-c"), ARG("cat > \"$0\""), path, NULL };
static struct iv_popen_request req;
static struct iv_fd out;
static struct iv_timer poll_timer;
static char *data;
static size_t sent;

static void check_reaped(void *cookie)
{
	if (req.child != NULL)
		timer_in(&poll_timer, 10, check_reaped, NULL);
}

static void writable(void *cookie)
{
	ssize_t n;

	n = write(out.fd, data + sent, SIZE - sent);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	CHECK(n > 0);
	sent += n;
	if (sent == SIZE) {
		iv_fd_unregister(&out);
		close(out.fd);
		check_reaped(NULL);
	}
}

int main(void)
{
	char *back;
	int fd;
	int i;

	TEST_BEGIN(10);
	data = malloc(SIZE);
	back = malloc(SIZE + 1);
	CHECK(data != NULL && back != NULL);
	for (i = 0; i < SIZE; i++)
		data[i] = 'a' + i % 23;
	fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);

	iv_init();
	request_setup(&req, "sh", argv, "w");
	fd = iv_popen_request_submit(&req);
	CHECK(fd > 2);

	IV_FD_INIT(&out);
	out.fd = fd;
	out.handler_out = writable;
	iv_fd_register(&out);
	iv_main();
	iv_popen_request_close(&req);

	fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ_INT(read(fd, back, SIZE + 1), SIZE);
	CHECK(memcmp(back, data, SIZE) == 0);
	close(fd);
	unlink(path);

	check_no_children();
	free(data);
	free(back);
	iv_deinit();
	return 0;
}
