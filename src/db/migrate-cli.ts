import { loadConfig } from '../config.ts';
import { openDatabase } from './client.ts';
import { migrate } from './migrate.ts';

/** `npm run migrate`: applies pending migrations and exits non-zero on failure. */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(database);
  console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cấu trúc cơ sở dữ liệu đã mới nhất.');
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
