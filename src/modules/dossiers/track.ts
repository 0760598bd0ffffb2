import { sql } from 'kysely';
import { STATUS_INFO } from '../../domain/dossier-status.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import type { Executor } from '../../db/tx.ts';
import { NotFoundError } from '../../errors.ts';
import { namesOf, placeNameColumns } from './detail-read.ts';
import { annexLines, iso } from './detail.ts';
import type { PublicDossier } from './schema.ts';
import type { DossierRecord } from './store.ts';
import { processOf } from './store.ts';

/** The tracking view of a dossier (II.19, II.20.1 d), for whoever gives its code and the applicant's details. */
export async function trackDossier(
  db: Executor,
  code: string,
  admits: (row: DossierRecord) => boolean,
): Promise<PublicDossier> {
  // One statement: the row, the names Annex I shows and the history (tracking is the portal's most
  // frequent lookup; three statements held three pool connections in turn, issue 8).
  const found = await db
    .selectFrom('dossiers as d')
    .selectAll('d')
    .select([
      ...placeNameColumns,
      sql<{ at: string; to_status: string; to_step: string }[]>`(select coalesce(json_agg(json_build_object(
          'at', e.at, 'to_status', e.to_status, 'to_step', e.to_step) order by e.seq), '[]')
        from dossier_events e where e.dossier_id = d.id and e.action <> 'comment')`.as('n_events'),
    ])
    .where('d.code', '=', code.trim().toUpperCase())
    .executeTakeFirst();
  if (!found || !admits(found))
    throw new NotFoundError('Không tìm thấy hồ sơ với mã số và thông tin người nộp đã nhập');
  const { rest, names } = namesOf(found);
  const { n_events, ...row } = rest;
  const events = n_events.map((e) => ({ ...e, at: new Date(e.at) }));
  const def = await processOf(db, row.process_id);
  const lines = annexLines(row, def, names);
  const info = STATUS_INFO[row.status as DossierStatus];
  return {
    code: row.code,
    procedureName: row.procedure_name,
    agencyName: names.agency,
    status: row.status as DossierStatus,
    statusLabel: info.label,
    dvcqgCode: info.dvcqgCode,
    lines,
    submittedAt: row.submitted_at.toISOString(),
    receivedAt: iso(row.received_at),
    appointmentAt: iso(row.appointment_at),
    returnedAt: iso(row.returned_at),
    history: events.map((e) => ({
      at: e.at.toISOString(),
      statusLabel: STATUS_INFO[e.to_status as DossierStatus]?.label ?? e.to_status,
      stepName: def.steps.find((s) => s.id === e.to_step)?.name ?? e.to_step,
    })),
  };
}
