import { sql } from 'kysely';
import { childAgencyCode } from '../domain/agency-code.ts';
import type { ProcessDefinition } from '../domain/process.ts';
import { DEFAULT_MINUTES_PER_WORKING_DAY } from '../domain/process-budget.ts';
import { validateProcess } from '../domain/process-validation.ts';
import { foldVietnamese } from '../domain/text.ts';
import type { Tx } from '../db/tx.ts';
import { appendAudit, SYSTEM_ACTOR } from '../modules/audit/audit.ts';
import { legalDeadlineOf } from '../modules/processes/store.ts';
import { counterProcess, departmentProcess } from '../modules/processes/templates.ts';
import type { Services } from '../services.ts';
import { DEMO_COMMUNES, DEMO_PROVINCE, DEMO_PROVINCIAL_UNITS } from './demo-accounts.ts';

/**
 * A published default process for every published demo procedure (II.3.1–3.4), built in memory and
 * inserted in batches:
 *   - handled at the one-stop agency by one officer (receive → handle → return), when the legal
 *     deadline is short;
 *   - through a specialised department, a coordinating provincial agency chosen by the procedure's
 *     field, the department head and the agency leader, when the deadline is 5 working days or more,
 *     or 2 or more in fields that usually need another agency's opinion (land, construction…).
 * Budgets are shares of the strictest legal deadline; each definition is checked by validateProcess
 * before it is stored. Plus one agency variant: birth registration at Phường Hạc Thành, with its own
 * departments as actors. Idempotent: procedures that already have a default process are left alone.
 */
export async function seedProcesses(services: Services, log: (msg: string) => void): Promise<void> {
  const started = Date.now();
  await services.database.db.transaction().execute(async (trx) => {
    const units = await provincialUnits(trx);
    const procedures = await trx
      .selectFrom('procedures as p')
      .leftJoin('procedure_fields as f', 'f.code', 'p.pub_field_code')
      .select(['p.id', 'p.code', 'p.pub_name', 'f.name as field_name'])
      .select(sql`p.published -> 'channels'`.as('channels'))
      .select(
        sql<
          string | null
        >`(select pa.agency_id from procedure_agencies pa where pa.procedure_id = p.id order by pa.agency_id limit 1)`.as(
          'agency_id',
        ),
      )
      .where('p.status', '=', 'published')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('process_definitions as d')
              .select('d.id')
              .whereRef('d.procedure_id', '=', 'p.id')
              .where('d.agency_id', 'is', null),
          ),
        ),
      )
      .orderBy('p.code')
      .execute();
    const now = new Date();
    let departmentCount = 0;
    const rows = procedures.map((p) => {
      const legal = legalDeadlineOf({ content: { channels: p.channels }, published: null });
      const field = foldVietnamese(p.field_name ?? '');
      const minutes = legal?.minutes ?? null;
      const days = (minutes ?? 0) / DEFAULT_MINUTES_PER_WORKING_DAY;
      const coordinated = MULTI_FIELDS.test(field) ? days >= 2 || minutes === null : days >= 5;
      const name = `Quy trình giải quyết: ${p.pub_name ?? p.code}`.slice(0, 300);
      const coordinateWith = coordinated ? coordinator(units, field, p.agency_id) : null;
      const definition = coordinateWith
        ? departmentProcess({ name, deadlineMinutes: minutes, coordinateWith })
        : counterProcess({ name, deadlineMinutes: minutes });
      if (coordinateWith) departmentCount++;
      assertValid(p.code, definition, legal);
      return published(p.id, null, definition, now);
    });
    const variant = await hacThanhVariant(trx, now);
    if (variant) rows.push(variant);
    for (let i = 0; i < rows.length; i += 250)
      await trx
        .insertInto('process_definitions')
        .values(rows.slice(i, i + 250))
        .execute();
    if (rows.length > 0)
      await appendAudit(trx, SYSTEM_ACTOR, {
        action: 'process.seed',
        entityType: 'process_definition',
        details: { published: rows.length, departmentProcesses: departmentCount, variants: variant ? 1 : 0 },
      });
    log(
      `Quy trình xử lý: ${procedures.length} quy trình chung mới được công bố (${departmentCount} liên phòng, hai cấp phê duyệt; ${procedures.length - departmentCount} tại bộ phận một cửa)` +
        `${variant ? ', 1 quy trình riêng của Phường Hạc Thành' : ''} trong ${Date.now() - started} ms.`,
    );
  });
}

/** Fields whose dossiers usually need another agency's opinion (folded, without diacritics). */
const MULTI_FIELDS =
  /dat dai|xay dung|nha o|quy hoach|kien truc|ha tang|bat dong san|dau tu|moi truong|tai nguyen|khoang san|thuy loi|lam nghiep|bien va hai dao/;

/** Which provincial agency is consulted, by field; never the agency that carries the procedure out. */
const COORDINATORS: [RegExp, string][] = [
  [
    /dat dai|moi truong|tai nguyen|khoang san|thuy loi|lam nghiep|nong nghiep|thuy san|bien va hai dao|khi tuong/,
    'sonnmt',
  ],
  [/xay dung|nha o|quy hoach|kien truc|ha tang|giao thong|duong bo|bat dong san/, 'soxaydung'],
  [/dau tu|doanh nghiep|tai chinh|ngan sach|gia|hop tac xa|thue|tai san|cong san/, 'sotaichinh'],
  [
    /tu phap|ho tich|cong chung|chung thuc|luat su|ly lich|dau gia|trong tai|hoa giai|con nuoi|quoc tich/,
    'sotuphap',
  ],
  [/cu tru|an ninh|phong chay|trat tu|vu khi|xuat nhap canh|can cuoc/, 'congan'],
];

function coordinator(
  units: Map<string, string>,
  field: string,
  implementing: string | null,
): { kind: 'agency'; id: string } | null {
  const preferred = COORDINATORS.find(([re]) => re.test(field))?.[1] ?? 'vpubnd';
  for (const key of [preferred, 'vpubnd', 'sotaichinh']) {
    const id = units.get(key);
    if (id && id !== implementing) return { kind: 'agency', id };
  }
  return null;
}

async function provincialUnits(trx: Tx): Promise<Map<string, string>> {
  const codes = new Map(
    DEMO_PROVINCIAL_UNITS.map((u) => [childAgencyCode(DEMO_PROVINCE.agencyCode, u.segment), u.key]),
  );
  const rows = await trx
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', 'in', [...codes.keys()])
    .execute();
  return new Map(rows.map((r) => [codes.get(r.code) ?? r.code, r.id]));
}

function assertValid(code: string, def: ProcessDefinition, legal: ReturnType<typeof legalDeadlineOf>): void {
  const problems = validateProcess(def, { legalDeadline: legal });
  if (problems.length > 0)
    throw new Error(
      `Quy trình mẫu của thủ tục ${code} không hợp lệ: ${problems.map((p) => p.message).join('; ')}`,
    );
}

function published(procedureId: string, agencyId: string | null, def: ProcessDefinition, now: Date) {
  return {
    procedure_id: procedureId,
    agency_id: agencyId,
    version: 1,
    status: 'published' as const,
    definition: JSON.stringify(def),
    published_at: now,
    created_at: now,
    updated_at: now,
  };
}

/** Birth registration at Phường Hạc Thành, acted by its own one-stop desk and office (a variant). */
async function hacThanhVariant(trx: Tx, now: Date): Promise<ReturnType<typeof published> | null> {
  const target = await trx
    .selectFrom('procedures as p')
    .innerJoin('procedure_agencies as pa', 'pa.procedure_id', 'p.id')
    .innerJoin('agencies as a', 'a.id', 'pa.agency_id')
    .select(['p.id', 'p.pub_name', 'a.id as agency_id', 'a.name as agency_name'])
    .select(sql`p.published -> 'channels'`.as('channels'))
    .where('p.code', '=', '1.001193')
    .where('p.status', '=', 'published')
    .where('a.admin_unit_code', '=', DEMO_COMMUNES.hacthanh.code)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('process_definitions as d')
            .select('d.id')
            .whereRef('d.procedure_id', '=', 'p.id')
            .whereRef('d.agency_id', '=', 'a.id'),
        ),
      ),
    )
    .executeTakeFirst();
  if (!target) return null;
  const departments = await trx
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('agency_id', '=', target.agency_id)
    .where('code', 'in', ['MOT_CUA', 'VP'])
    .execute();
  const counter = departments.find((d) => d.code === 'MOT_CUA')?.id;
  const office = departments.find((d) => d.code === 'VP')?.id;
  if (!counter || !office) return null;
  const legal = legalDeadlineOf({ content: { channels: target.channels }, published: null });
  const definition = counterProcess({
    name: `Quy trình giải quyết của ${target.agency_name}: ${target.pub_name ?? ''}`.slice(0, 300),
    deadlineMinutes: legal?.minutes ?? null,
    actors: {
      counter: { kind: 'department', departmentId: counter },
      handler: { kind: 'department', departmentId: office },
    },
  });
  assertValid('1.001193', definition, legal);
  return published(target.id, target.agency_id, definition, now);
}
