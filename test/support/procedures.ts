import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.ts';
import type { ImportReport } from '../../src/modules/procedures/schema.ts';
import type { Services } from '../../src/services.ts';

/** The demo's national records (LayThuTuc shape), as the seed reads them. */
export function nationalRecords(): Record<string, unknown>[] {
  const file = JSON.parse(
    gunzipSync(readFileSync(new URL('../../src/seed/data/thu-tuc-dvcqg.json.gz', import.meta.url))).toString(
      'utf8',
    ),
  ) as { result: Record<string, unknown>[] };
  return file.result;
}

/**
 * Imports national records through the real import path (published where complete). `codes` picks
 * records by national code; `limit` takes the first N. The whole file takes ~10 s on PGlite: prefer
 * a subset unless the test is about the whole catalog.
 */
export async function importNational(
  services: Services,
  opts: { codes?: string[]; limit?: number; publish?: boolean } = {},
): Promise<ImportReport> {
  let records = nationalRecords();
  if (opts.codes) {
    const wanted = new Set(opts.codes);
    records = records.filter((r) => wanted.has(r.MATTHC as string));
  }
  if (opts.limit !== undefined) records = records.slice(0, opts.limit);
  return services.procedureSync.importTrusted(
    SYSTEM_ACTOR,
    { result: records },
    { publish: opts.publish ?? true },
  );
}
