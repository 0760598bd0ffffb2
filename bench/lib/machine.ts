import { readFileSync } from 'node:fs';
import pg from 'pg';

/** What the machine and the database server were like during a run, printed with its figures. */

export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Kernel TCP counters that explain reset or refused connections (accept queue full, aborts). */
const TCP = ['ListenOverflows', 'ListenDrops', 'TCPAbortOnData', 'TCPAbortOnClose', 'TCPAbortOnTimeout'];

function tcpCounters(): Map<string, number> {
  const lines = readFileSync('/proc/net/netstat', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('TcpExt:'));
  const names = lines[0]?.split(' ') ?? [];
  const values = lines[1]?.split(' ') ?? [];
  return new Map(TCP.map((k) => [k, Number(values[names.indexOf(k)] ?? 0)]));
}

/** Starts counting; the function returned tells the counts since, as "name n, …". */
export function tcpSince(): () => string {
  const before = tcpCounters();
  return () => {
    const now = tcpCounters();
    return TCP.map((k) => `${k} ${(now.get(k) ?? 0) - (before.get(k) ?? 0)}`).join(', ');
  };
}

/** Connections waiting in the accept queues of the sockets listening on `ports` (/proc/net/tcp). */
function acceptQueue(ports: Set<number>): number {
  let waiting = 0;
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const [, local, , state, queues] = line.trim().split(/\s+/);
    // For a listening socket (state 0A) the kernel shows its accept queue as rx_queue.
    if (state !== '0A' || !ports.has(parseInt(local?.split(':')[1] ?? '', 16))) continue;
    waiting += parseInt(queues?.split(':')[1] ?? '0', 16);
  }
  return waiting;
}

/**
 * Samples the accept queues of `ports` every 250 ms until the function returned is called, which
 * tells the mean and the largest: connections made by clients that the server has not taken yet.
 */
export function sampleAcceptQueue(ports: number[]): () => { mean: number; max: number } {
  const set = new Set(ports);
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(acceptQueue(set)), 250).unref();
  return () => {
    clearInterval(timer);
    return {
      mean: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length),
      max: Math.max(0, ...samples),
    };
  };
}

/** Server settings that shape the figures. */
const SETTINGS = [
  'server_version',
  'max_connections',
  'shared_buffers',
  'effective_cache_size',
  'work_mem',
  'random_page_cost',
  'synchronous_commit',
  'jit',
];

export async function serverSettings(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ name: string; value: string }>(
    `select name, current_setting(name) as value from pg_settings where name = any($1) order by name`,
    [SETTINGS],
  );
  return rows.map((s) => `${s.name} ${s.value}`).join(', ');
}

export async function dropDatabase(base: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
