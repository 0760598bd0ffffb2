import { ConfigError, loadConfig } from '../../config.ts';
import type { Config } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { describeDossierBreak, verifyDossierChains } from '../dossiers/history.ts';
import { describeBreak, verifyAuditChain } from './verify.ts';

/**
 * `npm run audit:verify`: checks the whole hash chain of the audit log, 5,000 entries at a time, then
 * the hash chain of every dossier's history (src/modules/dossiers/history.ts).
 * Prints "Chuỗi nhật ký toàn vẹn: N bản ghi" and exits 0, or names the first broken link and exits 1.
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
  poolSize: 2,
});
try {
  const result = await verifyAuditChain(database.db, { batchSize: 5_000 });
  if (result.ok) {
    console.log(`Chuỗi nhật ký toàn vẹn: ${result.checked} bản ghi`);
  } else {
    console.error(`Chuỗi nhật ký bị phá vỡ tại ${describeBreak(result.broken)}`);
    console.error(
      `seq=${result.broken.seq} reason=${result.broken.reason} (đã kiểm tra hợp lệ ${result.checked} bản ghi trước đó)`,
    );
    process.exitCode = 1;
  }
  const dossiers = await verifyDossierChains(database.db, { batchSize: 5_000 });
  if (dossiers.ok) {
    console.log(`Lịch sử xử lý hồ sơ toàn vẹn: ${dossiers.dossiers} hồ sơ, ${dossiers.events} bản ghi`);
  } else {
    console.error(`Lịch sử xử lý hồ sơ bị phá vỡ tại ${describeDossierBreak(dossiers.broken)}`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`Không kiểm tra được nhật ký: ${(err as Error).message}`);
  process.exitCode = 2;
} finally {
  await database.close();
}
