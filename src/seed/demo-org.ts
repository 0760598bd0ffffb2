import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { childAgencyCode } from '../domain/agency-code.ts';
import type { Tx } from '../db/tx.ts';
import type { AgencyLevel } from '../db/types.ts';
import type { DemoDepartment } from './demo-accounts.ts';
import { DEMO_COMMUNE_DEPARTMENTS, DEMO_PROVINCE, DEMO_PROVINCIAL_UNITS } from './demo-accounts.ts';

/**
 * The demo agency tree: the province's People's Committee, its departments (level province_department)
 * and every commune of the province from the `commune` catalog, with their departments (phòng ban).
 *
 * Unit codes (QCVN 102, read right to left: H56 = Thanh Hóa, then level 2, level 3, level 4):
 *   - 000.00.00.H56          the Provincial People's Committee (official);
 *   - 000.00.NN.H56          provincial departments, NN = 01…06 (demo numbering);
 *   - 000.MM.GG.H56          communes, DEMO codes: communes sorted by their 5-digit NSO code, the i-th
 *                            (0-based) gets group GG = 50 + ⌊i / 99⌋ and number MM = (i mod 99) + 1,
 *                            i.e. childAgencyCode(childAgencyCode(province, GG), MM). Groups from 50 up
 *                            keep clear of the departments' numbers. The 166 communes of Thanh Hóa get
 *                            000.01.50.H56 … 000.99.50.H56 and 000.01.51.H56 … 000.67.51.H56.
 * Replace them with the codes the province assigns when it does.
 */
export const COMMUNE_GROUP_BASE = 50;

export function demoCommuneAgencyCode(index: number): string {
  const group = childAgencyCode(DEMO_PROVINCE.agencyCode, COMMUNE_GROUP_BASE + Math.floor(index / 99));
  return childAgencyCode(group, (index % 99) + 1);
}

export interface AgencyRef {
  id: string;
  code: string;
  path: string;
  depth: number;
}

interface AgencyInput {
  code: string;
  name: string;
  shortName: string;
  level: AgencyLevel;
  adminUnitCode: string | null;
  address: string | null;
}

/**
 * Upserts agencies by code under `parent` (null: a root). A new agency gets a fresh id and its path; an
 * existing one keeps its id and path (and its place in the tree) and gets the current names.
 */
export async function upsertAgencies(
  trx: Tx,
  parent: AgencyRef | null,
  rows: AgencyInput[],
): Promise<Map<string, AgencyRef>> {
  const out = new Map<string, AgencyRef>();
  if (rows.length === 0) return out;
  const values = rows.map((r) => {
    const id = randomUUID();
    return {
      id,
      parent_id: parent?.id ?? null,
      code: r.code,
      name: r.name,
      short_name: r.shortName,
      level: r.level,
      admin_unit_code: r.adminUnitCode,
      address: r.address,
      phone: null,
      email: null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
    };
  });
  const saved = await trx
    .insertInto('agencies')
    .values(values)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        short_name: eb.ref('excluded.short_name'),
        level: eb.ref('excluded.level'),
        admin_unit_code: eb.ref('excluded.admin_unit_code'),
        address: eb.ref('excluded.address'),
        active: true,
        updated_at: sql<Date>`now()`,
      })),
    )
    .returning(['id', 'code', 'path', 'depth'])
    .execute();
  for (const a of saved) out.set(a.code, a);
  return out;
}

/** Upserts the departments of many agencies at once; returns department ids by agency id and code. */
export async function upsertDepartments(
  trx: Tx,
  byAgency: { agencyId: string; departments: DemoDepartment[] }[],
): Promise<Map<string, string>> {
  const values = byAgency.flatMap(({ agencyId, departments }) =>
    departments.map((d) => ({
      agency_id: agencyId,
      code: d.code,
      name: d.name,
      is_one_stop: d.oneStop ?? false,
    })),
  );
  const out = new Map<string, string>();
  for (let i = 0; i < values.length; i += 1000) {
    const saved = await trx
      .insertInto('departments')
      .values(values.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['agency_id', 'code']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          is_one_stop: eb.ref('excluded.is_one_stop'),
          active: true,
          updated_at: sql<Date>`now()`,
        })),
      )
      .returning(['id', 'agency_id', 'code'])
      .execute();
    for (const d of saved) out.set(`${d.agency_id}:${d.code}`, d.id);
  }
  return out;
}

export interface DemoTree {
  province: AgencyRef;
  /** Agencies by demo key: 'province', a provincial unit key, or a commune's 5-digit code. */
  agencies: Map<string, AgencyRef>;
  /** Department id by `${agencyId}:${departmentCode}`. */
  departments: Map<string, string>;
  communeCount: number;
}

/** Builds (or refreshes) the whole tree from the communes in the catalog. */
export async function upsertDemoTree(trx: Tx, log: (msg: string) => void): Promise<DemoTree> {
  const communes = await trx
    .selectFrom('catalog_items')
    .select(['code', 'name'])
    .where('catalog', '=', 'commune')
    .where('parent_code', '=', DEMO_PROVINCE.provinceCode)
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  if (communes.length === 0)
    throw new Error(
      'Chưa có danh mục xã, phường của tỉnh Thanh Hóa: hãy nạp danh mục dùng chung trước (seedCatalogs).',
    );

  const provinceRows = await upsertAgencies(trx, null, [
    {
      code: DEMO_PROVINCE.agencyCode,
      name: DEMO_PROVINCE.name,
      shortName: DEMO_PROVINCE.shortName,
      level: 'province',
      adminUnitCode: DEMO_PROVINCE.provinceCode,
      address: DEMO_PROVINCE.address,
    },
  ]);
  const province = provinceRows.get(DEMO_PROVINCE.agencyCode);
  if (!province) throw new Error('province agency not saved');
  const agencies = new Map<string, AgencyRef>([['province', province]]);
  log(`Cơ quan: ${DEMO_PROVINCE.name} (${DEMO_PROVINCE.agencyCode}).`);

  const unitCodes = DEMO_PROVINCIAL_UNITS.map((u) => ({
    unit: u,
    code: childAgencyCode(DEMO_PROVINCE.agencyCode, u.segment),
  }));
  const units = await upsertAgencies(
    trx,
    province,
    unitCodes.map(({ unit, code }) => ({
      code,
      name: unit.name,
      shortName: unit.shortName,
      level: 'province_department',
      adminUnitCode: DEMO_PROVINCE.provinceCode,
      address: null,
    })),
  );
  for (const { unit, code } of unitCodes) agencies.set(unit.key, units.get(code) as AgencyRef);
  log(`Sở, ban, ngành cấp tỉnh: ${units.size} cơ quan.`);

  const communeRows = communes.map((c, i) => ({
    code: demoCommuneAgencyCode(i),
    name: c.name,
    shortName: `UBND ${c.name.charAt(0).toLowerCase()}${c.name.slice(1)}`,
    level: 'commune' as const,
    adminUnitCode: c.code,
    address: `${c.name}, tỉnh Thanh Hóa`,
  }));
  const savedCommunes = await upsertAgencies(trx, province, communeRows);
  for (const r of communeRows) agencies.set(r.adminUnitCode, savedCommunes.get(r.code) as AgencyRef);
  log(`Xã, phường: ${savedCommunes.size} đơn vị hành chính cấp xã của tỉnh Thanh Hóa.`);

  const departments = await upsertDepartments(trx, [
    ...DEMO_PROVINCIAL_UNITS.map((u) => ({
      agencyId: (agencies.get(u.key) as AgencyRef).id,
      departments: u.departments,
    })),
    ...communeRows.map((r) => ({
      agencyId: (agencies.get(r.adminUnitCode) as AgencyRef).id,
      departments: DEMO_COMMUNE_DEPARTMENTS,
    })),
  ]);
  log(`Phòng, ban, bộ phận: ${departments.size}.`);
  return { province, agencies, departments, communeCount: communes.length };
}
