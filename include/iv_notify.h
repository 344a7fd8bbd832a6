/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: QNX-style I/O notification, so in-process resources are sources. */

#ifndef __IV_NOTIFY_H
#define __IV_NOTIFY_H

#include <iv.h>
#include <iv_list.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Actions (low two bits of the action word, QNX values). */
#define IV_NOTIFY_ACTION_TRANARM	0
#define IV_NOTIFY_ACTION_CONDARM	1
#define IV_NOTIFY_ACTION_POLL		2
#define IV_NOTIFY_ACTION_POLLARM	3
#define IV_NOTIFY_ACTION_MASK		0x3
/* Library flags above the action. */
#define IV_NOTIFY_ACTF_GROUP		0x100	/* one delivery per arm */
#define IV_NOTIFY_ACTF_RECHECK		0x200	/* arm, then query again */

/* Basic conditions (top nibble) and the free data bits. */
#define IV_NOTIFY_COND_INPUT		0x10000000u
#define IV_NOTIFY_COND_OUTPUT		0x20000000u
#define IV_NOTIFY_COND_OBAND		0x40000000u
#define IV_NOTIFY_COND_EXTEN		0x80000000u
#define IV_NOTIFY_COND_MASK		0xf0000000u
#define IV_NOTIFY_DATA_MASK		0x0fffffffu

/* Extended conditions (with IV_NOTIFY_COND_EXTEN). */
#define IV_NOTIFY_CONDE_RDNORM		0x0001u
#define IV_NOTIFY_CONDE_WRNORM		0x0002u
#define IV_NOTIFY_CONDE_RDBAND		0x0004u
#define IV_NOTIFY_CONDE_PRI		0x0008u
#define IV_NOTIFY_CONDE_WRBAND		0x0010u
#define IV_NOTIFY_CONDE_ERR		0x0020u
#define IV_NOTIFY_CONDE_HUP		0x0040u
#define IV_NOTIFY_CONDE_NVAL		0x1000u
#define IV_NOTIFY_CONDE_MASK		0x7fffu

/* Condition list indices. */
#define IV_NOTIFY_INPUT			0
#define IV_NOTIFY_OUTPUT		1
#define IV_NOTIFY_OBAND			2
#define IV_NOTIFY_RDNORM		0
#define IV_NOTIFY_WRNORM		1
#define IV_NOTIFY_RDBAND		2
#define IV_NOTIFY_PRI			3
#define IV_NOTIFY_WRBAND		4
#define IV_NOTIFY_ERR			5
#define IV_NOTIFY_HUP			6
#define IV_NOTIFY_NVAL			12
#define IV_NOTIFY_MAXCOND		15
#define IV_NOTIFY_FLAGS_EXTEN_FIRST	0x1

/*
 * Trigger flag, ORed into the extra conditions of iv_notify_trigger_ex():
 * this change is not an empty -> non-empty transition, so transition
 * arms stay armed.
 */
#define IV_NOTIFY_TRIGF_STEADY		0x40000000u

/* Source flags (struct iv_notify_source_ops.flags). */
#define IV_NOTIFY_SRC_QNX_TRANARM	0x1	/* any input arm blocks TRANARM */
#define IV_NOTIFY_SRC_ASYNC		0x2	/* iv_notify_post_async() */
#define IV_NOTIFY_SRC_NO_RETRY		0x4	/* no retry of EAGAIN signals */

/* Delivery kinds: QNX numbers where QNX has the kind. */
#define IV_SIGEV_NONE			0
#define IV_SIGEV_SIGNAL			1
#define IV_SIGEV_SIGNAL_CODE		2
#define IV_SIGEV_SIGNAL_THREAD		3
#define IV_SIGEV_PULSE			4
#define IV_SIGEV_UNBLOCK		5
#define IV_SIGEV_INTR			6
#define IV_SIGEV_THREAD			7
#define IV_SIGEV_MEMORY			8
#define IV_SIGEV_CALLBACK		0x40
#define IV_SIGEV_EVENTFD		0x41
#define IV_SIGEV_THREAD_ID		0x42

/* Memory operations (QNX values). */
#define IV_SIGEV_MEM_ASSIGN		1
#define IV_SIGEV_MEM_ADD		2
#define IV_SIGEV_MEM_SUB		3
#define IV_SIGEV_MEM_BITSET		4
#define IV_SIGEV_MEM_BITCLR		5
#define IV_SIGEV_MEM_BITTOGGLE		6

/* si_code asking for the condition bits to be merged into the value. */
#define IV_SI_NOTIFY			(-1000)

struct iv_sigevent {
	int			notify;
	int			signo;
	int			code;
	union sigval		value;
	pid_t			tid;
	void			(*function)(union sigval);
	const pthread_attr_t	*attributes;
	void			(*handler)(void *cookie, uint32_t conds,
					   union sigval value);
	void			*cookie;
	int			fd;
	unsigned int		*addr;
	int			memop;
};

int iv_sigevent_from_posix(struct iv_sigevent *out,
			   const struct sigevent *in);

/* The source: embedded in the resource; the state lives on the heap. */
struct iv_notify_source {
	void			*core;
};

struct iv_notify_conn {
	void			*core;
	void			*priv[6];
};

struct iv_notify_pollfd {
	struct iv_notify_conn	*conn;
	short			events;
	short			revents;
};

/* The in-process image of an _IO_NOTIFY request. */
struct iv_notify_req {
	int			action;
	uint32_t		flags;
	const struct iv_sigevent *event;
	int32_t			mgr[2];
	uint32_t		flags_extra_mask;
	uint32_t		flags_exten;
	int32_t			nfds;
	int32_t			fd_first;
	int32_t			nfds_ready;
	int64_t			timo;
	struct iv_notify_pollfd	*fds;
	const int		*client_counts;
	struct iv_notify_conn	*conn;
	uint32_t		out_flags;
	const void		*tag;		/* library use */
};

struct iv_notify_source_ops {
	int		(*notify)(void *cookie, struct iv_notify_req *req);
	uint32_t	(*query)(void *cookie, int counts[IV_NOTIFY_MAXCOND]);
	void		(*conn_closed)(void *cookie,
				       struct iv_notify_conn *conn);
	unsigned int	flags;
};

struct iv_notify_stats {
	uint64_t	arms;
	uint64_t	triggers;
	uint64_t	deliveries;
	uint64_t	dropped;
	uint64_t	retried;
};

/* Source side. */
int iv_notify_source_init(struct iv_notify_source *src, int nconds,
			  const struct iv_notify_source_ops *ops, void *cookie);
void iv_notify_source_destroy(struct iv_notify_source *src,
			      uint32_t final_conde);
void iv_notify_source_lock(struct iv_notify_source *src);
void iv_notify_source_unlock(struct iv_notify_source *src);
int iv_notify_handle(struct iv_notify_source *src, struct iv_notify_req *req,
		     uint32_t trig, const int *counts, int *armed);
int iv_notify_check(const struct iv_notify_source *src, int index, int cnt,
		    int tran);
void iv_notify_trigger(struct iv_notify_source *src, int cnt, int index);
void iv_notify_trigger_strict(struct iv_notify_source *src,
			      const struct iv_notify_conn *conn,
			      int cnt, int index);
void iv_notify_trigger_ex(struct iv_notify_source *src,
			  const struct iv_notify_conn *strict,
			  int cnt, int index, uint32_t extra_conde);
void iv_notify_remove(struct iv_notify_source *src,
		      const struct iv_notify_conn *conn);
void iv_notify_remove_strict(struct iv_notify_source *src,
			     const struct iv_notify_conn *conn, int lim);
void iv_notify_trigger_locked(struct iv_notify_source *src, int cnt,
			      int index);
void iv_notify_trigger_ex_locked(struct iv_notify_source *src,
				 const struct iv_notify_conn *strict,
				 int cnt, int index, uint32_t extra_conde);
void iv_notify_remove_strict_locked(struct iv_notify_source *src,
				    const struct iv_notify_conn *conn,
				    int lim);
int iv_notify_post_async(struct iv_notify_source *src, int index, int cnt);
void iv_notify_source_stats(const struct iv_notify_source *src,
			    struct iv_notify_stats *st);

/* Client side. */
int iv_notify_open(struct iv_notify_conn *conn, struct iv_notify_source *src);
int iv_notify_close(struct iv_notify_conn *conn);
int iv_notify_arm(struct iv_notify_conn *conn, int action, uint32_t flags,
		  const struct iv_sigevent *ev);
int iv_notify_arm_req(struct iv_notify_conn *conn, struct iv_notify_req *req);

/* Poll-bit translation (Linux POLL* values). */
short iv_notify_conde_to_poll(uint32_t conde);
uint32_t iv_notify_poll_to_conde(short events);

int iv_notify_poll(struct iv_notify_pollfd *fds, unsigned int n,
		   const struct timespec *timeout);
int iv_notify_ppoll(struct iv_notify_pollfd *fds, unsigned int n,
		    struct pollfd *osfds, nfds_t nos,
		    const struct timespec *timeout, const sigset_t *sigmask);

/* The level-triggered watcher, used like an iv_fd. */
struct iv_notify_watch {
	struct iv_notify_conn	*conn;
	void			*cookie;
	void			(*handler_in)(void *);
	void			(*handler_out)(void *);
	void			(*handler_err)(void *);
	void			(*handler_pri)(void *);

	/* Private. */
	int			registered;
	int			in_handler;
	int			*freed;
	unsigned long		owner;
	struct iv_task		task;
};

static inline void IV_NOTIFY_WATCH_INIT(struct iv_notify_watch *w)
{
	w->conn = NULL;
	w->cookie = NULL;
	w->handler_in = NULL;
	w->handler_out = NULL;
	w->handler_err = NULL;
	w->handler_pri = NULL;
	w->registered = 0;
}

int iv_notify_watch_register(struct iv_notify_watch *w);
void iv_notify_watch_unregister(struct iv_notify_watch *w);
int iv_notify_watch_registered(const struct iv_notify_watch *w);
void iv_notify_watch_set_handler_in(struct iv_notify_watch *w,
				    void (*h)(void *));
void iv_notify_watch_set_handler_out(struct iv_notify_watch *w,
				     void (*h)(void *));
void iv_notify_watch_set_handler_err(struct iv_notify_watch *w,
				     void (*h)(void *));
void iv_notify_watch_set_handler_pri(struct iv_notify_watch *w,
				     void (*h)(void *));

/* In a forked child: forget deliveries aimed at the parent. */
void iv_notify_atfork_child(void);

#ifdef __cplusplus
}
#endif

#endif
