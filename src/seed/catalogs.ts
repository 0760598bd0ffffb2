import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Tx } from '../db/tx.ts';
import { appendAudit, SYSTEM_ACTOR } from '../modules/audit/audit.ts';
import type { Services } from '../services.ts';
import { ID_DOCUMENT_TYPES, POSITIONS } from './data/internal-catalogs.ts';

/**
 * Shared catalogs (II.16): administrative units after and before the 2025 reform, ethnic groups,
 * nationalities, identity-document types and positions. Reads only the compact files in ./data/
 * (built by scripts/build-seed-data.ts, each citing its official origin). Idempotent: rows are
 * upserted by (catalog, code) and only rewritten when something changed; `active` is never reset, so
 * an item an administrator retired stays retired.
 */
export interface SeedItem {
  catalog: string;
  code: string;
  name: string;
  parent_code: string | null;
  extra: Record<string, unknown>;
  sort_order: number;
}

type Row = (string | boolean | null | string[])[];

function readData(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8'));
}

/** "Phường Hạc Thành" → "phường"; the build script leaves the type out when the name says it. */
export function communeTypeFromName(name: string): string | undefined {
  return /^(xã|phường|thị trấn|đặc khu) /.exec(name.toLowerCase())?.[1];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function districtType(name: string): string {
  return /^(quận|huyện|thị xã|thành phố)/.exec(name.toLowerCase())?.[1] ?? 'huyện';
}

/** Every seed item, catalog by catalog, in display order. */
export function loadCatalogSeed(): Map<string, SeedItem[]> {
  const out = new Map<string, SeedItem[]>();
  const add = (catalog: string, rows: Omit<SeedItem, 'catalog' | 'sort_order'>[]) =>
    out.set(
      catalog,
      rows.map((r, i) => ({ catalog, ...r, sort_order: i + 1 })),
    );

  const now = readData('dvhc-2025.json') as { provinces: Row[]; communes: Row[] };
  add(
    'province',
    now.provinces.map(([code, name, type, phone]) => ({
      code: str(code),
      name: str(name),
      parent_code: null,
      extra: { type, phoneCode: phone },
    })),
  );
  add(
    'commune',
    now.communes.map(([code, name, province, type]) => ({
      code: str(code),
      name: str(name),
      parent_code: str(province),
      extra: { type: str(type) || communeTypeFromName(str(name)) },
    })),
  );

  const old = readData('dvhc-truoc-2025.json') as { provinces: Row[]; districts: Row[]; communes: Row[] };
  add(
    'legacy_province',
    old.provinces.map(([code, name]) => ({
      code: str(code),
      name: str(name),
      parent_code: null,
      extra: { type: str(name).startsWith('Thành phố') ? 'thành phố trung ương' : 'tỉnh' },
    })),
  );
  add(
    'legacy_district',
    old.districts.map(([code, name, province, newCode]) => ({
      code: str(code),
      name: str(name),
      parent_code: str(province),
      extra: { type: districtType(str(name)), ...(newCode ? { newCode } : {}) },
    })),
  );
  add(
    'legacy_commune',
    old.communes.map(([code, name, district, newCode, type]) => ({
      code: str(code),
      name: str(name),
      parent_code: str(district),
      extra: {
        type: str(type) || communeTypeFromName(str(name)),
        ...(typeof newCode === 'string' ? { newCode } : {}),
        ...(Array.isArray(newCode) ? { newCodes: newCode } : {}),
      },
    })),
  );

  const ethnic = readData('dan-toc.json') as { items: Row[] };
  add(
    'ethnic_group',
    ethnic.items.map(([code, name, other]) => ({
      code: str(code),
      name: str(name),
      parent_code: null,
      extra: Array.isArray(other) && other.length > 0 ? { otherNames: other } : {},
    })),
  );

  const countries = readData('quoc-tich.json') as { items: Row[] };
  add(
    'nationality',
    countries.items.map(([code, name, nameEn, alpha3, numeric, other]) => ({
      code: str(code),
      name: str(name),
      parent_code: null,
      extra: { nameEn, alpha3, numeric, ...(Array.isArray(other) ? { otherNames: other } : {}) },
    })),
  );

  add(
    'id_document_type',
    ID_DOCUMENT_TYPES.map((i) => ({ code: i.code, name: i.name, parent_code: null, extra: i.extra })),
  );
  add(
    'position',
    POSITIONS.map((i) => ({ code: i.code, name: i.name, parent_code: null, extra: i.extra })),
  );
  return out;
}

const BATCH = 2000;

/** Upserts one batch; returns how many rows were inserted or changed. */
async function upsertBatch(trx: Tx, rows: SeedItem[]): Promise<number> {
  const result = await sql<{ code: string }>`
    insert into catalog_items (catalog, code, name, parent_code, extra, sort_order)
    select r.catalog, r.code, r.name, r.parent_code, coalesce(r.extra, '{}'::jsonb), r.sort_order
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(catalog text, code text, name text, parent_code text, extra jsonb, sort_order integer)
    on conflict (catalog, code) do update
      set name = excluded.name, parent_code = excluded.parent_code, extra = excluded.extra,
          sort_order = excluded.sort_order, updated_at = now()
      where (catalog_items.name, catalog_items.parent_code, catalog_items.extra, catalog_items.sort_order)
            is distinct from (excluded.name, excluded.parent_code, excluded.extra, excluded.sort_order)
    returning code`.execute(trx);
  return result.rows.length;
}

export async function seedCatalogs(services: Services, log: (msg: string) => void): Promise<void> {
  const started = Date.now();
  const data = loadCatalogSeed();
  const known = new Set(
    (await services.database.db.selectFrom('catalogs').select('code').execute()).map((c) => c.code),
  );
  await services.database.db.transaction().execute(async (trx) => {
    const changes: Record<string, number> = {};
    for (const [catalog, items] of data) {
      if (!known.has(catalog))
        throw new Error(`Danh mục "${catalog}" chưa được khai báo trong bảng catalogs`);
      let changed = 0;
      for (let i = 0; i < items.length; i += BATCH)
        changed += await upsertBatch(trx, items.slice(i, i + BATCH));
      if (changed > 0) {
        await trx
          .updateTable('catalogs')
          .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
          .where('code', '=', catalog)
          .execute();
        changes[catalog] = changed;
      }
      log(`Danh mục ${catalog}: ${items.length} mục (${changed} mục mới hoặc thay đổi).`);
    }
    if (Object.keys(changes).length > 0) {
      await appendAudit(trx, SYSTEM_ACTOR, {
        action: 'catalog.seed',
        entityType: 'catalog',
        details: { changes },
      });
    }
  });
  log(`Đã nạp danh mục dùng chung trong ${Date.now() - started} ms.`);
}
