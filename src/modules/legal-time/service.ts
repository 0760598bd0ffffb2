import { sql } from 'kysely';
import type { CalendarDay } from '../../domain/calendar.ts';
import {
  appointment,
  DEFAULT_SCHEDULE,
  dayMinutes,
  formatClock,
  lateness,
  legalCalendar,
  LegalTimeError,
  parseClock,
  scheduleText,
  stepDue,
  workingMinutesBetween,
} from '../../domain/legal-time.ts';
import type {
  AppointmentResult,
  DueResult,
  LegalCalendar,
  LegalDeadline,
  Pause,
  WorkSchedule,
} from '../../domain/legal-time.ts';
import type { Executor } from '../../db/tx.ts';
import { CatalogCache, catalogGeneration } from '../procedures/public-cache.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { assertAgencyPermission } from '../access/authorize.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import { assertTopLevelPermission } from '../catalogs/global-admin.ts';
import type { ModuleDeps } from '../deps.ts';
import type { SaveWorkHours, WorkHoursView } from './schema.ts';

const NATIONAL_ONLY =
  'Chỉ quản trị viên của cơ quan cấp cao nhất (tỉnh, bộ) được sửa giờ làm việc mặc định; cơ quan khác chỉ đặt giờ riêng của mình (agencyId)';
/** Calendar entries are loaded from this many days before the first instant (to name a break begun earlier). */
const LOOK_BACK_DAYS = 62;

interface AgencyRef {
  id: string;
  name: string;
  path: string;
}

interface HoursRow {
  id: string;
  agency_id: string | null;
  periods: { start: string; end: string }[];
  saturday_reception: { start: string; end: string }[];
  cutoff: string;
  note: string;
  updated_at: Date;
}

/** An agency's calendar for the engine, and whose working hours it uses. */
export interface AgencyCalendar {
  calendar: LegalCalendar;
  agency: { id: string; name: string } | null;
  source: { id: string; name: string } | null;
}

/**
 * The legal-time engine over the database: an agency's working hours (its own, else its nearest
 * ancestor's, else the national default) and its working calendar (national days and the overrides of
 * the agency and its ancestors, the deepest winning), then the pure computations of
 * domain/legal-time.ts. Changing working hours needs calendar.manage (top level for the default) and
 * is audited.
 */

export class LegalTimeService {
  readonly deps: ModuleDeps;
  /**
   * Calendars by agency and first day, kept while nothing they are made of changes: agencies,
   * working hours and calendar days all bump the catalog generation (migrations 0008, 0022), read once
   * for all concurrent calls. A submission or receipt no longer reads three tables for it (issue 8).
   * The calendar is read through the caller's executor (its transaction), the generation on the
   * database's side connection, which no transaction holds (a first version read it through the
   * main pool and deadlocked it when 50 receipts arrived at once). PostgreSQL only.
   */
  private readonly calendars: CatalogCache;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
    this.calendars = new CatalogCache(() => catalogGeneration(this.deps.database.side), {
      calendar: 1000,
    });
  }

  private get db() {
    return this.deps.database.db;
  }

  // ───────────── computations ─────────────

  /** The appointment (ngày hẹn trả) of a dossier received at `receivedAt` (default now) by an agency. */
  async appointment(input: {
    agencyId?: string | null | undefined;
    receivedAt?: Date | undefined;
    deadline: LegalDeadline;
    pauses?: readonly Pause[] | undefined;
    extensionMinutes?: number | undefined;
    /** The agency's calendar when the caller already loaded it (calendarFor), for several computations. */
    calendar?: AgencyCalendar | undefined;
    /** The caller's transaction, when inside one (PGlite has a single session). */
    db?: Executor | undefined;
  }): Promise<AppointmentResult & { calendar: AgencyCalendar }> {
    const receivedAt = input.receivedAt ?? new Date();
    const cal =
      input.calendar ??
      (await this.calendarFor(input.agencyId ?? null, earliest(receivedAt, input.pauses), input.db));
    const result = engine(() =>
      appointment(
        {
          receivedAt,
          deadline: input.deadline,
          pauses: input.pauses,
          extensionMinutes: input.extensionMinutes,
        },
        cal.calendar,
      ),
    );
    return { ...result, explanation: [...result.explanation, sourceLine(cal)], calendar: cal };
  }

  /** When a process step started at `startAt` with `budgetMinutes` working minutes is due. */
  async stepDue(input: {
    agencyId?: string | null | undefined;
    startAt: Date;
    budgetMinutes: number;
    pauses?: readonly Pause[] | undefined;
    db?: Executor | undefined;
  }): Promise<DueResult> {
    const cal = await this.calendarFor(
      input.agencyId ?? null,
      earliest(input.startAt, input.pauses),
      input.db,
    );
    const result = engine(() =>
      stepDue(
        { startAt: input.startAt, budgetMinutes: input.budgetMinutes, pauses: input.pauses },
        cal.calendar,
      ),
    );
    return { ...result, explanation: [...result.explanation, sourceLine(cal)] };
  }

  /** Working minutes in [from, to) at an agency, outside the pauses (elapsed time, remaining time). */
  async workingMinutesBetween(input: {
    agencyId?: string | null | undefined;
    from: Date;
    to: Date;
    pauses?: readonly Pause[] | undefined;
  }): Promise<number> {
    const cal = await this.calendarFor(input.agencyId ?? null, earliest(input.from, input.pauses));
    return engine(() => workingMinutesBetween(input.from, input.to, cal.calendar, input.pauses));
  }

  /** How late a due time is at `at`, in working time ("Quá hạn 3 ngày"). */
  async lateness(input: {
    agencyId?: string | null | undefined;
    dueAt: Date;
    at?: Date | undefined;
    pauses?: readonly Pause[] | undefined;
  }): Promise<{ minutes: number; days: number; text: string | null }> {
    const cal = await this.calendarFor(input.agencyId ?? null, earliest(input.dueAt, input.pauses));
    return engine(() => lateness(input.dueAt, input.at ?? new Date(), cal.calendar, input.pauses));
  }

  /**
   * An agency's calendar (national when `agencyId` is null) with the entries from `from` (minus a
   * margin) on. Throws NotFoundError for an unknown agency.
   */
  async calendarFor(
    agencyId: string | null,
    from: Date = new Date(),
    db: Executor = this.db,
  ): Promise<AgencyCalendar> {
    if (this.deps.database.kind !== 'postgres') return this.calendarNow(agencyId, from, db);
    const startDay = new Date(from.getTime() - LOOK_BACK_DAYS * 86_400_000).toISOString().slice(0, 10);
    // The calendar through the caller's executor (its transaction, if any): never a second main-pool
    // connection. Read committed: the load, after the generation was read, sees at least that generation.
    return this.calendars.get('calendar', `${agencyId ?? ''} ${startDay}`, () =>
      this.calendarNow(agencyId, from, db),
    );
  }

  private async calendarNow(agencyId: string | null, from: Date, db: Executor): Promise<AgencyCalendar> {
    const agency = agencyId ? await this.agency(db, agencyId) : null;
    const lineage = agency ? agency.path.split('/').filter(Boolean) : [];
    const start = new Date(Math.max(from.getTime(), Date.UTC(1990, 0, 1)) - LOOK_BACK_DAYS * 86_400_000);
    const [hours, rows] = await Promise.all([
      this.hoursRows(db, lineage),
      db
        .selectFrom('calendar_days')
        .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'kind', 'name', 'agency_id'])
        .where('day', '>=', start.toISOString().slice(0, 10))
        .where((eb) =>
          lineage.length
            ? eb.or([eb('agency_id', 'is', null), eb('agency_id', 'in', lineage)])
            : eb('agency_id', 'is', null),
        )
        .execute(),
    ]);
    const days: CalendarDay[] = rows.map((r) => ({
      day: r.day,
      kind: r.kind,
      name: r.name,
      agencyId: r.agency_id,
      level: r.agency_id ? lineage.indexOf(r.agency_id) + 1 : 0,
    }));
    const effective = pickEffective(hours, lineage);
    const source = effective?.agency_id ? await this.agency(db, effective.agency_id) : null;
    return {
      calendar: legalCalendar(effective ? scheduleOf(effective) : DEFAULT_SCHEDULE, days),
      agency: agency ? { id: agency.id, name: agency.name } : null,
      source: source ? { id: source.id, name: source.name } : null,
    };
  }

  // ───────────── working hours ─────────────

  /** The working hours in force for an agency (or the national default), and where they come from. */
  async workHours(agencyId?: string | null): Promise<WorkHoursView> {
    const agency = agencyId ? await this.agency(this.db, agencyId) : null;
    return this.view(this.db, agency);
  }

  /** Sets the national default (top-level calendar.manage) or an agency's own hours (calendar.manage there). */
  async saveWorkHours(
    auth: AuthContext | undefined,
    actor: Actor,
    input: SaveWorkHours,
  ): Promise<WorkHoursView> {
    const agencyId = input.agencyId ?? null;
    if (!agencyId) assertTopLevelPermission(auth, 'calendar.manage', NATIONAL_ONLY);
    return this.db.transaction().execute(async (trx) => {
      let agency: AgencyRef | null = null;
      if (agencyId) {
        await assertAgencyPermission(trx, auth, 'calendar.manage', agencyId);
        agency = await this.agency(trx, agencyId, true);
      }
      const current = await this.ownRow(trx, agencyId);
      const values = {
        periods: JSON.stringify(input.periods),
        saturday_reception: JSON.stringify(input.saturdayReception),
        cutoff: input.cutoff,
        note: input.note ?? '',
        updated_at: new Date(),
        updated_by: actor.accountId,
      };
      const id = current
        ? (
            await trx
              .updateTable('work_hours')
              .set(values)
              .where('id', '=', current.id)
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : (
            await trx
              .insertInto('work_hours')
              .values({ agency_id: agencyId, ...values })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
      await appendAudit(trx, actor, {
        action: 'work_hours.update',
        entityType: 'work_hours',
        entityId: id,
        agencyId,
        before: current ? summary(current) : undefined,
        after: {
          periods: input.periods,
          saturdayReception: input.saturdayReception,
          cutoff: input.cutoff,
          note: input.note ?? '',
        },
      });
      return this.view(trx, agency);
    });
  }

  /** Removes an agency's own hours: it uses its nearest ancestor's (or the default) again. */
  async removeWorkHours(
    auth: AuthContext | undefined,
    actor: Actor,
    agencyId: string,
  ): Promise<WorkHoursView> {
    return this.db.transaction().execute(async (trx) => {
      await assertAgencyPermission(trx, auth, 'calendar.manage', agencyId);
      const agency = await this.agency(trx, agencyId, true);
      const current = await this.ownRow(trx, agencyId);
      if (!current) throw new NotFoundError('Cơ quan này chưa đặt giờ làm việc riêng');
      await trx.deleteFrom('work_hours').where('id', '=', current.id).execute();
      await appendAudit(trx, actor, {
        action: 'work_hours.delete',
        entityType: 'work_hours',
        entityId: current.id,
        agencyId,
        before: summary(current),
      });
      return this.view(trx, agency);
    });
  }

  private async view(db: Executor, agency: AgencyRef | null): Promise<WorkHoursView> {
    const lineage = agency ? agency.path.split('/').filter(Boolean) : [];
    const rows = await this.hoursRows(db, lineage);
    const effective = pickEffective(rows, lineage);
    const source = effective?.agency_id ? await this.agency(db, effective.agency_id) : null;
    const schedule = effective ? scheduleOf(effective) : DEFAULT_SCHEDULE;
    const fmt = (p: { start: number; end: number }) => ({
      start: formatClock(p.start),
      end: formatClock(p.end),
    });
    return {
      agency: agency ? { id: agency.id, name: agency.name } : null,
      source: source ? { id: source.id, name: source.name } : null,
      own: agency ? effective?.agency_id === agency.id : effective !== undefined,
      periods: schedule.periods.map(fmt),
      saturdayReception: schedule.saturdayReception.map(fmt),
      cutoff: formatClock(schedule.cutoff),
      dayMinutes: dayMinutes(schedule),
      note: effective?.note ?? '',
      updatedAt: effective ? effective.updated_at.toISOString() : null,
    };
  }

  private async hoursRows(db: Executor, lineage: readonly string[]): Promise<HoursRow[]> {
    return selectHours(db)
      .where((eb) =>
        lineage.length
          ? eb.or([eb('agency_id', 'is', null), eb('agency_id', 'in', lineage)])
          : eb('agency_id', 'is', null),
      )
      .execute();
  }

  private async ownRow(db: Executor, agencyId: string | null): Promise<HoursRow | undefined> {
    return selectHours(db)
      .where((eb) => (agencyId ? eb('agency_id', '=', agencyId) : eb('agency_id', 'is', null)))
      .forUpdate()
      .executeTakeFirst();
  }

  private async agency(db: Executor, id: string, lock = false): Promise<AgencyRef> {
    let q = db.selectFrom('agencies').select(['id', 'name', 'path']).where('id', '=', id);
    // Lock the agency so it cannot be moved while its hours change.
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new NotFoundError('Không tìm thấy cơ quan, đơn vị');
    return row;
  }
}

/** The deepest row of the lineage, else the national default; undefined when there is none. */
function pickEffective(rows: readonly HoursRow[], lineage: readonly string[]): HoursRow | undefined {
  let best: HoursRow | undefined;
  let bestLevel = -1;
  for (const r of rows) {
    const level = r.agency_id ? lineage.indexOf(r.agency_id) + 1 : 0;
    if (level > bestLevel) [best, bestLevel] = [r, level];
  }
  return best;
}

function scheduleOf(row: HoursRow): WorkSchedule {
  const minutes = (p: { start: string; end: string }) => ({
    start: parseClock(p.start) ?? 0,
    end: parseClock(p.end) ?? 0,
  });
  return {
    periods: row.periods.map(minutes),
    saturdayReception: row.saturday_reception.map(minutes),
    cutoff: parseClock(row.cutoff) ?? DEFAULT_SCHEDULE.cutoff,
  };
}

function summary(row: HoursRow) {
  return {
    periods: row.periods,
    saturdayReception: row.saturday_reception,
    cutoff: row.cutoff,
    note: row.note,
  };
}

/** The earliest instant a computation reads the calendar from. */
function earliest(at: Date, pauses: readonly Pause[] | undefined): Date {
  const times = [at, ...(pauses ?? []).map((p) => p.from)].map((d) => d.getTime()).filter(Number.isFinite);
  return new Date(times.length ? Math.min(...times) : Date.now());
}

/** The last line of an explanation: which working hours were used. */
function sourceLine(cal: AgencyCalendar): string {
  const whose = cal.source ? `giờ của ${cal.source.name}` : 'mặc định chung';
  return `${scheduleText(cal.calendar.schedule)} (${whose})`;
}

/** Runs a domain computation; its refusals become validation errors naming the field. */
function engine<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof LegalTimeError)
      throw new ValidationError([{ field: err.field, message: err.message }]);
    throw err;
  }
}

/** A work_hours row as the service reads it (the cut-off as HH:MM). */
function selectHours(db: Executor) {
  return db
    .selectFrom('work_hours')
    .select([
      'id',
      'agency_id',
      'periods',
      'saturday_reception',
      sql<string>`to_char(cutoff, 'HH24:MI')`.as('cutoff'),
      'note',
      'updated_at',
    ]);
}
