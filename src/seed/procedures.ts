import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { SYSTEM_ACTOR } from '../modules/audit/audit.ts';
import type { Services } from '../services.ts';
import { DEMO_GUIDES } from './data/guides.ts';

const FILE = new URL('./data/thu-tuc-dvcqg.json.gz', import.meta.url);

/**
 * The real procedures of the national database at province and commune level (1,601, built by
 * scripts/build-procedure-seed.ts), loaded through the national synchronisation's import path and
 * published; records whose source lacks an attribute II.1.2 requires stay drafts for an editor.
 * Then the life events, guides and FAQs of the demo portal. Idempotent.
 */
export async function seedProcedures(services: Services, log: (msg: string) => void): Promise<void> {
  const file = JSON.parse(gunzipSync(readFileSync(FILE)).toString('utf8')) as unknown;
  const report = await services.procedureSync.importTrusted(SYSTEM_ACTOR, file, { publish: true });
  log(
    `Thủ tục hành chính: ${report.total} (mới ${report.created}, cập nhật ${report.updated}, công bố ${report.published}, ` +
      `để nháp chờ bổ sung ${report.leftAsDraft.length}, cần biên tập viên xem lại ${report.flagged}).`,
  );
  const db = services.database.db;
  const existing = new Set((await db.selectFrom('guides').select('slug').execute()).map((g) => g.slug));
  const known = new Set((await db.selectFrom('procedures').select('code').execute()).map((p) => p.code));
  const fresh = DEMO_GUIDES.filter((g) => !existing.has(g.slug)).map((g) => ({
    slug: g.slug,
    kind: g.kind,
    title: g.title,
    summary: g.summary,
    body: g.body,
    procedure_codes: g.procedureCodes.filter((c) => known.has(c)),
    sort_order: g.sortOrder,
    published: true,
  }));
  if (fresh.length > 0) await db.insertInto('guides').values(fresh).execute();
  log(`Hướng dẫn, câu hỏi thường gặp, sự kiện: ${DEMO_GUIDES.length}.`);
}
