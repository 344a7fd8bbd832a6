/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Optional QNX spellings of the iv_notify names, for porting io_notify code. */

#ifndef __IV_NOTIFY_QNX_H
#define __IV_NOTIFY_QNX_H

#include <iv_notify.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Everything here is an alias for a name of <iv_notify.h>; nothing new is
 * exported.  Porting notes:
 *  - one iofunc_notify_t covers every condition list of a resource (QNX
 *    embeds an array of them); pass its address where QNX passes the array;
 *  - the requester identity (QNX ctp) is the client's connection: inside
 *    the ops->notify handler it is msg->conn, in ops->conn_closed it is the
 *    conn argument;
 *  - deliveries are described by struct iv_sigevent (IV_SIGEV_* kinds),
 *    since the Linux SIGEV_* numbers differ from the QNX ones.
 */

/* Actions. */
#define _NOTIFY_ACTION_TRANARM		IV_NOTIFY_ACTION_TRANARM
#define _NOTIFY_ACTION_CONDARM		IV_NOTIFY_ACTION_CONDARM
#define _NOTIFY_ACTION_POLL		IV_NOTIFY_ACTION_POLL
#define _NOTIFY_ACTION_POLLARM		IV_NOTIFY_ACTION_POLLARM
#define _NOTIFY_ACTION_MASK		IV_NOTIFY_ACTION_MASK

/* Basic and extended conditions. */
#define _NOTIFY_COND_MASK		IV_NOTIFY_COND_MASK
#define _NOTIFY_COND_INPUT		IV_NOTIFY_COND_INPUT
#define _NOTIFY_COND_OUTPUT		IV_NOTIFY_COND_OUTPUT
#define _NOTIFY_COND_OBAND		IV_NOTIFY_COND_OBAND
#define _NOTIFY_COND_EXTEN		IV_NOTIFY_COND_EXTEN
#define _NOTIFY_DATA_MASK		IV_NOTIFY_DATA_MASK
#define _NOTIFY_CONDE_RDNORM		IV_NOTIFY_CONDE_RDNORM
#define _NOTIFY_CONDE_WRNORM		IV_NOTIFY_CONDE_WRNORM
#define _NOTIFY_CONDE_RDBAND		IV_NOTIFY_CONDE_RDBAND
#define _NOTIFY_CONDE_PRI		IV_NOTIFY_CONDE_PRI
#define _NOTIFY_CONDE_WRBAND		IV_NOTIFY_CONDE_WRBAND
#define _NOTIFY_CONDE_ERR		IV_NOTIFY_CONDE_ERR
#define _NOTIFY_CONDE_HUP		IV_NOTIFY_CONDE_HUP
#define _NOTIFY_CONDE_NVAL		IV_NOTIFY_CONDE_NVAL
#define _NOTIFY_MAXCOND			IV_NOTIFY_MAXCOND
#define _NOTIFY_FLAGS_EXTEN_FIRST	IV_NOTIFY_FLAGS_EXTEN_FIRST

/* Condition list indices. */
#define IOFUNC_NOTIFY_INPUT		IV_NOTIFY_INPUT
#define IOFUNC_NOTIFY_OUTPUT		IV_NOTIFY_OUTPUT
#define IOFUNC_NOTIFY_OBAND		IV_NOTIFY_OBAND
#define IOFUNC_NOTIFY_RDNORM		IV_NOTIFY_RDNORM
#define IOFUNC_NOTIFY_WRNORM		IV_NOTIFY_WRNORM
#define IOFUNC_NOTIFY_RDBAND		IV_NOTIFY_RDBAND
#define IOFUNC_NOTIFY_PRI		IV_NOTIFY_PRI
#define IOFUNC_NOTIFY_WRBAND		IV_NOTIFY_WRBAND
#define IOFUNC_NOTIFY_ERR		IV_NOTIFY_ERR
#define IOFUNC_NOTIFY_HUP		IV_NOTIFY_HUP
#define IOFUNC_NOTIFY_NVAL		IV_NOTIFY_NVAL
#define IOFUNC_NOTIFY_UNMASKABLE	((1u << IV_NOTIFY_ERR) |	\
					 (1u << IV_NOTIFY_HUP) |	\
					 (1u << IV_NOTIFY_NVAL))

typedef struct iv_notify_source iofunc_notify_t;
typedef struct iv_notify_req io_notify_t;
typedef struct iv_notify_conn resmgr_context_t;

/* The cheap pre-checks a manager runs before calling a trigger. */
#define IOFUNC_NOTIFY_INPUT_CHECK(nop, cnt, tran)			\
	iv_notify_check((nop), IV_NOTIFY_INPUT, (cnt), (tran))
#define IOFUNC_NOTIFY_OBAND_CHECK(nop, cnt, tran)			\
	iv_notify_check((nop), IV_NOTIFY_OBAND, (cnt), (tran))
#define IOFUNC_NOTIFY_OUTPUT_CHECK(nop, cnt)				\
	iv_notify_check((nop), IV_NOTIFY_OUTPUT, (cnt), 1)

/* The io_notify helper; the requester is taken from msg->conn. */
static inline int iofunc_notify(resmgr_context_t *ctp, io_notify_t *msg,
				iofunc_notify_t *nop, int trig,
				const int *notifycounts, int *armed)
{
	(void)ctp;
	return iv_notify_handle(nop, msg, (uint32_t)trig, notifycounts,
				armed);
}

static inline void iofunc_notify_trigger(iofunc_notify_t *nop, int cnt,
					 int index)
{
	iv_notify_trigger(nop, cnt, index);
}

static inline void iofunc_notify_trigger_strict(resmgr_context_t *ctp,
						iofunc_notify_t *nop,
						int cnt, int index)
{
	iv_notify_trigger_strict(nop, ctp, cnt, index);
}

static inline void iofunc_notify_remove(resmgr_context_t *ctp,
					iofunc_notify_t *nop)
{
	iv_notify_remove(nop, ctp);
}

static inline void iofunc_notify_remove_strict(resmgr_context_t *ctp,
					       iofunc_notify_t *nop, int lim)
{
	iv_notify_remove_strict(nop, ctp, lim);
}

/* The client call; the "fd" is a connection opened with iv_notify_open(). */
static inline int ionotify(struct iv_notify_conn *conn, int action,
			   int flags, const struct iv_sigevent *event)
{
	return iv_notify_arm(conn, action, (uint32_t)flags, event);
}

#ifdef __cplusplus
}
#endif

#endif
