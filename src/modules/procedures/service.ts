import { sql } from 'kysely';
import { procedureSlug, publicationIssues } from '../../domain/procedure.ts';
import { escapeLike } from '../../domain/text.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type {
  AdminListQuery,
  AdminProcedure,
  AdminProcedureRow,
  CreateProcedure,
  HistoryEntry,
  UpdateProcedure,
} from './schema.ts';
import { ProcedureContentSchema } from './schema.ts';
import type { ProcedureRow } from './store.ts';
import {
  addHistory,
  adminRow,
  agenciesOf,
  assertCatalogReader,
  assertEditor,
  assertFieldUsable,
  assertPublishable,
  assertReviewer,
  assertVersion,
  findProcedure,
  flagsOf,
  lockProcedure,
  publishedColumns,
  sameContent,
} from './store.ts';

/**
 * Administration of the procedure catalog (II.1.1–1.2): editors keep a working draft of each
 * procedure; a procedure-control officer publishes it (công bố) and may withdraw it. Every save is a
 * version in procedure_history with who and why, and an audit entry.
 */
export class ProceduresService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  /** One page of the catalog for the back office, by name; `q` matches code or name without diacritics. */
  async list(
    auth: AuthContext | undefined,
    query: AdminListQuery,
  ): Promise<{ items: AdminProcedureRow[]; next: string | null }> {
    assertCatalogReader(auth);
    let q = this.db.selectFrom('procedures').selectAll();
    for (const word of (query.q ?? '').normalize('NFC').split(/\s+/).filter(Boolean).slice(0, 8))
      q = q.where(sql<boolean>`vn_fold(code || ' ' || name) like '%' || vn_fold(${escapeLike(word)}) || '%'`);
    if (query.field) q = q.where('field_code', '=', query.field);
    if (query.status === 'changed') q = q.where('status', '=', 'published').where('has_changes', '=', true);
    else if (query.status === 'flagged') q = q.where('flag_count', '>', 0);
    else if (query.status) q = q.where('status', '=', query.status);
    if (query.after) {
      // The cursor carries the code only; the name (up to 2,000 characters) is read back.
      const [code] = decodeCursor(query.after, ['string']);
      q = q.where(
        sql<boolean>`(name, code) > ((select c.name from procedures c where c.code = ${code}), ${code})`,
      );
    }
    const rows = await q
      .orderBy('name')
      .orderBy('code')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(adminRow),
      next: rows.length > query.limit && last ? encodeCursor([last.code]) : null,
    };
  }

  async get(auth: AuthContext | undefined, code: string): Promise<AdminProcedure> {
    assertCatalogReader(auth);
    return this.view(await findProcedure(this.db, code));
  }

  async create(auth: AuthContext | undefined, actor: Actor, input: CreateProcedure): Promise<AdminProcedure> {
    assertEditor(auth);
    const row = await this.db.transaction().execute(async (trx) => {
      await assertFieldUsable(trx, input.content.fieldCode);
      const clash = await trx
        .selectFrom('procedures')
        .select('code')
        .where('code', '=', input.code)
        .executeTakeFirst();
      if (clash) throw duplicateCode(input.code);
      const slug = procedureSlug(input.content.name, input.code);
      const sameUrl = await trx
        .selectFrom('procedures')
        .select('code')
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (sameUrl)
        throw new ConflictError(
          `Mã thủ tục "${input.code}" và tên này cho cùng đường dẫn với thủ tục mã "${sameUrl.code}" (${slug}): hãy dùng mã khác`,
          'procedure_slug_exists',
        );
      const created = await trx
        .insertInto('procedures')
        .values({
          code: input.code,
          slug,
          name: input.content.name,
          field_code: input.content.fieldCode,
          content: JSON.stringify(input.content),
          updated_by: actor.accountId,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch((err: unknown) => {
          if ((err as { code?: string }).code === '23505') throw duplicateCode(input.code);
          throw err;
        });
      await addHistory(trx, created, 'create', input.content, actor, null);
      await appendAudit(trx, actor, {
        action: 'procedure.create',
        entityType: 'procedure',
        entityId: input.code,
        after: { name: input.content.name, fieldCode: input.content.fieldCode },
      });
      return created;
    });
    return this.view(row);
  }

  /** Replaces the working draft. Saving means an editor reviewed the record: import flags are cleared. */
  async update(
    auth: AuthContext | undefined,
    actor: Actor,
    code: string,
    input: UpdateProcedure,
  ): Promise<AdminProcedure> {
    assertEditor(auth);
    const row = await this.db.transaction().execute(async (trx) => {
      const before = await lockProcedure(trx, code);
      assertVersion(before, input.version);
      await assertFieldUsable(trx, input.content.fieldCode);
      if (sameContent(before.content, input.content) && before.flag_count === 0) return before;
      const after = await trx
        .updateTable('procedures')
        .set({
          name: input.content.name,
          field_code: input.content.fieldCode,
          content: JSON.stringify(input.content),
          has_changes: before.published === null || !sameContent(before.published, input.content),
          version: before.version + 1,
          flags: '[]',
          flag_count: 0,
          updated_at: new Date(),
          updated_by: actor.accountId,
        })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await addHistory(trx, after, 'update', input.content, actor, input.note);
      await appendAudit(trx, actor, {
        action: 'procedure.update',
        entityType: 'procedure',
        entityId: code,
        before: { version: before.version, name: before.name },
        after: { version: after.version, name: after.name },
        details: input.note ? { note: input.note } : {},
      });
      return after;
    });
    return this.view(row);
  }

  /** Publishes the working draft (công bố): the portal shows it from now on. */
  async publish(
    auth: AuthContext | undefined,
    actor: Actor,
    code: string,
    input: { version: number; note: string | null },
  ): Promise<AdminProcedure> {
    assertReviewer(auth);
    const row = await this.db.transaction().execute(async (trx) => {
      const before = await lockProcedure(trx, code);
      assertVersion(before, input.version);
      const content = ProcedureContentSchema.parse(before.content);
      assertPublishable(code, content);
      const field = await assertFieldUsable(trx, content.fieldCode, 'content.fieldCode');
      if (before.status === 'published' && !before.has_changes)
        throw new ConflictError(
          `Thủ tục ${code} đã được công bố, không có thay đổi mới`,
          'nothing_to_publish',
        );
      const after = await trx
        .updateTable('procedures')
        .set({
          ...publishedColumns(code, content, field.name, actor),
          version: before.version + 1,
          publications: before.publications + 1,
          updated_at: new Date(),
        })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await addHistory(trx, after, 'publish', content, actor, input.note);
      await appendAudit(trx, actor, {
        action: 'procedure.publish',
        entityType: 'procedure',
        entityId: code,
        before: { status: before.status },
        after: { status: 'published', publication: after.publications },
      });
      return after;
    });
    return this.view(row);
  }

  /** Takes a procedure off the portal (it stays in the catalog, with its history). */
  async withdraw(
    auth: AuthContext | undefined,
    actor: Actor,
    code: string,
    input: { version: number; note: string | null },
  ): Promise<AdminProcedure> {
    assertReviewer(auth);
    if (!input.note)
      throw new ValidationError([{ field: 'body.note', message: 'Lý do ngừng công bố (note) là bắt buộc' }]);
    const row = await this.db.transaction().execute(async (trx) => {
      const before = await lockProcedure(trx, code);
      assertVersion(before, input.version);
      if (before.status !== 'published')
        throw new ConflictError(`Thủ tục ${code} không ở trạng thái đã công bố`, 'not_published');
      const after = await trx
        .updateTable('procedures')
        .set({
          status: 'withdrawn',
          version: before.version + 1,
          updated_at: new Date(),
          updated_by: actor.accountId,
        })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await addHistory(
        trx,
        after,
        'withdraw',
        ProcedureContentSchema.parse(before.content),
        actor,
        input.note,
      );
      await appendAudit(trx, actor, {
        action: 'procedure.withdraw',
        entityType: 'procedure',
        entityId: code,
        before: { status: 'published' },
        after: { status: 'withdrawn' },
        details: { note: input.note },
      });
      return after;
    });
    return this.view(row);
  }

  /** Which agencies carry the procedure out and through which channels each accepts dossiers. */
  async setAgencies(
    auth: AuthContext | undefined,
    actor: Actor,
    code: string,
    input: { version: number; agencies: { agencyId: string; channels: string[] }[] },
  ): Promise<AdminProcedure> {
    assertEditor(auth);
    const row = await this.db.transaction().execute(async (trx) => {
      const before = await lockProcedure(trx, code);
      assertVersion(before, input.version);
      const ids = [...new Set(input.agencies.map((a) => a.agencyId))];
      if (ids.length !== input.agencies.length)
        throw new ValidationError([
          { field: 'body.agencies', message: 'Mỗi cơ quan chỉ được nêu một lần (agencies)' },
        ]);
      if (ids.length > 0) {
        const found = await trx
          .selectFrom('agencies')
          .select('id')
          .where('id', 'in', ids)
          .where('active', '=', true)
          .execute();
        const known = new Set(found.map((f) => f.id));
        const missing = input.agencies.findIndex((a) => !known.has(a.agencyId));
        if (missing >= 0)
          throw new ValidationError([
            {
              field: `body.agencies.${missing}.agencyId`,
              message: 'Cơ quan không có hoặc đã ngừng hoạt động',
            },
          ]);
      }
      await trx.deleteFrom('procedure_agencies').where('procedure_id', '=', before.id).execute();
      if (input.agencies.length > 0)
        await trx
          .insertInto('procedure_agencies')
          .values(
            input.agencies.map((a) => ({
              procedure_id: before.id,
              agency_id: a.agencyId,
              channels: [...new Set(a.channels)],
            })),
          )
          .execute();
      const after = await trx
        .updateTable('procedures')
        .set({ version: before.version + 1, updated_at: new Date(), updated_by: actor.accountId })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'procedure.agencies',
        entityType: 'procedure',
        entityId: code,
        after: { agencies: input.agencies.length },
      });
      return after;
    });
    return this.view(row);
  }

  /** The active agencies a procedure may be assigned to (the catalog is not partitioned), for the picker. */
  async agencyChoices(
    auth: AuthContext | undefined,
  ): Promise<{ id: string; code: string; name: string; level: string; parentId: string | null }[]> {
    assertCatalogReader(auth);
    const rows = await this.db
      .selectFrom('agencies')
      .select(['id', 'code', 'name', 'level', 'parent_id'])
      .where('active', '=', true)
      .orderBy('depth')
      .orderBy('name')
      .limit(5000)
      .execute();
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id }));
  }

  /** Every saved version, newest first (contents on request, one at a time). */
  async history(auth: AuthContext | undefined, code: string): Promise<HistoryEntry[]> {
    assertCatalogReader(auth);
    const proc = await findProcedure(this.db, code);
    const rows = await this.db
      .selectFrom('procedure_history as h')
      .leftJoin('accounts as a', 'a.id', 'h.actor_id')
      .select(['h.id', 'h.version', 'h.action', 'h.actor_name', 'a.full_name', 'h.note', 'h.created_at'])
      .where('h.procedure_id', '=', proc.id)
      .orderBy('h.id', 'desc')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      action: r.action,
      actorName: r.actor_name,
      actorFullName: r.full_name,
      note: r.note,
      at: r.created_at.toISOString(),
    }));
  }

  async historyEntry(auth: AuthContext | undefined, code: string, id: number): Promise<HistoryEntry> {
    assertCatalogReader(auth);
    const proc = await findProcedure(this.db, code);
    const r = await this.db
      .selectFrom('procedure_history as h')
      .leftJoin('accounts as a', 'a.id', 'h.actor_id')
      .selectAll('h')
      .select('a.full_name')
      .where('h.procedure_id', '=', proc.id)
      .where('h.id', '=', id)
      .executeTakeFirst();
    if (!r) throw new NotFoundError('Không có phiên bản này trong lịch sử thủ tục');
    return {
      id: r.id,
      version: r.version,
      action: r.action,
      actorName: r.actor_name,
      actorFullName: r.full_name,
      note: r.note,
      at: r.created_at.toISOString(),
      content: ProcedureContentSchema.parse(r.content),
    };
  }

  private async view(r: ProcedureRow): Promise<AdminProcedure> {
    const content = ProcedureContentSchema.parse(r.content);
    return {
      ...adminRow(r),
      id: r.id,
      content,
      published: r.published ? ProcedureContentSchema.parse(r.published) : null,
      flags: flagsOf(r),
      publicationIssues: publicationIssues(content),
      source: r.source,
      publications: r.publications,
      publishedAt: r.published_at?.toISOString() ?? null,
      agencies: await agenciesOf(this.db, r.id),
    };
  }
}

function duplicateCode(code: string): ConflictError {
  return new ConflictError(`Mã thủ tục (code) "${code}" đã có trong danh mục`, 'procedure_exists');
}
