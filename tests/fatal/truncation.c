/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_fatal() messages longer than 1023 characters are truncated to 1023. */

#include <iv.h>
#include "fatal_helper.h"

static char message[3001];

/* Exits 0 if the handler got the first `want` characters of message. */
static size_t want;

static void check_message(const char *msg)
{
	if (strlen(msg) != want || strncmp(msg, message, want) != 0) {
		fprintf(stderr, "got %zu characters, want %zu\n",
			strlen(msg), want);
		_exit(1);
	}
	_exit(0);
}

static void call_fatal(void *arg)
{
	size_t len = *(size_t *)arg;

	want = len < 1023 ? len : 1023;
	message[len] = 0;
	iv_set_fatal_msg_handler(check_message);
	iv_fatal("%s", message);
}

int main(void)
{
	static const size_t lengths[] = { 0, 1, 1022, 1023, 1024, 1025, 3000 };
	size_t i;

	TEST_BEGIN(20);
	for (i = 0; i < sizeof(message) - 1; i++)
		message[i] = 'a' + i % 26;

	for (i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++) {
		size_t len = lengths[i];
		int status = run_in_child(call_fatal, &len);

		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			fprintf(stderr, "failed for length %zu\n", len);
		CHECK(WIFEXITED(status));
		CHECK_EQ_INT(WEXITSTATUS(status), 0);
	}
	return 0;
}
