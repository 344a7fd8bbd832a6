/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_inotify: one inotify descriptor per instance, events routed by wd. */

/*
 * Notes.
 *
 * 1. Watches sit in the instance's AVL tree keyed by their watch
 *    descriptor, so each event costs one O(log n) lookup.  An event for a
 *    wd that is not in the tree (a watch unregistered while its events
 *    were still queued, the IN_IGNORED that follows a one-shot event) is
 *    skipped.
 * 2. The kernel ends a watch's life with IN_IGNORED, and a one-shot watch
 *    ends after its first event.  Such a watch leaves the tree before its
 *    handler runs, so the handler may free it.  Unregistering a watch
 *    first checks that the tree still holds that very watch under its wd;
 *    if not, the call does nothing (ivykis corrupts its tree instead), and
 *    in particular never calls inotify_rm_watch() on a wd that may by now
 *    belong to someone else.
 * 3. IN_Q_OVERFLOW carries wd -1: no watch is named because events of any
 *    watch may have been lost.  It is handed to every watch of the
 *    instance, in wd order.  Handlers may unregister or free any watch
 *    meanwhile, so the walk keeps no pointer across a call: it looks up
 *    the next wd above the one just served.  A one-shot watch counts the
 *    overflow as its one event: it is dropped and removed from the kernel
 *    first.
 * 4. iv_inotify_unregister() from inside a handler must stop the walk over
 *    the buffer.  The dispatcher points `term` at a local; unregistering
 *    clears that local, and the dispatcher then returns without touching
 *    the instance again (it may have been freed).
 * 5. Registering a second watch for an inode that this instance already
 *    watches would make the kernel replace the first watch's mask and
 *    return the same wd.  IN_MASK_CREATE (Linux 4.18) makes it fail with
 *    EEXIST instead and leaves the first watch alone; older kernels ignore
 *    the bit, and the tree insertion then catches the duplicate.  The bit
 *    is not added when the caller asks for IN_MASK_ADD, which the kernel
 *    does not accept together with it, nor to a mask without any known
 *    bit, which the kernel would otherwise accept as an empty watch.
 * 6. Events are read into a 16 KiB buffer on the stack: room for 60
 *    events with the longest names, 512 with names under 16 bytes.
 *    Whatever does not fit stays queued; the descriptor remains readable
 *    and the rest is read in the next iteration.
 */

#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <iv_inotify.h>
#include "iv_private.h"

#ifndef IN_MASK_CREATE
#define IN_MASK_CREATE	0x10000000
#endif

#define EVENT_BUF_SIZE	16384

/* Mask bits the kernel knows without IN_MASK_CREATE: a mask with none of
 * them must still fail with EINVAL (note 5). */
#define KERNEL_BITS	(IN_ALL_EVENTS | IN_UNMOUNT | IN_Q_OVERFLOW |	\
			 IN_IGNORED | IN_ONLYDIR | IN_DONT_FOLLOW |	\
			 IN_EXCL_UNLINK | IN_ISDIR | IN_ONESHOT)

static struct iv_inotify_watch *node_watch(struct iv_avl_node *an)
{
	return iv_container_of(an, struct iv_inotify_watch, an);
}

static int compare_wd(const struct iv_avl_node *_a,
		      const struct iv_avl_node *_b)
{
	const struct iv_inotify_watch *a =
		iv_container_of(_a, struct iv_inotify_watch, an);
	const struct iv_inotify_watch *b =
		iv_container_of(_b, struct iv_inotify_watch, an);

	return (a->wd > b->wd) - (a->wd < b->wd);
}

static struct iv_inotify_watch *find_watch(const struct iv_inotify *this,
					   int wd)
{
	struct iv_avl_node *an = this->watches.root;

	while (an != NULL) {
		struct iv_inotify_watch *w = node_watch(an);

		if (wd == w->wd)
			return w;
		an = wd < w->wd ? an->left : an->right;
	}
	return NULL;
}

/* The registered watch with the smallest wd above @wd, or NULL. */
static struct iv_inotify_watch *watch_after(const struct iv_inotify *this,
					    int wd)
{
	struct iv_inotify_watch *best = NULL;
	struct iv_avl_node *an = this->watches.root;

	while (an != NULL) {
		struct iv_inotify_watch *w = node_watch(an);

		if (w->wd > wd) {
			best = w;
			an = an->left;
		} else {
			an = an->right;
		}
	}
	return best;
}

/* An event for one watch (note 2). */
static void deliver(struct iv_inotify *this, struct inotify_event *ev)
{
	struct iv_inotify_watch *w = find_watch(this, ev->wd);

	if (w == NULL)
		return;
	if ((ev->mask & IN_IGNORED) || (w->mask & IN_ONESHOT))
		iv_avl_tree_delete(&this->watches, &w->an);
	w->handler(w->cookie, ev);
}

/* IN_Q_OVERFLOW for every watch (note 3).  @alive is cleared if a
 * handler unregisters the instance. */
static void deliver_overflow(struct iv_inotify *this,
			     struct inotify_event *ev, void *const *alive)
{
	struct iv_avl_node *last = iv_avl_tree_max(&this->watches);
	struct iv_inotify_watch *w;
	int last_wd;

	if (last == NULL)
		return;

	/* Watches that the handlers register meanwhile missed nothing. */
	last_wd = node_watch(last)->wd;

	w = watch_after(this, INT_MIN);
	while (w != NULL && w->wd <= last_wd) {
		int wd = w->wd;

		if (w->mask & IN_ONESHOT) {
			iv_avl_tree_delete(&this->watches, &w->an);
			inotify_rm_watch(this->fd.fd, wd);
		}
		w->handler(w->cookie, ev);
		if (*alive == NULL)
			return;
		w = watch_after(this, wd);
	}
}

static void got_events(void *_this)
{
	struct iv_inotify *this = _this;
	union {
		struct inotify_event	ev;
		char			buf[EVENT_BUF_SIZE];
	} u;
	void *alive = this;
	ssize_t len;
	size_t off;

	do {
		len = read(this->fd.fd, u.buf, sizeof(u.buf));
	} while (len < 0 && errno == EINTR);

	if (len == 0)
		iv_fatal("iv_inotify: reading from inotify fd returned zero");
	if (len < 0) {
		if (errno == EAGAIN)
			return;
		iv_fatal("iv_inotify: reading from inotify fd returned "
			 "error %d[%s]", errno, strerror(errno));
	}

	this->term = &alive;
	off = 0;
	while (off + sizeof(struct inotify_event) <= (size_t)len) {
		struct inotify_event *ev = (struct inotify_event *)
					   (void *)(u.buf + off);

		off += sizeof(struct inotify_event) + ev->len;
		if (ev->wd == -1)
			deliver_overflow(this, ev, &alive);
		else
			deliver(this, ev);

		/* Unregistered by a handler: `this` may be gone (note 4). */
		if (alive == NULL)
			return;
	}
	this->term = NULL;
}

IV_EXPORT int iv_inotify_register(struct iv_inotify *this)
{
	int fd;

	iv__state_for(__func__);

	fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	if (fd < 0)
		return -1;

	IV_FD_INIT(&this->fd);
	this->fd.fd = fd;
	this->fd.cookie = this;
	this->fd.handler_in = got_events;
	iv_fd_register(&this->fd);

	INIT_IV_AVL_TREE(&this->watches, compare_wd);
	this->term = NULL;

	return 0;
}

IV_EXPORT void iv_inotify_unregister(struct iv_inotify *this)
{
	iv__state_for(__func__);

	if (this->term != NULL) {
		*this->term = NULL;
		this->term = NULL;
	}

	iv_fd_unregister(&this->fd);
	close(this->fd.fd);
	this->fd.fd = -1;

	/* The kernel dropped every watch with the descriptor; forgetting
	 * them makes a later iv_inotify_watch_unregister() a no-op. */
	this->watches.root = NULL;
}

IV_EXPORT int iv_inotify_watch_register(struct iv_inotify_watch *w)
{
	struct iv_inotify *this = w->inotify;
	uint32_t mask = w->mask;
	int wd;

	iv__state_for(__func__);

	if ((mask & KERNEL_BITS) && !(mask & IN_MASK_ADD))
		mask |= IN_MASK_CREATE;

	wd = inotify_add_watch(this->fd.fd, w->pathname, mask);
	if (wd < 0)
		return -1;

	w->wd = wd;
	if (iv_avl_tree_insert(&this->watches, &w->an) < 0) {
		errno = EEXIST;
		return -1;
	}

	return 0;
}

IV_EXPORT void iv_inotify_watch_unregister(struct iv_inotify_watch *w)
{
	struct iv_inotify *this = w->inotify;

	iv__state_for(__func__);

	/* Dropped by the library or never registered (note 2). */
	if (find_watch(this, w->wd) != w)
		return;

	iv_avl_tree_delete(&this->watches, &w->an);
	inotify_rm_watch(this->fd.fd, w->wd);
}
