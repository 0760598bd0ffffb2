import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { listenWithAcceptors } from './listen.ts';

/** Listening TCP sockets on `port` (IPv4), read from the kernel's table. */
function listenersOn(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => {
      const [, local, , state] = line.trim().split(/\s+/);
      return state === '0A' && local?.endsWith(`:${hex}`);
    }).length;
}

/** One GET on a connection of its own, from loopback address `from`. */
function getFresh(port: number, from: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/hello', agent: false, localAddress: from }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

async function started(sockets: number) {
  const app = Fastify();
  app.get('/hello', () => Promise.resolve('xin chào'));
  let connections = 0;
  await listenWithAcceptors(app, { host: '127.0.0.1', port: 0, backlog: 511, sockets });
  app.server.on('connection', () => connections++);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, port, connections: () => connections };
}

describe('listening with several accepting sockets (issue 8)', { skip: process.platform !== 'linux' }, () => {
  it('opens as many listening sockets as asked, and every connection reaches the one HTTP server', async () => {
    const { app, port, connections } = await started(8);
    try {
      assert.equal(listenersOn(port), 8);
      // New connections from 200 addresses: the kernel spreads them over the 8 sockets by address.
      const from = Array.from(
        { length: 200 },
        (_, i) => `127.0.${100 + Math.floor(i / 250)}.${1 + (i % 250)}`,
      );
      const bodies = await Promise.all(from.map((a) => getFresh(port, a)));
      assert.deepEqual(new Set(bodies), new Set(['xin chào']));
      assert.equal(connections(), 200);
    } finally {
      await app.close();
    }
    assert.equal(listenersOn(port), 0, 'closing the app closes every listening socket');
    await assert.rejects(getFresh(port, '127.0.0.1'), /ECONNREFUSED/);
  });

  it('closes at once while visitors keep idle connections open (a graceful stop must not hang)', async () => {
    const { app, port } = await started(8);
    // Kept-alive connections from 100 addresses, left open by their clients after one answer each.
    const agents = Array.from({ length: 100 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    const kept = await Promise.all(
      agents.map(
        (agent, i) =>
          new Promise<string>((resolve, reject) => {
            http
              .get(
                {
                  host: '127.0.0.1',
                  port,
                  path: '/hello',
                  agent,
                  localAddress: `127.0.${120 + Math.floor(i / 250)}.${1 + (i % 250)}`,
                },
                (res) => {
                  let body = '';
                  res.on('data', (c: Buffer) => (body += c.toString()));
                  res.on('end', () => resolve(body));
                },
              )
              .on('error', reject);
          }),
      ),
    );
    assert.deepEqual(new Set(kept), new Set(['xin chào']));
    const t = performance.now();
    await app.close();
    assert.ok(performance.now() - t < 2000, `closed in ${Math.round(performance.now() - t)} ms`);
    assert.equal(listenersOn(port), 0);
    for (const agent of agents) agent.destroy();
  });

  it('refuses a port already in use, even by another instance listening the same way', async () => {
    const { app, port } = await started(8);
    try {
      const second = Fastify();
      await assert.rejects(
        listenWithAcceptors(second, { host: '127.0.0.1', port, backlog: 511, sockets: 8 }),
        /EADDRINUSE/,
      );
      await second.close();
      assert.equal(listenersOn(port), 8, 'the first instance keeps its sockets, alone');
    } finally {
      await app.close();
    }
  });

  it('with one socket the port is not shared: another listener cannot bind it', async () => {
    const { app, port } = await started(1);
    try {
      assert.equal(listenersOn(port), 1);
      const other = net.createServer();
      await assert.rejects(
        new Promise((resolve, reject) => {
          other.once('error', reject);
          other.listen({ host: '127.0.0.1', port, reusePort: true }, () => resolve(undefined));
        }),
        /EADDRINUSE/,
      );
      other.close();
      assert.equal(await getFresh(port, '127.0.0.1'), 'xin chào');
    } finally {
      await app.close();
    }
  });
});
