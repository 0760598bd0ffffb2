import { sql } from 'kysely';
import { countWorkingDays, indexCalendar, isWeekend } from '../../domain/calendar.ts';
import type { CalendarDay } from '../../domain/calendar.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { assertAgencyPermission, requireScopes } from '../access/authorize.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import { assertTopLevelPermission } from '../catalogs/global-admin.ts';
import type { ModuleDeps } from '../deps.ts';
import type { Executor } from '../../db/tx.ts';
import type { CalendarDayView, CalendarYear, CreateCalendarDay } from './schema.ts';

const NATIONAL_ONLY =
  'Chỉ quản trị viên của cơ quan cấp cao nhất (tỉnh, bộ) được sửa lịch làm việc chung; cơ quan khác chỉ thêm ngày riêng của mình (agencyId)';

/**
 * Working calendar (holidays, days off, make-up working days) for the legal-time engine: national
 * entries (agency_id null) and per-agency overrides, which also apply to the agency's subtree (the
 * deepest agency's entry wins on a given date).
 */
export class CalendarService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  /** The entries of a year that apply to an agency (or the national ones), with a summary. */
  async year(year: number, agencyId?: string): Promise<CalendarYear> {
    let agency: { id: string; name: string; path: string } | undefined;
    if (agencyId) {
      agency = await this.db
        .selectFrom('agencies')
        .select(['id', 'name', 'path'])
        .where('id', '=', agencyId)
        .executeTakeFirst();
      if (!agency) throw new NotFoundError('Không tìm thấy cơ quan, đơn vị');
    }
    // Ancestors first: the position in the path is the precedence of that agency's entries.
    const lineage = agency ? agency.path.split('/').filter(Boolean) : [];
    let q = this.dayQuery(this.db)
      .where('c.day', '>=', `${year}-01-01`)
      .where('c.day', '<=', `${year}-12-31`);
    q = q.where((eb) =>
      lineage.length > 0
        ? eb.or([eb('c.agency_id', 'is', null), eb('c.agency_id', 'in', lineage)])
        : eb('c.agency_id', 'is', null),
    );
    const rows = await q
      .orderBy('c.day')
      .orderBy(sql`c.agency_id nulls first`)
      .execute();
    const days = rows.map(dayView);
    const entries: CalendarDay[] = days.map((d) => ({
      day: d.day,
      kind: d.kind,
      agencyId: d.agencyId,
      level: d.agencyId ? lineage.indexOf(d.agencyId) + 1 : 0,
    }));
    const index = indexCalendar(entries);
    const effective = [...index.values()];
    return {
      year,
      agency: agency ? { id: agency.id, name: agency.name } : null,
      days,
      summary: {
        workingDays: countWorkingDays(`${year}-01-01`, `${year}-12-31`, index),
        holidays: effective.filter((d) => d.kind === 'holiday').length,
        daysOff: effective.filter((d) => d.kind === 'day_off').length,
        makeupWorkdays: effective.filter((d) => d.kind === 'makeup_workday').length,
        provisional: days.some((d) => d.provisional),
      },
    };
  }

  /** Adds a national day (top-level administrators) or an agency's own day (calendar.manage there). */
  async create(
    auth: AuthContext | undefined,
    actor: Actor,
    input: CreateCalendarDay,
  ): Promise<CalendarDayView> {
    const agencyId = input.agencyId ?? null;
    if (!agencyId) assertTopLevelPermission(auth, 'calendar.manage', NATIONAL_ONLY);
    checkKindFitsDay(input.day, input.kind);
    return this.db.transaction().execute(async (trx) => {
      if (agencyId) {
        await assertAgencyPermission(trx, auth, 'calendar.manage', agencyId);
        // Lock the agency so it cannot be moved or retired while its calendar changes.
        await trx
          .selectFrom('agencies')
          .select('id')
          .where('id', '=', agencyId)
          .forUpdate()
          .executeTakeFirstOrThrow();
      }
      const clash = await trx
        .selectFrom('calendar_days')
        .select(['kind', 'name'])
        .where('day', '=', input.day)
        .where((eb) => (agencyId ? eb('agency_id', '=', agencyId) : eb('agency_id', 'is', null)))
        .forUpdate()
        .executeTakeFirst();
      if (clash) throw conflict(input.day, clash.name);
      const inserted = await trx
        .insertInto('calendar_days')
        .values({
          day: input.day,
          agency_id: agencyId,
          kind: input.kind,
          name: input.name,
          note: input.note ?? '',
          provisional: input.provisional ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch((err: unknown) => {
          if ((err as { code?: string }).code === '23505') throw conflict(input.day, input.name);
          throw err;
        });
      const view = await this.dayQuery(trx).where('c.id', '=', inserted.id).executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'calendar_day.create',
        entityType: 'calendar_day',
        entityId: inserted.id,
        agencyId,
        after: { day: input.day, kind: input.kind, name: input.name, note: input.note ?? '' },
      });
      return dayView(view);
    });
  }

  async remove(auth: AuthContext | undefined, actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('calendar_days')
        .select(['id', 'agency_id', sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'kind', 'name'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!row) {
        // Someone who may not change calendars at all learns nothing about which ids exist.
        requireScopes(auth, 'calendar.manage');
        throw new NotFoundError('Không tìm thấy ngày này trong lịch làm việc');
      }
      if (row.agency_id) await assertAgencyPermission(trx, auth, 'calendar.manage', row.agency_id);
      else assertTopLevelPermission(auth, 'calendar.manage', NATIONAL_ONLY);
      await trx.deleteFrom('calendar_days').where('id', '=', id).execute();
      await appendAudit(trx, actor, {
        action: 'calendar_day.delete',
        entityType: 'calendar_day',
        entityId: id,
        agencyId: row.agency_id,
        before: { day: row.day, kind: row.kind, name: row.name },
      });
    });
  }

  private dayQuery(db: Executor) {
    return db
      .selectFrom('calendar_days as c')
      .leftJoin('agencies as a', 'a.id', 'c.agency_id')
      .select([
        'c.id',
        sql<string>`to_char(c.day, 'YYYY-MM-DD')`.as('day'),
        'c.kind',
        'c.name',
        'c.note',
        'c.provisional',
        'c.agency_id',
        'a.name as agency_name',
      ]);
  }
}

/** A make-up day is a weekend day worked; a day off is a weekday not worked; a holiday may fall on any day. */
function checkKindFitsDay(day: string, kind: CreateCalendarDay['kind']): void {
  if (kind === 'makeup_workday' && !isWeekend(day)) {
    throw new ValidationError([
      { field: 'body.day', message: 'Ngày làm bù (makeup_workday) phải là thứ Bảy hoặc Chủ nhật' },
    ]);
  }
  if (kind === 'day_off' && isWeekend(day)) {
    throw new ValidationError([
      { field: 'body.day', message: 'Ngày nghỉ bù, hoán đổi (day_off) phải là ngày từ thứ Hai đến thứ Sáu' },
    ]);
  }
}

function conflict(day: string, name: string): ConflictError {
  const [y, m, d] = day.split('-');
  return new ConflictError(
    `Ngày ${d}/${m}/${y} đã có trong lịch (${name}); xóa ngày đó trước khi thêm lại`,
    'calendar_day_exists',
  );
}

function dayView(r: {
  id: string;
  day: string;
  kind: CalendarDayView['kind'];
  name: string;
  note: string;
  provisional: boolean;
  agency_id: string | null;
  agency_name: string | null;
}): CalendarDayView {
  return {
    id: r.id,
    day: r.day,
    kind: r.kind,
    name: r.name,
    note: r.note,
    provisional: r.provisional,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
  };
}
