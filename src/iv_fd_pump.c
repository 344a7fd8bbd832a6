/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_fd_pump: copy one fd into another, through a pipe (splice) or memory. */

/*
 * Notes.
 *
 * 1. Two kinds of buffer.  When both descriptors are pipes or sockets the
 *    data goes through a private pipe with splice(2) and never enters user
 *    space.  Anything else (terminals, character devices, regular files,
 *    eventfds) is copied with read(2) and write(2) through a 16 KiB
 *    memory buffer: four pages amortise the system calls well, while a
 *    stalled pump and the per-thread cache stay cheap.  Regular files are
 *    left out of splicing on purpose: splice(2) refuses to write to an
 *    O_APPEND file.  The environment variable IV_FD_PUMP_NO_SPLICE=1
 *    forces copying everywhere, so that the tests cover both paths.
 * 2. A pump decides its kind once, at its first step, with fstat(2) on
 *    both descriptors.  Between steps it holds no buffer when nothing is
 *    buffered; `buf` then points at one of two static tags that remember
 *    the kind (NULL means "not decided yet").  A buffer that runs empty
 *    goes back to a per-thread cache of at most 20 buffers, so idle pumps
 *    cost no memory and no descriptors.
 * 3. A pipe's capacity is counted in slots, not bytes, so the number of
 *    bytes it holds does not say whether it is full.  Instead, when
 *    splicing in fails with EAGAIN while data is buffered, FIONREAD on the
 *    source tells the two causes apart: the source has data, so the pipe
 *    must be full.  The pump then stops asking for input until some
 *    output went out; otherwise a readable source would make the loop
 *    spin.
 * 4. `saw_fin` is 0 while input may arrive, 1 once end of file was read
 *    with data still buffered, and 2 when the pump is done (end of file
 *    passed on).  Any other value is corruption and fatal, as in ivykis.
 * 5. A pipe that still holds data when the pump is destroyed is closed
 *    rather than cached; a memory buffer is simply reset.
 */

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <iv_fd_pump.h>
#include "iv_private.h"

#define COPY_BUF_SIZE	16384
#define SPLICE_MAX	1048576
#define CACHE_MAX	20

struct pump_buf {
	struct iv_list_head	list;		/* in the thread's cache */
	int			pfd[2];		/* splice: the pipe; copy: -1 */
	int			off;		/* copy: start of the data */
	unsigned char		data[];		/* copy: COPY_BUF_SIZE */
};

/* Per-thread cache of empty buffers. */
struct pump_cache {
	struct iv_list_head	pipes;
	struct iv_list_head	mems;
	int			count;
};

/* What `buf` holds while the pump holds no buffer (note 2). */
static char splice_tag;
static char copy_tag;

/* -1: not probed yet; 0: copy only; 1: splice works. */
static int splice_ok = -1;

static void cache_init_thread(void *_c)
{
	struct pump_cache *c = _c;

	INIT_IV_LIST_HEAD(&c->pipes);
	INIT_IV_LIST_HEAD(&c->mems);
	c->count = 0;
}

static void buf_free(struct pump_buf *b)
{
	if (b->pfd[0] >= 0) {
		close(b->pfd[0]);
		close(b->pfd[1]);
	}
	free(b);
}

static void cache_drain(struct iv_list_head *head)
{
	while (!iv_list_empty(head)) {
		struct pump_buf *b;

		b = iv_list_entry(head->next, struct pump_buf, list);
		iv_list_del(&b->list);
		buf_free(b);
	}
}

static void cache_deinit_thread(void *_c)
{
	struct pump_cache *c = _c;

	cache_drain(&c->pipes);
	cache_drain(&c->mems);
	c->count = 0;
}

static struct iv_tls_user pump_tls = {
	.sizeof_state	= sizeof(struct pump_cache),
	.init_thread	= cache_init_thread,
	.deinit_thread	= cache_deinit_thread,
};

__attribute__((constructor)) static void fd_pump_module_init(void)
{
	iv_tls_user_register(&pump_tls);
}

/*
 * Can this process splice at all?  Seccomp filters and emulators may say
 * no.  A nonblocking one-byte splice out of an empty pipe must fail with
 * EAGAIN.  A probe that cannot run for lack of descriptors is retried by
 * the next pump.
 */
static int splice_works(void)
{
	int v = __atomic_load_n(&splice_ok, __ATOMIC_RELAXED);
	const char *env;
	int a[2];
	int b[2];

	if (v >= 0)
		return v;

	env = getenv("IV_FD_PUMP_NO_SPLICE");
	if (env != NULL && *env && strcmp(env, "0")) {
		v = 0;
	} else {
		if (pipe2(a, O_CLOEXEC | O_NONBLOCK) < 0)
			return 0;
		if (pipe2(b, O_CLOEXEC | O_NONBLOCK) < 0) {
			close(a[0]);
			close(a[1]);
			return 0;
		}
		v = splice(a[0], NULL, b[1], NULL, 1, SPLICE_F_NONBLOCK) < 0 &&
		    errno == EAGAIN;
		close(a[0]);
		close(a[1]);
		close(b[0]);
		close(b[1]);
	}

	__atomic_store_n(&splice_ok, v, __ATOMIC_RELAXED);
	return v;
}

/* 1 for a pipe or socket, 0 for anything else, -1 with errno. */
static int fd_splices(int fd)
{
	struct stat sb;

	if (fstat(fd, &sb) < 0)
		return -1;
	return S_ISFIFO(sb.st_mode) || S_ISSOCK(sb.st_mode);
}

/* Decide the pump's kind (note 2).  Returns 0, or -1 with errno. */
static int choose_kind(struct iv_fd_pump *ip)
{
	int from = fd_splices(ip->from_fd);
	int to = from < 0 ? -1 : fd_splices(ip->to_fd);

	if (to < 0)
		return -1;
	ip->buf = from && to && splice_works() ? &splice_tag : &copy_tag;
	return 0;
}

static struct pump_buf *buf_get(int splice)
{
	struct pump_cache *c = iv_tls_user_ptr(&pump_tls);
	struct iv_list_head *head = splice ? &c->pipes : &c->mems;
	struct pump_buf *b;

	if (!iv_list_empty(head)) {
		b = iv_list_entry(head->next, struct pump_buf, list);
		iv_list_del(&b->list);
		c->count--;
		return b;
	}

	if (splice) {
		b = malloc(sizeof(*b));
		if (b == NULL)
			return NULL;
		if (pipe2(b->pfd, O_CLOEXEC | O_NONBLOCK) < 0) {
			int err = errno;

			free(b);
			errno = err;
			return NULL;
		}
	} else {
		b = malloc(sizeof(*b) + COPY_BUF_SIZE);
		if (b == NULL)
			return NULL;
		b->pfd[0] = -1;
		b->pfd[1] = -1;
	}
	b->off = 0;

	return b;
}

/* Hand a buffer back; @empty says whether it still holds data. */
static void buf_put(struct pump_buf *b, int empty)
{
	struct pump_cache *c = iv_tls_user_ptr(&pump_tls);

	if (c == NULL || c->count >= CACHE_MAX || (!empty && b->pfd[0] >= 0)) {
		buf_free(b);
		return;
	}

	b->off = 0;
	iv_list_add(&b->list, b->pfd[0] >= 0 ? &c->pipes : &c->mems);
	c->count++;
}

static int holds_buffer(const struct iv_fd_pump *ip)
{
	return ip->buf != NULL && ip->buf != &splice_tag &&
	       ip->buf != &copy_tag;
}

/* The pump's buffer, taken from the cache if need be; NULL with errno. */
static struct pump_buf *hold_buffer(struct iv_fd_pump *ip)
{
	struct pump_buf *b;

	if (ip->buf == NULL && choose_kind(ip) < 0)
		return NULL;
	if (holds_buffer(ip))
		return ip->buf;

	b = buf_get(ip->buf == &splice_tag);
	if (b != NULL)
		ip->buf = b;
	return b;
}

/* Give an empty buffer back, keeping errno. */
static void release_if_empty(struct iv_fd_pump *ip)
{
	struct pump_buf *b = ip->buf;
	int saved_errno = errno;

	if (!holds_buffer(ip) || ip->bytes != 0)
		return;

	ip->buf = b->pfd[0] >= 0 ? &splice_tag : &copy_tag;
	buf_put(b, 1);
	errno = saved_errno;
}

/* One read or splice from from_fd.  Returns 0, or -1 with errno. */
static int pump_in(struct iv_fd_pump *ip)
{
	struct pump_buf *b = hold_buffer(ip);
	ssize_t ret;

	if (b == NULL)
		return -1;

	if (b->pfd[0] >= 0) {
		ret = splice(ip->from_fd, NULL, b->pfd[1], NULL, SPLICE_MAX,
			     SPLICE_F_NONBLOCK);
	} else {
		size_t used = (size_t)b->off + (size_t)ip->bytes;

		if (used == COPY_BUF_SIZE && b->off > 0) {
			memmove(b->data, b->data + b->off, (size_t)ip->bytes);
			b->off = 0;
			used = (size_t)ip->bytes;
		}
		ret = read(ip->from_fd, b->data + used, COPY_BUF_SIZE - used);
	}

	if (ret > 0) {
		ip->bytes += (int)ret;
		if (b->pfd[0] < 0)
			ip->full = ip->bytes == COPY_BUF_SIZE;
		return 0;
	}
	if (ret == 0) {
		ip->saw_fin = 1;
		return 0;
	}
	if (errno == EINTR)
		return 0;
	if (errno == EAGAIN) {
		int pending = 0;

		/* Note 3. */
		if (b->pfd[0] >= 0 && ip->bytes > 0 &&
		    ioctl(ip->from_fd, FIONREAD, &pending) == 0 && pending > 0)
			ip->full = 1;
		return 0;
	}
	return -1;
}

/* One write or splice to to_fd.  Returns 0, or -1 with errno. */
static int pump_out(struct iv_fd_pump *ip)
{
	struct pump_buf *b = ip->buf;
	ssize_t ret;

	if (b->pfd[0] >= 0) {
		ret = splice(b->pfd[0], NULL, ip->to_fd, NULL,
			     (size_t)ip->bytes, SPLICE_F_NONBLOCK);
	} else {
		ret = write(ip->to_fd, b->data + b->off, (size_t)ip->bytes);
	}

	if (ret > 0) {
		ip->bytes -= (int)ret;
		if (b->pfd[0] < 0)
			b->off = ip->bytes != 0 ? b->off + (int)ret : 0;
		ip->full = 0;
		return 0;
	}
	if (ret == 0) {
		/* Nothing taken and no error: not a descriptor to pump to. */
		errno = EIO;
		return -1;
	}
	if (errno == EINTR || errno == EAGAIN)
		return 0;
	return -1;
}

static void set_bands(const struct iv_fd_pump *ip, int pollin, int pollout)
{
	if (ip->set_bands != NULL)
		ip->set_bands(ip->cookie, pollin, pollout);
}

IV_EXPORT void iv_fd_pump_init(struct iv_fd_pump *ip)
{
	iv__state_for(__func__);

	ip->buf = NULL;
	ip->bytes = 0;
	ip->full = 0;
	ip->saw_fin = 0;

	set_bands(ip, 1, 0);
}

IV_EXPORT void iv_fd_pump_destroy(struct iv_fd_pump *ip)
{
	if (ip->saw_fin != 2)
		set_bands(ip, 0, 0);

	if (holds_buffer(ip))
		buf_put(ip->buf, ip->bytes == 0);
	ip->buf = NULL;
	ip->bytes = 0;
	ip->full = 0;
}

IV_EXPORT int iv_fd_pump_pump(struct iv_fd_pump *ip)
{
	iv__state_for(__func__);

	if (ip->saw_fin == 2) {
		set_bands(ip, 0, 0);
		return 0;
	}
	if (ip->saw_fin != 0 && ip->saw_fin != 1)
		iv_fatal("iv_fd_pump_pump: saw_fin == %d", ip->saw_fin);

	if (ip->saw_fin == 0 && !ip->full && pump_in(ip) < 0) {
		release_if_empty(ip);
		return -1;
	}
	if (ip->bytes > 0 && pump_out(ip) < 0)
		return -1;
	release_if_empty(ip);

	if (ip->saw_fin == 0) {
		set_bands(ip, !ip->full, ip->bytes > 0);
		return 1;
	}
	if (ip->bytes > 0) {
		set_bands(ip, 0, 1);
		return 1;
	}

	ip->saw_fin = 2;
	if (ip->flags & IV_FD_PUMP_FLAG_RELAY_EOF) {
		int saved_errno = errno;

		/* Meaningless for a pipe (ENOTSOCK); ignored, as in ivykis. */
		shutdown(ip->to_fd, SHUT_WR);
		errno = saved_errno;
	}
	set_bands(ip, 0, 0);
	return 0;
}

IV_EXPORT int iv_fd_pump_is_done(const struct iv_fd_pump *ip)
{
	return ip->saw_fin == 2;
}
