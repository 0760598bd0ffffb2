import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { addDays, toIsoDay } from '../../domain/calendar.ts';
import { ValidationError } from '../../errors.ts';
import type { Executor } from '../../db/tx.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { assertAgencyPermission, pathInScopes, requireScopes } from '../access/authorize.ts';
import type { ModuleDeps } from '../deps.ts';
import { ProcessingQuery } from './schema.ts';
import type { ProcessingReport, ProcessingRow, PublicStats, PublicStatsRow, ReportGroup } from './schema.ts';

/** How the report names channels (Annex I wording of the national portal's KenhThucHien). */
export const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
  interagency: 'Liên thông',
};
const CHANNEL_ORDER = Object.keys(CHANNEL_LABELS);

/** Sums of the daily table for one group key (see migration 0021 for what each count means). */
interface Sums {
  key: string;
  /** Before the period: received, ended. */
  r0: number;
  e0: number;
  /** In the period. */
  r: number;
  ro: number;
  fe: number;
  fo: number;
  fl: number;
  c: number;
  /** Up to the end of the period: due, due and closed. */
  d: number;
  dc: number;
}
const ZERO: Omit<Sums, 'key'> = { r0: 0, e0: 0, r: 0, ro: 0, fe: 0, fo: 0, fl: 0, c: 0, d: 0, dc: 0 };

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

/** A report line from the sums of its group. */
function lineOf(key: string, label: string, s: Omit<Sums, 'key'>): ProcessingRow {
  const carriedOver = s.r0 - s.e0;
  const total = carriedOver + s.r;
  const resolved = s.fe + s.fo + s.fl;
  const pending = total - resolved - s.c;
  // Overdue and pending at the end: appointment day before the end, and not ended before the end
  // (due − due_closed, migration 0021).
  const pendingOverdue = s.d - s.dc;
  return {
    key,
    label,
    carriedOver,
    received: s.r,
    receivedOnline: s.ro,
    total,
    resolved,
    resolvedEarly: s.fe,
    resolvedOnTime: s.fo,
    resolvedLate: s.fl,
    cancelled: s.c,
    pendingOnTime: pending - pendingOverdue,
    pendingOverdue,
    onTimeRate: rate(s.fe + s.fo, resolved),
  };
}

const add = (a: Omit<Sums, 'key'>, b: Omit<Sums, 'key'>): Omit<Sums, 'key'> => ({
  r0: a.r0 + b.r0,
  e0: a.e0 + b.e0,
  r: a.r + b.r,
  ro: a.ro + b.ro,
  fe: a.fe + b.fe,
  fo: a.fo + b.fo,
  fl: a.fl + b.fl,
  c: a.c + b.c,
  d: a.d + b.d,
  dc: a.dc + b.dc,
});

/** Months (YYYY-MM) from the month of `from` to the month of `to`. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (key > end) return out;
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}
const monthLabel = (key: string) => `${key.slice(5, 7)}/${key.slice(0, 4)}`;
const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/** Parses the query; a failure is a ValidationError naming each field as the HTTP layer does. */
function checked(input: ProcessingQuery) {
  const parsed = ProcessingQuery.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((i) => ({ field: `querystring.${i.path.join('.')}`, message: i.message })),
    parsed.error.issues.map((i) => i.message).join('; '),
  );
}

/**
 * Statistics of dossier handling (II.13.1, III.8.1) from the pre-aggregated daily table: a report sums
 * its rows, never the dossiers. Changes reach the table through deltas the dossier triggers append;
 * a job folds them every minute and a report folds them first, so reports are exact.
 */
export class ReportsService {
  private readonly deps: ModuleDeps;
  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  /** Moves the pending deltas into the daily table; returns how many delta rows it folded. */
  async fold(db: Executor = this.db): Promise<number> {
    const r = await sql<{ n: string }>`select dossier_stats_fold() as n`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  }

  /**
   * Recomputes the daily table from the dossiers (after a bulk load made with the triggers off,
   * docs/reports.md); dossier writers wait meanwhile. Returns the number of daily rows.
   */
  async rebuild(db: Executor = this.db): Promise<number> {
    const r = await sql<{ n: string }>`select dossier_stats_rebuild() as n`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  }

  /** The agencies the caller may report on (for the report form's choice). */
  async agencies(auth: AuthContext | undefined): Promise<{ id: string; name: string; depth: number }[]> {
    const scopes = requireScopes(auth, 'reports.read');
    return this.db
      .selectFrom('agencies')
      .select(['id', 'name', 'depth'])
      .where(pathInScopes('path', scopes))
      .orderBy('path')
      .limit(1000)
      .execute();
  }

  /** "Tình hình, kết quả giải quyết TTHC" for a period, grouped, inside the caller's partition. */
  async processing(auth: AuthContext | undefined, input: ProcessingQuery): Promise<ProcessingReport> {
    const scopes = requireScopes(auth, 'reports.read');
    const given = checked(input);
    // An open end is today, an open start the first of the end's month; the whole period is checked then.
    const to =
      given.to ?? (given.from && given.from > toIsoDay(new Date()) ? given.from : toIsoDay(new Date()));
    const q = checked({ ...given, to, from: given.from ?? firstOfMonth(to) });
    const from = q.from ?? to;
    const end = addDays(to, 1);
    let agency: { id: string; name: string; path: string } | null = null;
    if (q.agencyId) {
      await assertAgencyPermission(this.db, auth, 'reports.read', q.agencyId);
      agency = await this.db
        .selectFrom('agencies')
        .select(['id', 'name', 'path'])
        .where('id', '=', q.agencyId)
        .executeTakeFirstOrThrow();
    }
    await this.fold();
    const where = sql.join(
      [
        sql`s.day < ${end}::date`,
        pathInScopes('s.agency_path', scopes),
        ...(agency ? [sql`s.agency_path like ${`${agency.path}%`}`] : []),
      ],
      sql` and `,
    );
    const sums = await this.sums(this.keyOf(q.groupBy, from), from, where);
    const labels = await this.labels(
      q.groupBy,
      sums.map((s) => s.key),
    );
    const rows =
      q.groupBy === 'month'
        ? this.monthLines(sums, from, to)
        : sums
            .map((s) => lineOf(s.key, labels.get(s.key) ?? s.key, s))
            .filter((l) =>
              [l.carriedOver, l.received, l.resolved, l.cancelled, l.pendingOverdue].some((n) => n !== 0),
            )
            .sort((a, b) =>
              q.groupBy === 'channel'
                ? CHANNEL_ORDER.indexOf(a.key) - CHANNEL_ORDER.indexOf(b.key)
                : a.label.localeCompare(b.label, 'vi'),
            );
    const all = sums.reduce<Omit<Sums, 'key'>>((acc, s) => add(acc, s), ZERO);
    return {
      from,
      to,
      groupBy: q.groupBy,
      agency: agency ? { id: agency.id, name: agency.name } : null,
      rows,
      totals: lineOf('', 'Tổng cộng', all),
      generatedAt: new Date().toISOString(),
    };
  }

  /** The group key of a daily row; by month, the days before the period are one opening key (''). */
  private keyOf(group: ReportGroup, from: string): RawBuilder<string> {
    switch (group) {
      case 'agency':
        return sql<string>`s.agency_id::text`;
      case 'field':
        return sql<string>`s.field_code`;
      case 'procedure':
        return sql<string>`s.procedure_id::text`;
      case 'channel':
        return sql<string>`s.channel`;
      case 'month':
        return sql<string>`case when s.day < ${from}::date then '' else to_char(s.day, 'YYYY-MM') end`;
    }
  }

  private async sums(key: RawBuilder<string>, from: string, where: RawBuilder<unknown>): Promise<Sums[]> {
    const before = sql`s.day < ${from}::date`;
    const inside = sql`s.day >= ${from}::date`;
    const r = await sql<Record<keyof Sums, string>>`
      select ${key} as key,
        coalesce(sum(s.received) filter (where ${before}), 0) as r0,
        coalesce(sum(s.finished_early + s.finished_on_time + s.finished_late + s.cancelled) filter (where ${before}), 0) as e0,
        coalesce(sum(s.received) filter (where ${inside}), 0) as r,
        coalesce(sum(s.received) filter (where ${inside} and s.channel = 'online'), 0) as ro,
        coalesce(sum(s.finished_early) filter (where ${inside}), 0) as fe,
        coalesce(sum(s.finished_on_time) filter (where ${inside}), 0) as fo,
        coalesce(sum(s.finished_late) filter (where ${inside}), 0) as fl,
        coalesce(sum(s.cancelled) filter (where ${inside}), 0) as c,
        coalesce(sum(s.due), 0) as d,
        coalesce(sum(s.due_closed), 0) as dc
      from dossier_stats_daily s
      where ${where}
      group by 1`.execute(this.db);
    return r.rows.map((x) => ({
      key: x.key,
      r0: Number(x.r0),
      e0: Number(x.e0),
      r: Number(x.r),
      ro: Number(x.ro),
      fe: Number(x.fe),
      fo: Number(x.fo),
      fl: Number(x.fl),
      c: Number(x.c),
      d: Number(x.d),
      dc: Number(x.dc),
    }));
  }

  /** By month: each month's opening balance is the previous month's closing one (every month shown). */
  private monthLines(sums: Sums[], from: string, to: string): ProcessingRow[] {
    const byKey = new Map(sums.map((s) => [s.key, s]));
    const opening = byKey.get('') ?? { key: '', ...ZERO };
    let balance = opening.r0 - opening.e0;
    let due = opening.d;
    let dueClosed = opening.dc;
    return monthsBetween(from, to).map((m) => {
      const s = byKey.get(m) ?? { key: m, ...ZERO };
      due += s.d;
      dueClosed += s.dc;
      const line = lineOf(m, monthLabel(m), { ...s, r0: balance, e0: 0, d: due, dc: dueClosed });
      balance = line.total - line.resolved - line.cancelled;
      return line;
    });
  }

  private async labels(group: ReportGroup, keys: string[]): Promise<Map<string, string>> {
    const wanted = keys.filter((k) => k !== '');
    if (group === 'channel') return new Map(wanted.map((k) => [k, CHANNEL_LABELS[k] ?? k]));
    if (group === 'month' || wanted.length === 0) return new Map(wanted.map((k) => [k, monthLabel(k)]));
    const rows =
      group === 'agency'
        ? await this.db
            .selectFrom('agencies')
            .select(['id as key', 'name'])
            .where('id', 'in', wanted)
            .execute()
        : group === 'procedure'
          ? await this.db
              .selectFrom('procedures')
              .select(['id as key', 'name'])
              .where('id', 'in', wanted)
              .execute()
          : await this.db
              .selectFrom('procedure_fields')
              .select(['code as key', 'name'])
              .where('code', 'in', wanted)
              .execute();
    return new Map(rows.map((r) => [r.key, r.name]));
  }

  /**
   * The portal's public statistics (III.8.1): the current year up to today, per month and per field,
   * for every agency. Read as folded by the minute job (no writes for anonymous visitors).
   */
  async publicStats(now = new Date()): Promise<PublicStats> {
    const to = toIsoDay(now);
    const year = Number(to.slice(0, 4));
    const from = `${to.slice(0, 4)}-01-01`;
    const end = addDays(to, 1);
    const grouped = async (key: RawBuilder<string>) => {
      const r = await sql<{ key: string; r: string; ro: string; fin: string; ok: string }>`
        select ${key} as key, sum(s.received) as r,
          sum(s.received) filter (where s.channel = 'online') as ro,
          sum(s.finished_early + s.finished_on_time + s.finished_late) as fin,
          sum(s.finished_early + s.finished_on_time) as ok
        from dossier_stats_daily s
        where s.day >= ${from}::date and s.day < ${end}::date
        group by 1`.execute(this.db);
      return new Map(r.rows.map((x) => [x.key, x]));
    };
    const line = (
      key: string,
      label: string,
      x?: { r: string; ro: string | null; fin: string; ok: string },
    ): PublicStatsRow => {
      const received = Number(x?.r ?? 0);
      const receivedOnline = Number(x?.ro ?? 0);
      const resolved = Number(x?.fin ?? 0);
      const resolvedInTime = Number(x?.ok ?? 0);
      return {
        key,
        label,
        received,
        receivedOnline,
        resolved,
        resolvedInTime,
        onTimeRate: rate(resolvedInTime, resolved),
        onlineShare: rate(receivedOnline, received),
      };
    };
    const months = await grouped(sql<string>`to_char(s.day, 'YYYY-MM')`);
    const fields = await grouped(sql<string>`s.field_code`);
    const names = await this.labels('field', [...fields.keys()]);
    const sum = (k: 'r' | 'ro' | 'fin' | 'ok') =>
      String([...months.values()].reduce((a, x) => a + Number(x[k] ?? 0), 0));
    return {
      year,
      from,
      to,
      months: monthsBetween(from, to).map((m) => line(m, monthLabel(m), months.get(m))),
      fields: [...fields.entries()]
        .map(([k, x]) => line(k, names.get(k) ?? k, x))
        .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'vi')),
      totals: line('', 'Tổng cộng', { r: sum('r'), ro: sum('ro'), fin: sum('fin'), ok: sum('ok') }),
      generatedAt: now.toISOString(),
    };
  }
}
