import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import type { Config } from './config.ts';
import { listenWithAcceptors } from './http/listen.ts';
import { startRuntime } from './runtime.ts';

/** One entry point: HTTP server (API + web) and background workers. `--seed-if-empty` loads demo data. */
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const buildDir = fileURLToPath(new URL('../build', import.meta.url));
const web = existsSync(`${buildDir}/server/index.js`) ? { buildDir } : undefined;
if (!web) console.warn('Chưa có bản dựng giao diện web (build/): chạy "npm run build". Chỉ phục vụ API.');

const where = config.databaseUrl
  ? config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')
  : `PGlite tại ${config.dataDir}`;
const runtime = await startRuntime(config, {
  web,
  onDbWait: (err) =>
    console.error(`Không kết nối được cơ sở dữ liệu (${where}): ${err.message}. Thử lại sau 2 giây…`),
});

if (process.argv.includes('--seed-if-empty')) {
  const { seedIfEmpty } = await import('./seed/seed.ts');
  await seedIfEmpty(runtime.services, (msg) => runtime.app.log.info(msg));
}

// A long accept queue (the kernel caps it at net.core.somaxconn): with Node's default of 511, a
// crowd of visitors arriving at once overflowed it, and each dropped connection attempt cost its
// visitor 1, 3, 7… s of retransmission or a reset (issue 8: thousands of ListenOverflows in the mix).
// Several listening sockets, so that new connections are accepted as fast as they come (listen.ts).
await listenWithAcceptors(runtime.app, {
  host: config.host,
  port: config.port,
  backlog: 4096,
  sockets: config.acceptSockets,
});
// Diagnostics for benchmarks (DIAG_EVERY_MS): event-loop delay and the pool's queue, on stderr.
if (process.env.DIAG_EVERY_MS) {
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const pool = runtime.database.pool as { totalCount?: number; idleCount?: number; waitingCount?: number };
  setInterval(() => {
    const ms = (ns: number) => (ns / 1e6).toFixed(0);
    console.error(
      `diag pid ${process.pid}: loop delay p50 ${ms(h.percentile(50))} p99 ${ms(h.percentile(99))} max ${ms(h.max)} ms; pool total ${pool.totalCount} idle ${pool.idleCount} waiting ${pool.waitingCount}`,
    );
    h.reset();
  }, Number(process.env.DIAG_EVERY_MS)).unref();
}
console.log(`Cổng Dịch vụ công đang chạy tại ${config.publicUrl} (cơ sở dữ liệu: ${runtime.database.kind})`);

const shutdown = async () => {
  await runtime.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
