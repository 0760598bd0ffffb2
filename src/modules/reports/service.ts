import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { addDays, toIsoDay } from '../../domain/calendar.ts';
import { ValidationError } from '../../errors.ts';
import type { Executor } from '../../db/tx.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { assertAgencyPermission, pathInScopes, requireScopes } from '../access/authorize.ts';
import type { ModuleDeps } from '../deps.ts';
import { ProcessingQuery } from './schema.ts';
import { before, piecesOf } from './tiers.ts';
import type { Piece } from './tiers.ts';
import { ZERO, add, lineOf, monthLabel, monthsBetween, rate } from './lines.ts';
import type { Sums } from './lines.ts';
import type { ProcessingReport, ProcessingRow, PublicStats, PublicStatsRow, ReportGroup } from './schema.ts';

/** How the report names channels (Annex I wording of the national portal's KenhThucHien). */
export const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
  interagency: 'Liên thông',
};
const CHANNEL_ORDER = Object.keys(CHANNEL_LABELS);
/** Groupings whose key needs no procedure or field: read from the agency tables. */
const BY_AGENCY: ReadonlySet<ReportGroup> = new Set(['agency', 'channel', 'month']);

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
    const scope = agency
      ? sql<boolean>`${pathInScopes('s.agency_path', scopes)} and s.agency_path like ${`${agency.path}%`}`
      : pathInScopes('s.agency_path', scopes);
    const sums = await this.sums(q.groupBy, from, end, scope);
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

  /** The group key of a row of the statistics tables. */
  private keyOf(group: Exclude<ReportGroup, 'month'>): RawBuilder<string> {
    switch (group) {
      case 'agency':
        return sql<string>`s.agency_id::text`;
      case 'field':
        return sql<string>`s.field_code`;
      case 'procedure':
        return sql<string>`s.procedure_id::text`;
      case 'channel':
        return sql<string>`s.channel`;
    }
  }

  /**
   * Sums per group of the history before the period (seg A) and of the period itself (seg P), each
   * read from the fewest rows (tiers.ts). By month, the history is one opening key ('') and the
   * period is summed per month.
   */
  private async sums(
    group: ReportGroup,
    from: string,
    end: string,
    scope: RawBuilder<boolean>,
  ): Promise<Sums[]> {
    const month = group === 'month';
    const rows = await this.segmentSums(
      BY_AGENCY.has(group),
      [
        ...before(from).map((p) => ({ ...p, seg: 'A' })),
        ...piecesOf(from, end, !month).map((p) => ({ ...p, seg: 'P' })),
      ],
      (seg) =>
        group === 'month'
          ? seg === 'A'
            ? sql<string>`''`
            : sql<string>`to_char(s.day, 'YYYY-MM')`
          : this.keyOf(group),
      scope,
    );
    const byKey = new Map<string, Sums>();
    for (const x of rows) {
      const acc = byKey.get(x.key) ?? { key: x.key, ...ZERO };
      if (x.seg === 'A') Object.assign(acc, { r0: acc.r0 + x.r, e0: acc.e0 + x.fe + x.fo + x.fl + x.c });
      else
        Object.assign(acc, {
          r: acc.r + x.r,
          ro: acc.ro + x.ro,
          fe: acc.fe + x.fe,
          fo: acc.fo + x.fo,
          fl: acc.fl + x.fl,
          c: acc.c + x.c,
        });
      // Due and due-and-closed count up to the end of the period: history and period together.
      Object.assign(acc, { d: acc.d + x.d, dc: acc.dc + x.dc });
      byKey.set(x.key, acc);
    }
    return [...byKey.values()];
  }

  /**
   * The counts of the pieces' rows inside `scope`, summed per key and segment; from the agency tables
   * (no procedure or field: far fewer rows, migration 0023) when the key needs neither.
   */
  private async segmentSums(
    byAgency: boolean,
    pieces: readonly (Piece & { seg: string })[],
    keyOf: (seg: string) => RawBuilder<string>,
    scope: RawBuilder<boolean>,
  ) {
    if (pieces.length === 0) return [];
    const selects = pieces.map(
      (p) => sql`
        select ${keyOf(p.seg)} as key, ${sql.lit(p.seg)} as seg, s.channel, s.received, s.finished_early,
          s.finished_on_time, s.finished_late, s.cancelled, s.due, s.due_closed
        from ${sql.table(`dossier_stats_${byAgency ? 'agency_' : ''}${p.tier}`)} s
        where s.day >= ${p.from}::date and s.day < ${p.to}::date and ${scope}`,
    );
    const r = await sql<
      { key: string; seg: string } & Record<'r' | 'ro' | 'fe' | 'fo' | 'fl' | 'c' | 'd' | 'dc', string | null>
    >`
      select key, seg, sum(received) as r, sum(received) filter (where channel = 'online') as ro,
        sum(finished_early) as fe, sum(finished_on_time) as fo, sum(finished_late) as fl, sum(cancelled) as c,
        sum(due) as d, sum(due_closed) as dc
      from (${sql.join(selects, sql` union all `)}) t
      group by key, seg`.execute(this.db);
    return r.rows.map((x) => ({
      key: x.key,
      seg: x.seg,
      r: Number(x.r ?? 0),
      ro: Number(x.ro ?? 0),
      fe: Number(x.fe ?? 0),
      fo: Number(x.fo ?? 0),
      fl: Number(x.fl ?? 0),
      c: Number(x.c ?? 0),
      d: Number(x.d ?? 0),
      dc: Number(x.dc ?? 0),
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
    const pieces = piecesOf(from, end, false).map((p) => ({ ...p, seg: 'P' }));
    type Counts = Awaited<ReturnType<ReportsService['segmentSums']>>[number];
    const grouped = async (key: RawBuilder<string>, byAgency = false) =>
      new Map(
        (await this.segmentSums(byAgency, pieces, () => key, sql<boolean>`true`)).map((x) => [x.key, x]),
      );
    const line = (
      key: string,
      label: string,
      x?: Pick<Counts, 'r' | 'ro' | 'fe' | 'fo' | 'fl'>,
    ): PublicStatsRow => {
      const received = x?.r ?? 0;
      const receivedOnline = x?.ro ?? 0;
      const resolvedInTime = (x?.fe ?? 0) + (x?.fo ?? 0);
      const resolved = resolvedInTime + (x?.fl ?? 0);
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
    const months = await grouped(sql<string>`to_char(s.day, 'YYYY-MM')`, true);
    const fields = await grouped(sql<string>`s.field_code`);
    const procedures = await grouped(sql<string>`s.procedure_id::text`);
    const names = await this.labels('field', [...fields.keys()]);
    const sum = (k: 'r' | 'ro' | 'fe' | 'fo' | 'fl') => [...months.values()].reduce((a, x) => a + x[k], 0);
    return {
      year,
      proceduresUsed: [...procedures.values()].filter((x) => x.r > 0).length,
      from,
      to,
      months: monthsBetween(from, to).map((m) => line(m, monthLabel(m), months.get(m))),
      fields: [...fields.entries()]
        .map(([k, x]) => line(k, names.get(k) ?? k, x))
        .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'vi')),
      totals: line('', 'Tổng cộng', {
        r: sum('r'),
        ro: sum('ro'),
        fe: sum('fe'),
        fo: sum('fo'),
        fl: sum('fl'),
      }),
      generatedAt: now.toISOString(),
    };
  }
}
