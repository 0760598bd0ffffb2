import { deadlineText } from '../../../domain/legal-time-text.ts';
import type { Executor } from '../../../db/tx.ts';
import type { DossierDetail } from '../../dossiers/schema.ts';
import { legalDeadlineOf } from '../../processes/store.ts';
import type { AgencyFacts, FormEvent, FormFacts } from './common.ts';

/** The administrative-unit words a place name drops on a document's date line ("Tỉnh Thanh Hóa" → "Thanh Hóa"). */
const UNIT_WORDS = /^(Thành phố|Tỉnh|Phường|Xã|Đặc khu|Thị trấn|Quận|Huyện|Thị xã)\s+/u;

/** The agency's names, phone, and the place name of its administrative unit (when the catalog knows it). */
export async function agencyFacts(db: Executor, agencyId: string): Promise<AgencyFacts> {
  const a = await db
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.id', 'a.parent_id')
    .select(['a.name', 'a.phone', 'a.admin_unit_code', 'p.name as parent_name'])
    .where('a.id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const unit = a.admin_unit_code
    ? await db
        .selectFrom('catalog_items')
        .select('name')
        .where('catalog', 'in', ['province', 'commune'])
        .where('code', '=', a.admin_unit_code)
        .executeTakeFirst()
    : undefined;
  return {
    name: a.name,
    parentName: a.parent_name,
    phone: a.phone,
    place: unit ? unit.name.replace(UNIT_WORDS, '') : null,
  };
}

/** The history as the forms read it: without comments, with where each hand-over came from and what it recorded. */
async function formEvents(db: Executor, d: DossierDetail): Promise<FormEvent[]> {
  const details = new Map(
    (
      await db
        .selectFrom('dossier_events')
        .select(['seq', 'details'])
        .where('dossier_id', '=', d.id)
        .execute()
    ).map((e) => [e.seq, e.details]),
  );
  const out: FormEvent[] = [];
  for (const e of d.history) {
    if (e.action === 'comment') continue;
    const before = out.at(-1);
    out.push({
      seq: e.seq,
      at: new Date(e.at),
      action: e.action,
      actionLabel: e.actionLabel,
      actorName: e.actorName,
      fromStepName: before?.toStepName ?? null,
      toStepName: e.toStepName,
      fromHolderName: before?.toHolderName ?? null,
      toHolderName: e.toHolderName,
      reason: e.reason,
      details: details.get(e.seq) ?? {},
    });
  }
  return out;
}

/** Everything the forms of one dossier print, read once the caller was allowed to read the dossier. */
export async function formFacts(
  db: Executor,
  d: DossierDetail,
  links: { trackingUrl: string; portalUrl: string },
): Promise<FormFacts> {
  const [events, agency, procedure] = await Promise.all([
    formEvents(db, d),
    agencyFacts(db, d.agencyId),
    db
      .selectFrom('procedures')
      .select(['content', 'published'])
      .where('code', '=', d.procedureCode)
      .executeTakeFirst(),
  ]);
  const deadline = procedure ? legalDeadlineOf(procedure) : null;
  return {
    dossier: d,
    events,
    agency,
    deadline: deadline ? deadlineText(deadline) : null,
    ...links,
    now: new Date(),
  };
}
