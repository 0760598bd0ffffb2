import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../db/tx.ts';
import type { DossierDraftsTable } from '../../db/types.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import { currentEform } from '../dossiers/online-form.ts';
import { DRAFT_KEEP_DAYS, DRAFT_LIMIT } from './schema.ts';
import type { DraftInput, DraftSummary, DraftUpdate, DraftView } from './schema.ts';

/**
 * Drafts of online applications (III.1.3, issue 6 "save and resume later"): the values an applicant
 * typed into a procedure's e-form, saved without validation and resumed on the submission page.
 * Only the owner sees a draft (another account's draft is a 404, never a 403 that would confirm it
 * exists). Audit entries name the draft and the procedure, never what was typed.
 */

type Row = Selectable<DossierDraftsTable>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;
const notFound = () =>
  new NotFoundError('Không tìm thấy bản nháp (đã bị xóa, quá hạn lưu hoặc không phải của bạn)');

/** The signed-in citizen or organisation (officials receive at the counter, they keep no drafts). */
function applicantId(auth: AuthContext | undefined): string {
  if (!auth) throw new UnauthenticatedError('Bạn cần đăng nhập tài khoản công dân, tổ chức để lưu bản nháp');
  if (auth.account.kind === 'official')
    throw new ForbiddenError('Tài khoản cán bộ không lưu bản nháp hồ sơ trực tuyến');
  return auth.account.id;
}

/** Drafts saved before this moment are expired. */
const keptSince = (now: Date) => new Date(now.getTime() - DRAFT_KEEP_DAYS * DAY_MS);

/** Deletes the account's draft in the caller's transaction (the submission that used it); true when one went. */
export async function deleteDraftInTrx(trx: Tx, accountId: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const gone = await trx
    .deleteFrom('dossier_drafts')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return gone.numDeletedRows > 0n;
}

export class DraftsService {
  private readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  /** The caller's drafts, last saved first (expired ones left out). */
  async list(auth: AuthContext | undefined, now = new Date()): Promise<DraftSummary[]> {
    const accountId = applicantId(auth);
    const rows = await this.db
      .selectFrom('dossier_drafts as d')
      .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
      .selectAll('d')
      .select(['p.name', 'p.pub_name'])
      .where('d.account_id', '=', accountId)
      .where('d.updated_at', '>', keptSince(now))
      .orderBy('d.updated_at', 'desc')
      .orderBy('d.id')
      .limit(DRAFT_LIMIT)
      .execute();
    return rows.map((r) => summary(r, r.pub_name ?? r.name));
  }

  async get(auth: AuthContext | undefined, id: string, now = new Date()): Promise<DraftView> {
    const accountId = applicantId(auth);
    return this.view(this.db, await this.own(this.db, accountId, id, now, false));
  }

  async create(auth: AuthContext | undefined, actor: Actor, input: DraftInput): Promise<DraftView> {
    const accountId = applicantId(auth);
    const now = new Date();
    return this.db.transaction().execute(async (trx) => {
      // One save at a time per account, so that two tabs cannot both pass the limit.
      await trx.selectFrom('accounts').select('id').where('id', '=', accountId).forUpdate().execute();
      await trx
        .deleteFrom('dossier_drafts')
        .where('account_id', '=', accountId)
        .where('updated_at', '<=', keptSince(now))
        .execute();
      const count = await trx
        .selectFrom('dossier_drafts')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= DRAFT_LIMIT) {
        throw new ConflictError(
          `Bạn đã có ${DRAFT_LIMIT} bản nháp, mức tối đa được lưu: hãy nộp hoặc xóa bớt bản nháp trong “Hồ sơ của tôi” rồi lưu lại`,
          'draft_limit',
        );
      }
      const target = await this.target(trx, input);
      const row = await trx
        .insertInto('dossier_drafts')
        .values({
          account_id: accountId,
          procedure_id: target.procedureId,
          procedure_code: target.procedureCode,
          agency_id: input.agencyId ?? null,
          form_values: JSON.stringify(input.values),
          eform_version: target.eformVersion,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'draft.create',
        entityType: 'dossier_draft',
        entityId: row.id,
        details: { procedureCode: row.procedure_code, version: row.version },
      });
      return this.view(trx, row);
    });
  }

  async update(
    auth: AuthContext | undefined,
    actor: Actor,
    id: string,
    input: DraftUpdate,
  ): Promise<DraftView> {
    const accountId = applicantId(auth);
    const now = new Date();
    return this.db.transaction().execute(async (trx) => {
      const before = await this.own(trx, accountId, id, now, true);
      if (before.version !== input.version) {
        throw new ConflictError(
          'Bản nháp vừa được lưu ở một cửa sổ hoặc thiết bị khác; hãy mở lại bản nháp mới nhất rồi sửa tiếp',
          'stale_draft',
        );
      }
      const target = await this.target(trx, input);
      if (target.procedureId !== before.procedure_id) {
        throw new ValidationError([
          { field: 'procedureCode', message: 'Thủ tục (procedureCode) của bản nháp không đổi được' },
        ]);
      }
      const row = await trx
        .updateTable('dossier_drafts')
        .set({
          agency_id: input.agencyId ?? null,
          form_values: JSON.stringify(input.values),
          eform_version: target.eformVersion,
          updated_at: now,
          version: before.version + 1,
        })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'draft.update',
        entityType: 'dossier_draft',
        entityId: row.id,
        details: { procedureCode: row.procedure_code, version: row.version },
      });
      return this.view(trx, row);
    });
  }

  async remove(auth: AuthContext | undefined, actor: Actor, id: string): Promise<void> {
    const accountId = applicantId(auth);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.own(trx, accountId, id, new Date(), true);
      await trx.deleteFrom('dossier_drafts').where('id', '=', row.id).execute();
      await appendAudit(trx, actor, {
        action: 'draft.delete',
        entityType: 'dossier_draft',
        entityId: row.id,
        details: { procedureCode: row.procedure_code },
      });
    });
  }

  /** Deletes every draft not saved for DRAFT_KEEP_DAYS days; returns how many went. */
  async purgeExpired(now = new Date()): Promise<number> {
    const gone = await this.db
      .deleteFrom('dossier_drafts')
      .where('updated_at', '<=', keptSince(now))
      .executeTakeFirst();
    return Number(gone.numDeletedRows);
  }

  private async own(db: Executor, accountId: string, id: string, now: Date, lock: boolean): Promise<Row> {
    if (!UUID.test(id)) throw notFound();
    let q = db
      .selectFrom('dossier_drafts')
      .selectAll()
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('updated_at', '>', keptSince(now));
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  /** The published procedure, its current e-form version, and the agency when one was chosen. */
  private async target(db: Executor, input: DraftInput) {
    const p = await db
      .selectFrom('procedures')
      .select(['id', 'code', 'name', 'pub_name', 'status'])
      .where('code', '=', input.procedureCode)
      .executeTakeFirst();
    if (!p || p.status !== 'published') {
      throw new ValidationError([
        { field: 'procedureCode', message: 'Thủ tục (procedureCode) không tồn tại hoặc chưa được công bố' },
      ]);
    }
    if (input.agencyId) {
      const agency = await db
        .selectFrom('agencies')
        .select('id')
        .where('id', '=', input.agencyId)
        .executeTakeFirst();
      if (!agency)
        throw new ValidationError([
          { field: 'agencyId', message: 'Cơ quan tiếp nhận (agencyId) không tồn tại' },
        ]);
    }
    const eform = await currentEform(db, { id: p.id, name: p.pub_name ?? p.name });
    return { procedureId: p.id, procedureCode: p.code, eformVersion: eform.version };
  }

  private async view(db: Executor, row: Row): Promise<DraftView> {
    const p = await db
      .selectFrom('procedures')
      .select(['name', 'pub_name'])
      .where('id', '=', row.procedure_id)
      .executeTakeFirstOrThrow();
    return { ...summary(row, p.pub_name ?? p.name), values: row.form_values };
  }
}

function summary(row: Row, procedureName: string): DraftSummary {
  return {
    id: row.id,
    procedureCode: row.procedure_code,
    procedureName,
    agencyId: row.agency_id,
    eformVersion: row.eform_version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
