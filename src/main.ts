import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import type { Config } from './config.ts';
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

const where = config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@]*@/, '//***@') : `PGlite tại ${config.dataDir}`;
const runtime = await startRuntime(config, {
  web,
  onDbWait: (err) => console.error(`Không kết nối được cơ sở dữ liệu (${where}): ${err.message}. Thử lại sau 2 giây…`),
});

if (process.argv.includes('--seed-if-empty')) {
  const { seedIfEmpty } = await import('./seed/seed.ts');
  await seedIfEmpty(runtime.services, (msg) => runtime.app.log.info(msg));
}

await runtime.app.listen({ host: config.host, port: config.port });
console.log(`Cổng Dịch vụ công đang chạy tại ${config.publicUrl} (cơ sở dữ liệu: ${runtime.database.kind})`);

const shutdown = async () => {
  await runtime.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
