import net from 'node:net';
import type { FastifyInstance, FastifyListenOptions } from 'fastify';

/**
 * Listens on `port` with `sockets` listening sockets that all feed the one HTTP server.
 *
 * Why: libuv accepts one connection per event-loop turn (libuv PR #3696), and under load a turn takes
 * milliseconds, since every ready socket is served in it. A crowd of new visitors then waited in the
 * kernel's accept queue for seconds while visitors on kept-alive connections were answered at once
 * (issue 8: first tracking lookups of new visitors 15-40 s in the 5,000-connection mix, the queue at
 * its 4,096 limit). Each listening socket is accepted from once a turn, so `sockets` of them accept
 * that many a turn; the kernel spreads new connections over them. SO_REUSEPORT lets only processes
 * of the same user bind the port beside us.
 */
export async function listenWithAcceptors(
  app: FastifyInstance,
  opts: { host: string; port: number; backlog: number; sockets: number },
): Promise<void> {
  const shared = opts.sockets > 1;
  // SO_REUSEPORT would let a second instance share the port with a running one, each getting part of
  // the connections; a port already in use must fail as it always did.
  if (shared && opts.port !== 0) await assertFree(opts.host, opts.port);
  const acceptors: net.Server[] = [];
  // Stop listening, without waiting for the connections (close's callback would): they belong to the
  // HTTP server, which closes the idle ones and ends the others after their answer. Waiting held a
  // graceful stop until every visitor left, then failed it at Fastify's 10-s plugin timeout.
  app.addHook('preClose', (done) => {
    for (const a of acceptors) a.close();
    done();
  });
  const main: FastifyListenOptions & { reusePort?: boolean } = {
    host: opts.host,
    port: opts.port,
    backlog: opts.backlog,
    ...(shared ? { reusePort: true } : {}),
  };
  await app.listen(main);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  for (let i = 1; i < opts.sockets; i++) {
    const acceptor = net.createServer((socket) => app.server.emit('connection', socket));
    await new Promise<void>((resolve, reject) => {
      acceptor.once('error', reject);
      acceptor.listen({ host: opts.host, port, backlog: opts.backlog, reusePort: true }, () => resolve());
    });
    acceptors.push(acceptor);
  }
}

/** Binds `port` without SO_REUSEPORT and lets it go: EADDRINUSE when anything listens there. */
function assertFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
