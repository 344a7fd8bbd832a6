/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: child processes with a pipe (ivykis 0.42 compatible). */

#ifndef __IV_POPEN_H
#define __IV_POPEN_H

#ifdef __cplusplus
extern "C" {
#endif

struct iv_popen_request {
	char	*file;
	char	**argv;
	char	*type;

	void	*child;
};

static inline void IV_POPEN_REQUEST_INIT(struct iv_popen_request *self)
{
	(void)self;
}

int iv_popen_request_submit(struct iv_popen_request *self);
void iv_popen_request_close(struct iv_popen_request *self);

#ifdef __cplusplus
}
#endif

#endif
