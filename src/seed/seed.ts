import type { Services } from '../services.ts';
import { seedCatalogs } from './catalogs.ts';
import { seedCalendar } from './calendar.ts';
import { seedDemo } from './demo.ts';
import { seedDossiers } from './dossiers.ts';
import { seedProcedures } from './procedures.ts';
import { seedProcesses } from './processes.ts';

/**
 * Demonstration data, idempotent: shared catalogs, the working calendar, then one real province
 * (Thanh Hóa) with its departments, communes, officials of every role, citizens and organisations;
 * then the real national procedures, guides and FAQs, a published process for each procedure, and
 * dossiers at Sở Tư pháp in every place of their process.
 */
export async function seed(services: Services, log: (msg: string) => void): Promise<void> {
  await seedCatalogs(services, log);
  await seedCalendar(services, log);
  await seedDemo(services, log);
  await seedProcedures(services, log);
  await seedProcesses(services, log);
  await seedDossiers(services, log);
}

/** Seeds only when the database has no agency yet (the start command's behaviour). */
export async function seedIfEmpty(services: Services, log: (msg: string) => void): Promise<void> {
  const any = await services.database.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (any) {
    log('Dữ liệu đã có sẵn: bỏ qua bước nạp dữ liệu mẫu.');
    return;
  }
  await seed(services, log);
}
