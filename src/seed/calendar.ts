import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { appendAudit, SYSTEM_ACTOR } from '../modules/audit/audit.ts';
import type { Services } from '../services.ts';

/**
 * National working calendar 2025–2027 for civil servants, from ./data/lich-nghi-le.json (built by
 * scripts/build-seed-data.ts; sources in its header: Government Office letters 8726/VPCP-KGVX,
 * 12729/VPCP-KGVX, and the Labour Code for the not-yet-announced 2027). Idempotent: national days are
 * upserted by date; provisional national days of those years that the data no longer lists (replaced
 * by the announced schedule) are removed. Days an administrator added are left alone.
 */
interface HolidayFile {
  source: string;
  days: [string, 'holiday' | 'makeup_workday' | 'day_off', string, string, boolean][];
}

export function loadHolidays(): HolidayFile {
  return JSON.parse(
    readFileSync(new URL('./data/lich-nghi-le.json', import.meta.url), 'utf8'),
  ) as HolidayFile;
}

export async function seedCalendar(services: Services, log: (msg: string) => void): Promise<void> {
  const data = loadHolidays();
  const rows = data.days.map(([day, kind, name, note, provisional]) => ({
    day,
    kind,
    name,
    note,
    provisional,
  }));
  const years = [...new Set(rows.map((r) => r.day.slice(0, 4)))].sort();
  const first = `${years[0] ?? '2025'}-01-01`;
  const last = `${years.at(-1) ?? '2025'}-12-31`;
  await services.database.db.transaction().execute(async (trx) => {
    const upserted = await sql<{ id: string }>`
      insert into calendar_days (day, agency_id, kind, name, note, provisional)
      select r.day, null, r.kind, r.name, r.note, r.provisional
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as r(day date, kind text, name text, note text, provisional boolean)
      on conflict (day, (coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid))) do update
        set kind = excluded.kind, name = excluded.name, note = excluded.note, provisional = excluded.provisional
        where (calendar_days.kind, calendar_days.name, calendar_days.note, calendar_days.provisional)
              is distinct from (excluded.kind, excluded.name, excluded.note, excluded.provisional)
      returning id`.execute(trx);
    const removed = await trx
      .deleteFrom('calendar_days')
      .where('agency_id', 'is', null)
      .where('provisional', '=', true)
      .where('day', '>=', first)
      .where('day', '<=', last)
      .where(
        'day',
        'not in',
        rows.map((r) => r.day),
      )
      .returning('id')
      .execute();
    const changed = upserted.rows.length + removed.length;
    if (changed > 0) {
      await appendAudit(trx, SYSTEM_ACTOR, {
        action: 'calendar.seed',
        entityType: 'calendar_day',
        details: { years, upserted: upserted.rows.length, removedProvisional: removed.length },
      });
    }
    log(
      `Lịch làm việc ${years.join(', ')}: ${rows.length} ngày nghỉ lễ, nghỉ bù, làm bù (${changed} ngày mới hoặc thay đổi).`,
    );
  });
}
