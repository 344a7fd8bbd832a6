/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: copying between file descriptors (ivykis 0.42 compatible). */

#ifndef __IV_FD_PUMP_H
#define __IV_FD_PUMP_H

#ifdef __cplusplus
extern "C" {
#endif

struct iv_fd_pump {
	int		from_fd;
	int		to_fd;
	void		*cookie;
	void		(*set_bands)(void *cookie, int pollin, int pollout);
	unsigned int	flags;

	void		*buf;
	int		bytes;
	int		full;
	int		saw_fin;
};

#define IV_FD_PUMP_FLAG_RELAY_EOF	1

static inline void IV_FD_PUMP_INIT(struct iv_fd_pump *self)
{
	(void)self;
}

void iv_fd_pump_init(struct iv_fd_pump *self);
void iv_fd_pump_destroy(struct iv_fd_pump *self);
int iv_fd_pump_pump(struct iv_fd_pump *self);
int iv_fd_pump_is_done(const struct iv_fd_pump *self);

#ifdef __cplusplus
}
#endif

#endif
