import { sql } from 'kysely';
import { foldVietnamese } from '../../src/domain/text.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.ts';
import { legalDeadlineOf } from '../../src/modules/processes/store.ts';
import { seedProcedures } from '../../src/seed/procedures.ts';
import type { Services } from '../../src/services.ts';
import { nationalRecords } from '../../test/support/procedures.ts';
import { SO_COUNT } from './dossier-org.ts';
import type { ProcedureMeta } from './dossier-org.ts';
import { variantRecords } from './procedures.ts';

/**
 * The capacity benchmark's procedures: the real national catalog (1,601 records of province and
 * commune level, through the import path a deployment uses) and, to reach `target` published ones,
 * variants made from them (bench/lib/procedures.ts). Each gets its rank, level and deadline for the
 * dossier generator: commune-level procedures are carried out by every commune, the others by one
 * provincial department chosen by field (a field belongs to one sở, as in reality); the most asked
 * ones (civil status, certification, land, household business) rank first.
 */

const POPULAR = [
  /khai sinh/i,
  /chứng thực/i,
  /kết hôn|hôn nhân/i,
  /khai tử|hộ tịch/i,
  /đất|quyền sử dụng/i,
  /hộ kinh doanh|doanh nghiệp/i,
  /xây dựng/i,
  /trợ cấp|bảo trợ|người có công/i,
];
const popularity = (name: string) => {
  const at = POPULAR.findIndex((re) => re.test(name));
  return at === -1 ? POPULAR.length : at;
};

export async function importProcedures(
  services: Services,
  target: number,
  log: (m: string) => void,
): Promise<ProcedureMeta[]> {
  const db = services.database.db;
  const published = async () =>
    (
      await sql<{ n: number }>`select count(*)::int as n from procedures where status = 'published'`.execute(
        db,
      )
    ).rows[0]?.n ?? 0;
  if ((await published()) < target) {
    await seedProcedures(services, log);
    const codes = new Set(
      (await db.selectFrom('procedures').select('code').where('status', '=', 'published').execute()).map(
        (r) => r.code,
      ),
    );
    const templates = nationalRecords().filter((r) => codes.has(r.MATTHC as string)) as (Record<
      string,
      unknown
    > & { MATTHC: string; TENTTHC: string })[];
    let next = 100_001;
    for (let round = 0, have = await published(); have < target; round++, have = await published()) {
      const batch = variantRecords(templates, target - have, { seed: 20261205 + round, firstCode: next });
      next += batch.length;
      await services.procedureSync.importTrusted(SYSTEM_ACTOR, { result: batch }, { publish: true });
    }
  }
  const rows = await db
    .selectFrom('procedures')
    .select(['code', 'name', 'field_code', 'content', 'published'])
    .where('status', '=', 'published')
    .orderBy('code')
    .limit(target)
    .execute();
  const meta = rows.map((r) => {
    const levels = ((r.published ?? r.content) as { levels?: string[] }).levels ?? [];
    const minutes = legalDeadlineOf(r)?.minutes ?? null;
    const days = minutes === null ? 10 : Math.min(60, Math.max(1, Math.round(minutes / 480)));
    const field = foldVietnamese(r.field_code);
    let h = 0;
    for (const ch of field) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    const level: 'commune' | 'so' = levels.includes('commune') ? 'commune' : 'so';
    return { code: r.code, name: r.name, level, so: level === 'so' ? 1 + (h % SO_COUNT) : null, days };
  });
  // Ranks: commune-level first, the most asked of each level first, then by code (stable).
  const ranked = [...meta].sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === 'commune' ? -1 : 1) ||
      popularity(a.name) - popularity(b.name) ||
      a.code.localeCompare(b.code),
  );
  return ranked.map((m, i) => ({ k: i + 1, code: m.code, level: m.level, so: m.so, days: m.days }));
}
