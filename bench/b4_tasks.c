/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* B4: K iv_tasks that re-register themselves, beside one idle fd. */

/*
 * Usage: b4_tasks [K [callbacks]]   (defaults 1 and 1000000)
 *
 * Each task's handler re-registers the task until the total number of
 * callbacks is reached.  The read end of a pipe nobody writes to stays
 * registered, so every loop iteration has an fd to poll; it is
 * unregistered by the last callback, which lets iv_main return.
 */

#include <iv.h>
#include "workload.h"

static struct iv_task *tasks;
static struct iv_fd idle;
static long left;

static void idle_readable(void *cookie)
{
}

static void task_run(void *cookie)
{
	struct iv_task *t = cookie;

	if (--left > 0) {
		iv_task_register(t);
		return;
	}
	if (left == 0)
		iv_fd_unregister(&idle);
}

long bench_region(long ntasks, long callbacks);

BENCH_REGION long bench_region(long ntasks, long callbacks)
{
	long i;

	left = callbacks;
	for (i = 0; i < ntasks; i++)
		iv_task_register(&tasks[i]);
	iv_main();

	return callbacks - (left > 0 ? left : 0);
}

int main(int argc, char **argv)
{
	long n;
	long k = wl_b4_args(argc, argv, &n);
	uint64_t t0;
	uint64_t t1;
	long done;
	int p[2];
	long i;

	iv_init();

	if (pipe(p) < 0)
		bench_die("pipe");
	IV_FD_INIT(&idle);
	idle.fd = p[0];
	idle.handler_in = idle_readable;
	iv_fd_register(&idle);

	tasks = calloc(k, sizeof(*tasks));
	if (tasks == NULL)
		bench_die("calloc");
	for (i = 0; i < k; i++) {
		IV_TASK_INIT(&tasks[i]);
		tasks[i].cookie = &tasks[i];
		tasks[i].handler = task_run;
	}

	t0 = bench_wall_ns();
	done = bench_region(k, n);
	t1 = bench_wall_ns();

	wl_report_b4(bench_lib_name(), iv_poll_method_name(), k, t1 - t0, done);

	close(p[0]);
	close(p[1]);
	free(tasks);
	iv_deinit();

	return 0;
}
