import { loadConfig } from '../config.ts';
import { startRuntime } from '../runtime.ts';
import { seed } from './seed.ts';

/** `npm run seed`: loads (or refreshes) the demonstration data; safe to run again. */
const runtime = await startRuntime({ ...loadConfig(), workers: false }, { logger: false });
try {
  await seed(runtime.services, (m) => console.log(m));
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await runtime.close();
}
