import { assertTransition } from '../../domain/dossier-status-machine.ts';
import type { DossierStatus } from '../../domain/dossier-status.ts';
import type { Pause } from '../../domain/legal-time.ts';
import type { Tx } from '../../db/tx.ts';
import type { DossierPause } from '../../db/types.ts';
import { legalDeadlineOf } from '../processes/store.ts';
import type { DossierContext } from './context.ts';
import type { Standing } from './rules.ts';
import type { DossierCaller, DossierRecord, OfficialPlace } from './store.ts';
import { statusHistory } from './store.ts';

/** What every action works with, and the legal-time and status helpers they share. */

export interface ActionScope {
  ctx: DossierContext;
  trx: Tx;
  caller: DossierCaller & { auth: NonNullable<DossierCaller['auth']> };
  place: OfficialPlace | null;
  row: DossierRecord;
  standing: Standing;
  now: Date;
  agencyName: string;
}

// ───────────── legal time ─────────────

export const toPauses = (p: readonly DossierPause[]): Pause[] =>
  p.map((x) => ({ from: new Date(x.from), to: new Date(x.to), reason: x.reason }));

/** The appointment again, with the pauses and extensions so far (after a pause ends or an extension). */
export async function appointmentOf(
  s: ActionScope,
  pauses: readonly DossierPause[],
  extensionMinutes: number,
  receivedAt: Date | null = s.row.received_at,
): Promise<Date | null> {
  if (!receivedAt) return null;
  const procedure = await s.trx
    .selectFrom('procedures')
    .select(['content', 'published'])
    .where('id', '=', s.row.procedure_id)
    .executeTakeFirstOrThrow();
  const deadline = legalDeadlineOf(procedure);
  if (!deadline) return null;
  const r = await s.ctx.legalTime.appointment({
    agencyId: s.row.agency_id,
    receivedAt,
    deadline,
    pauses: toPauses(pauses),
    extensionMinutes,
    db: s.trx,
  });
  return r.dueAt;
}

/** The open pause closed now: the pauses with it, and the patch that clears it. */
export function closePause(s: ActionScope): { pauses: DossierPause[]; patch: Record<string, unknown> } {
  const { row } = s;
  if (!row.paused_since || !row.pause_reason) return { pauses: row.pauses, patch: {} };
  const pauses = [
    ...row.pauses,
    { from: row.paused_since.toISOString(), to: s.now.toISOString(), reason: row.pause_reason },
  ];
  return { pauses, patch: { pauses: JSON.stringify(pauses), paused_since: null, pause_reason: null } };
}

export async function checkTransition(s: ActionScope, to: DossierStatus): Promise<void> {
  assertTransition(s.row.status as DossierStatus, to, await statusHistory(s.trx, s.row.id));
}

/** What a terminal status does to the holder: nobody holds the dossier any more. */
export const FINISHED = {
  task: 'done',
  holder_id: null,
  holder_role: null,
  holder_group_id: null,
  step_due_at: null,
} as const;
