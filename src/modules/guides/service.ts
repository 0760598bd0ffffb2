import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/tx.ts';
import type { GuideKind, GuidesTable } from '../../db/types.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { requireScopes } from '../access/authorize.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import { assertTopLevelPermission } from '../catalogs/global-admin.ts';
import type { ModuleDeps } from '../deps.ts';
import type { GuideInput, GuideView } from './schema.ts';

/**
 * Guides, FAQs and life events (III.7.1–7.2), maintained by editors (`content.edit` at the top
 * level). A life event ("Khi có con nhỏ") is a guide whose linked procedures are a home-page entry.
 */
export class GuidesService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  /** Published content of a kind (or every kind), in the editors' order. */
  async listPublished(kind?: GuideKind): Promise<GuideView[]> {
    let q = this.db.selectFrom('guides').selectAll().where('published', '=', true);
    if (kind) q = q.where('kind', '=', kind);
    return (await q.orderBy('kind').orderBy('sort_order').orderBy('title').limit(500).execute()).map(view);
  }

  /** Published FAQs and guides that mention a procedure. */
  async forProcedure(code: string): Promise<GuideView[]> {
    const rows = await this.db
      .selectFrom('guides')
      .selectAll()
      .where('published', '=', true)
      .where(sql<boolean>`procedure_codes @> array[${code}]::text[]`)
      .orderBy('kind')
      .orderBy('sort_order')
      .limit(50)
      .execute();
    return rows.map(view);
  }

  async getPublished(slug: string): Promise<GuideView> {
    const row = await this.db
      .selectFrom('guides')
      .selectAll()
      .where('slug', '=', slug)
      .where('published', '=', true)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('Không có bài hướng dẫn này');
    return view(row);
  }

  async list(auth: AuthContext | undefined): Promise<GuideView[]> {
    requireScopes(auth, 'content.edit');
    return (
      await this.db
        .selectFrom('guides')
        .selectAll()
        .orderBy('kind')
        .orderBy('sort_order')
        .orderBy('title')
        .limit(2000)
        .execute()
    ).map(view);
  }

  async get(auth: AuthContext | undefined, id: string): Promise<GuideView> {
    requireScopes(auth, 'content.edit');
    const row = await this.db.selectFrom('guides').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('Không có bài hướng dẫn này');
    return view(row);
  }

  async create(auth: AuthContext | undefined, actor: Actor, input: GuideInput): Promise<GuideView> {
    assertContentEditor(auth);
    return this.db.transaction().execute(async (trx) => {
      await checkProcedures(trx, input.procedureCodes);
      const row = await trx
        .insertInto('guides')
        .values({ ...columns(input), updated_by: actor.accountId })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch((err: unknown) => {
          if ((err as { code?: string }).code === '23505') throw slugTaken(input.slug);
          throw err;
        });
      await appendAudit(trx, actor, {
        action: 'guide.create',
        entityType: 'guide',
        entityId: row.id,
        after: { slug: input.slug, kind: input.kind, title: input.title },
      });
      return view(row);
    });
  }

  async update(
    auth: AuthContext | undefined,
    actor: Actor,
    id: string,
    input: GuideInput,
  ): Promise<GuideView> {
    assertContentEditor(auth);
    return this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('guides')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw new NotFoundError('Không có bài hướng dẫn này');
      await checkProcedures(trx, input.procedureCodes);
      const row = await trx
        .updateTable('guides')
        .set({ ...columns(input), updated_at: new Date(), updated_by: actor.accountId })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch((err: unknown) => {
          if ((err as { code?: string }).code === '23505') throw slugTaken(input.slug);
          throw err;
        });
      await appendAudit(trx, actor, {
        action: 'guide.update',
        entityType: 'guide',
        entityId: id,
        before: { slug: before.slug, title: before.title, published: before.published },
        after: { slug: row.slug, title: row.title, published: row.published },
      });
      return view(row);
    });
  }

  async remove(auth: AuthContext | undefined, actor: Actor, id: string): Promise<void> {
    assertContentEditor(auth);
    await this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('guides')
        .select(['slug', 'title'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw new NotFoundError('Không có bài hướng dẫn này');
      await trx.deleteFrom('guides').where('id', '=', id).execute();
      await appendAudit(trx, actor, { action: 'guide.delete', entityType: 'guide', entityId: id, before });
    });
  }
}

function assertContentEditor(auth: AuthContext | undefined): void {
  assertTopLevelPermission(
    auth,
    'content.edit',
    'Chỉ biên tập viên cấp tỉnh (bộ) được sửa hướng dẫn và câu hỏi thường gặp',
  );
}

async function checkProcedures(db: Executor, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const found = new Set(
    (await db.selectFrom('procedures').select('code').where('code', 'in', codes).execute()).map(
      (r) => r.code,
    ),
  );
  const missing = codes.findIndex((c) => !found.has(c));
  if (missing >= 0)
    throw new ValidationError([
      {
        field: `body.procedureCodes.${missing}`,
        message: `Không có thủ tục mã "${codes[missing]}" trong danh mục`,
      },
    ]);
}

function columns(input: GuideInput) {
  return {
    slug: input.slug,
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    body: input.body,
    procedure_codes: [...new Set(input.procedureCodes)],
    sort_order: input.sortOrder,
    published: input.published,
  };
}

function slugTaken(slug: string): ConflictError {
  return new ConflictError(`Đường dẫn (slug) "${slug}" đã được dùng cho bài khác`, 'guide_slug_exists');
}

function view(r: Selectable<GuidesTable>): GuideView {
  return {
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    body: r.body,
    procedureCodes: r.procedure_codes,
    sortOrder: r.sort_order,
    published: r.published,
    updatedAt: r.updated_at.toISOString(),
  };
}
