import { sql } from 'kysely';
import { allows, scopesFor } from '../../../domain/permissions.ts';
import type { Permission } from '../../../domain/permissions.ts';
import { STATUS_INFO } from '../../../domain/dossier-status.ts';
import type { DossierStatus } from '../../../domain/dossier-status.ts';
import { parseVnDate } from '../../../domain/datetime.ts';
import type { Executor } from '../../../db/tx.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../errors.ts';
import type { AuthContext } from '../../accounts/sessions.ts';
import { pathInScopes } from '../../access/authorize.ts';
import type { RegisterRow } from './mau-06.ts';

/** Whoever may read an agency's dossiers may print its register (the dossier detail's own rule). */
const READ_PERMISSIONS: readonly Permission[] = [
  'dossiers.read',
  'dossiers.receive',
  'dossiers.process',
  'dossiers.assign',
  'dossiers.approve',
];
/** A register is printed for a month or a year, not for ever: one year at most keeps it bounded. */
export const MAX_REGISTER_DAYS = 366;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RegisterQuery {
  /** DD/MM/YYYY or YYYY-MM-DD. */
  from: string;
  to: string;
  /** The agency; defaults to the official's own. */
  agencyId?: string | null | undefined;
}

const toDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s.trim())
    ? parseVnDate(s.trim().split('-').reverse().join('/'))
    : parseVnDate(s);

/** The period as days (YYYY-MM-DD); 400 naming the field that is wrong. */
export function registerPeriod(q: RegisterQuery): { from: string; to: string } {
  const from = toDay(q.from);
  const to = toDay(q.to);
  const problems = [
    ...(from ? [] : [{ field: 'tu', message: 'Từ ngày (tu) phải là một ngày có thật, dạng DD/MM/YYYY' }]),
    ...(to ? [] : [{ field: 'den', message: 'Đến ngày (den) phải là một ngày có thật, dạng DD/MM/YYYY' }]),
  ];
  if (from && to && from > to)
    problems.push({ field: 'den', message: 'Đến ngày (den) không được trước Từ ngày (tu)' });
  if (from && to && Date.parse(to) - Date.parse(from) >= MAX_REGISTER_DAYS * 86_400_000)
    problems.push({ field: 'den', message: `Khoảng thời gian (tu, den) tối đa ${MAX_REGISTER_DAYS} ngày` });
  if (problems.length || !from || !to) throw new ValidationError(problems);
  return { from, to };
}

/** The agencies whose register the official may print, in name order. */
export async function registerAgencies(db: Executor, auth: AuthContext) {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const p of READ_PERMISSIONS) {
    const s = scopesFor(auth.grants, p);
    exact.push(...s.exact);
    prefixes.push(...s.prefixes);
  }
  if (!exact.length && !prefixes.length) return [];
  return db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('active', '=', true)
    .where(pathInScopes('path', { exact, prefixes }))
    .orderBy('depth')
    .orderBy('name')
    .limit(1000)
    .execute();
}

/** The agency of the register: the one asked for (or the official's own), if in the official's partition. */
export async function registerAgency(db: Executor, auth: AuthContext, agencyId: string | null | undefined) {
  const own = agencyId
    ? null
    : await db
        .selectFrom('officials')
        .select('agency_id')
        .where('account_id', '=', auth.account.id)
        .executeTakeFirst();
  const id = agencyId ?? own?.agency_id;
  const agency =
    id && UUID.test(id)
      ? await db.selectFrom('agencies').select(['id', 'path']).where('id', '=', id).executeTakeFirst()
      : undefined;
  if (!agency) throw new NotFoundError('Không tìm thấy cơ quan (coQuan) của sổ theo dõi hồ sơ');
  if (!READ_PERMISSIONS.some((p) => allows(auth.grants, p, agency.path)))
    throw new ForbiddenError('Cơ quan (coQuan) không thuộc phạm vi dữ liệu của bạn');
  return agency.id;
}

/** The dossiers the agency received in the period (Vietnam days, both included), in the order received. */
export async function registerRows(
  db: Executor,
  agencyId: string,
  period: { from: string; to: string },
): Promise<RegisterRow[]> {
  const start = new Date(`${period.from}T00:00:00+07:00`);
  const end = new Date(Date.parse(`${period.to}T00:00:00+07:00`) + 86_400_000);
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as h', 'h.id', 'd.holder_agency_id')
    .leftJoin('departments as dep', 'dep.id', 'd.holder_department_id')
    .select([
      'd.code',
      'd.procedure_name',
      'd.applicant_name',
      'd.applicant_org',
      'd.applicant_address',
      'd.applicant_phone',
      'd.received_at',
      'd.appointment_at',
      'd.completed_at',
      'd.returned_at',
      'd.status',
      'h.name as holder_agency',
      'dep.name as department',
      sql<Date | null>`(select min(e.at) from dossier_events e
        where e.dossier_id = d.id and e.action = 'forward')`.as('forwarded_at'),
    ])
    .where('d.agency_id', '=', agencyId)
    .where('d.received_at', '>=', start)
    .where('d.received_at', '<', end)
    .orderBy('d.received_at')
    .orderBy('d.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    procedureName: r.procedure_name,
    applicant: r.applicant_org ?? r.applicant_name,
    address: r.applicant_address,
    phone: r.applicant_phone,
    settledBy: r.department ? `${r.department} - ${r.holder_agency}` : r.holder_agency,
    receivedAt: r.received_at ?? start,
    appointmentAt: r.appointment_at,
    forwardedAt: r.forwarded_at ? new Date(r.forwarded_at) : null,
    completedAt: r.completed_at,
    returnedAt: r.returned_at,
    note: STATUS_INFO[r.status as DossierStatus]?.label ?? r.status,
  }));
}
