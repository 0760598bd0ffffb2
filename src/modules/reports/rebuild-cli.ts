import { ConfigError, loadConfig } from '../../config.ts';
import type { Config } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { ReportsService } from './service.ts';

/**
 * `node src/modules/reports/rebuild-cli.ts`: recomputes the statistics table (dossier_stats_daily)
 * from the dossiers, for a database loaded in bulk with the statistics triggers disabled
 * (docs/reports.md). Prints the number of daily rows and the time taken.
 */
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}

const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: 1,
});
try {
  const started = Date.now();
  const rows = await new ReportsService({ database, config, afterCommit: () => undefined }).rebuild();
  console.log(`Đã dựng lại số liệu thống kê: ${rows} dòng theo ngày, ${Date.now() - started} ms`);
} catch (err) {
  console.error(`Không dựng lại được số liệu thống kê: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
