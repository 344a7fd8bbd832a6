/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Demo: a TCP echo server and its client sharing one thread and one loop. */

#include <err.h>		/* err(), errx(): say what failed, exit(1) */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <iv.h>

static const char *const msgs[] = { "hello", "event loops", "goodbye", NULL };

struct demo {
	struct iv_fd		listener, conn, client;
	struct iv_timer		tick, deadline;
	struct iv_task		start;
	struct sockaddr_in	addr;
	int			sent, echoed, got;
};

/* Unregister fds before closing them: the loop must not poll dead ones. */
static void on_accept(void *cookie)
{
	struct demo *d = cookie;

	d->conn.fd = accept4(d->listener.fd, NULL, NULL, SOCK_NONBLOCK);
	if (d->conn.fd < 0)
		err(1, "accept");
	printf("server: client connected\n");
	iv_fd_register(&d->conn);
	iv_fd_unregister(&d->listener);	/* one client is enough */
	close(d->listener.fd);
	d->tick.expires = iv_now;	/* accepted, so the client may talk */
	iv_timer_register(&d->tick);
}

/* Echo at once (too few bytes for write() to block); EOF ends the demo. */
static void on_server_read(void *cookie)
{
	struct demo *d = cookie;
	char buf[64];
	ssize_t n = read(d->conn.fd, buf, sizeof(buf));

	if (n < 0 || write(d->conn.fd, buf, n) != n)
		err(1, "server");
	if (n == 0) {
		printf("server: client hung up\n");
		iv_fd_unregister(&d->conn);
		close(d->conn.fd);
		iv_timer_unregister(&d->deadline);	/* nothing is left */
	}
}

/* Deferred to a task, so that the client starts once the loop runs. */
static void on_start(void *cookie)
{
	struct demo *d = cookie;

	d->client.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (d->client.fd < 0)
		err(1, "client socket");
	/* EINPROGRESS: the handshake goes on while the loop runs. */
	if (connect(d->client.fd, (struct sockaddr *)&d->addr,
		    sizeof(d->addr)) < 0 && errno != EINPROGRESS)
		err(1, "connect");
	iv_fd_register(&d->client);
}

static void on_tick(void *cookie)
{
	struct demo *d = cookie;
	const char *m = msgs[d->sent++];

	if (write(d->client.fd, m, strlen(m)) != (ssize_t)strlen(m))
		err(1, "client write");
	printf("client: sent \"%s\"\n", m);
	d->tick.expires.tv_sec++;	/* from the last expiry, so no drift */
	if (msgs[d->sent])
		iv_timer_register(&d->tick);
}

/* TCP may split an echo, so check each piece against what is due next. */
static void on_client_read(void *cookie)
{
	struct demo *d = cookie;
	const char *want = msgs[d->echoed];
	char buf[64];
	ssize_t n = read(d->client.fd, buf, strlen(want) - d->got);

	if (n <= 0 || memcmp(buf, want + d->got, n))
		errx(1, "client: %s", n < 0 ? strerror(errno) : "bad echo");
	d->got += n;
	if (d->got < (int)strlen(want))
		return;
	printf("client: echoed \"%s\"\n", want);
	d->got = 0;
	if (!msgs[++d->echoed]) {
		iv_fd_unregister(&d->client);
		close(d->client.fd);
	}
}

static void on_deadline(void *cookie)
{
	errx(1, "timed out after %d echoes", ((struct demo *)cookie)->echoed);
}

int main(void)
{
	struct demo d = { .addr.sin_family = AF_INET };
	socklen_t len = sizeof(d.addr);
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

	/* Port 0: the kernel picks a free port, getsockname() says which. */
	d.addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&d.addr, len) < 0 ||
	    listen(fd, 1) < 0 ||
	    getsockname(fd, (struct sockaddr *)&d.addr, &len) < 0)
		err(1, "listening socket");
	setvbuf(stdout, NULL, _IOLBF, 0);	/* keep order with stderr */
	printf("listening on 127.0.0.1 port %d\n", ntohs(d.addr.sin_port));

	iv_init();	/* wire each object now, register it when needed */
	IV_FD_INIT(&d.listener);
	IV_FD_INIT(&d.conn);
	IV_FD_INIT(&d.client);
	IV_TIMER_INIT(&d.tick);
	IV_TIMER_INIT(&d.deadline);
	IV_TASK_INIT(&d.start);
	d.listener.cookie = d.conn.cookie = d.client.cookie = &d;
	d.tick.cookie = d.deadline.cookie = d.start.cookie = &d;
	d.listener.fd = fd;
	d.listener.handler_in = on_accept;
	d.conn.handler_in = on_server_read;
	d.client.handler_in = on_client_read;
	d.tick.handler = on_tick;
	d.deadline.handler = on_deadline;
	d.start.handler = on_start;
	iv_fd_register(&d.listener);
	iv_task_register(&d.start);
	d.deadline.expires = iv_now;	/* should anything hang, give up */
	d.deadline.expires.tv_sec += 10;
	iv_timer_register(&d.deadline);
	iv_main();	/* returns once nothing is registered any more */
	iv_deinit();
	printf("done: %d messages echoed\n", d.echoed);
	return msgs[d.echoed] ? 1 : 0;
}
