import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../db/tx.ts';
import type { CatalogItemsTable, CatalogsTable } from '../../db/types.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import { assertTopLevelPermission } from './global-admin.ts';
import type {
  CatalogExport,
  CatalogItemView,
  CatalogSummary,
  CatalogView,
  CreateItem,
  ListItemsQuery,
  UpdateItem,
} from './schema.ts';
import { escapeLike } from '../../domain/text.ts';

type CatalogRow = Selectable<CatalogsTable>;
type ItemRow = Omit<Selectable<CatalogItemsTable>, 'search'>;

const ITEM_COLUMNS = [
  'catalog',
  'code',
  'name',
  'parent_code',
  'extra',
  'sort_order',
  'active',
  'updated_at',
] as const;

/**
 * Shared catalogs (danh mục dùng chung, II.16): public reading with diacritic-free search and keyset
 * pagination, export for synchronisation (II.16.1), and administration of items (II.16.2).
 *
 * Catalogs are global, not partitioned by agency: changing them needs `catalogs.manage` granted at a
 * top-level agency (the province or ministry at the root of the tree), so a commune administrator,
 * who holds the same role in a commune, cannot rewrite the province's list of communes.
 */
export class CatalogsService {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.database.db;
  }

  /** Every catalog with how many items it holds (in use / in total). */
  async listCatalogs(): Promise<CatalogSummary[]> {
    const counts = this.db
      .selectFrom('catalog_items')
      .select([
        'catalog',
        sql<number>`count(*) filter (where active)::int`.as('count'),
        sql<number>`count(*)::int`.as('total'),
      ])
      .groupBy('catalog')
      .as('n');
    const rows = await this.db
      .selectFrom('catalogs as c')
      .leftJoin(counts, 'n.catalog', 'c.code')
      .selectAll('c')
      .select([sql<number>`coalesce(n.count, 0)`.as('count'), sql<number>`coalesce(n.total, 0)`.as('total')])
      .orderBy('c.sort_order')
      .orderBy('c.code')
      .execute();
    return rows.map((r) => ({ ...catalogView(r), count: r.count, total: r.total }));
  }

  async getCatalog(catalog: string): Promise<CatalogView> {
    return catalogView(await this.findCatalog(this.db, catalog));
  }

  /**
   * One page of items ordered by (sort_order, code). `q` matches every word, without diacritics,
   * against code and name ("hac thanh" finds "Phường Hạc Thành"); `parent` filters children.
   */
  async listItems(
    catalog: string,
    query: ListItemsQuery,
  ): Promise<{ catalog: CatalogView; items: CatalogItemView[]; next: string | null }> {
    const cat = await this.findCatalog(this.db, catalog);
    let q = this.db.selectFrom('catalog_items').select(ITEM_COLUMNS).where('catalog', '=', catalog);
    if (query.includeInactive !== 'true') q = q.where('active', '=', true);
    if (query.parent) q = q.where('parent_code', '=', query.parent);
    for (const word of searchWords(query.q)) {
      q = q.where(sql<boolean>`search like '%' || vn_fold(${escapeLike(word)}) || '%'`);
    }
    if (query.after) {
      const [sort, code] = decodeCursor(query.after);
      q = q.where((eb) =>
        eb.or([eb('sort_order', '>', sort), eb.and([eb('sort_order', '=', sort), eb('code', '>', code)])]),
      );
    }
    const rows = await q
      .orderBy('sort_order')
      .orderBy('code')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      catalog: catalogView(cat),
      items: page.map(itemView),
      next: rows.length > query.limit && last ? encodeCursor(last.sort_order, last.code) : null,
    };
  }

  /** One item, retired ones included (old dossiers still refer to them). */
  async getItem(catalog: string, code: string): Promise<CatalogItemView> {
    const cat = await this.findCatalog(this.db, catalog);
    const row = await this.db
      .selectFrom('catalog_items')
      .select(ITEM_COLUMNS)
      .where('catalog', '=', catalog)
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`Không có mục mã "${code}" trong danh mục ${cat.name}`);
    return itemView(row);
  }

  /** The whole catalog (retired items included, flagged), or what changed since a moment, for partners. */
  async exportCatalog(catalog: string, updatedSince?: string): Promise<CatalogExport> {
    const cat = await this.findCatalog(this.db, catalog);
    let q = this.db.selectFrom('catalog_items').select(ITEM_COLUMNS).where('catalog', '=', catalog);
    if (updatedSince) q = q.where('updated_at', '>', new Date(updatedSince));
    const rows = await q.orderBy('sort_order').orderBy('code').execute();
    return {
      catalog: catalogView(cat),
      exportedAt: new Date().toISOString(),
      updatedSince: updatedSince ?? null,
      items: rows.map(itemView),
    };
  }

  async createItem(
    auth: AuthContext | undefined,
    actor: Actor,
    catalog: string,
    input: CreateItem,
  ): Promise<CatalogItemView> {
    assertCatalogAdmin(auth);
    return this.db.transaction().execute(async (trx) => {
      const cat = await this.findCatalog(trx, catalog, true);
      if (cat.code_pattern && !new RegExp(cat.code_pattern).test(input.code)) {
        throw new ValidationError([
          {
            field: 'body.code',
            message: `Mã mục (code) không đúng định dạng của danh mục ${cat.name} (mẫu ${cat.code_pattern})`,
          },
        ]);
      }
      const clash = await trx
        .selectFrom('catalog_items')
        .select('active')
        .where('catalog', '=', catalog)
        .where('code', '=', input.code)
        .executeTakeFirst();
      if (clash) throw duplicate(cat, input.code, clash.active);
      const parentCode = await checkParent(trx, cat, input.parentCode ?? null);
      const sortOrder =
        input.sortOrder ??
        (
          await trx
            .selectFrom('catalog_items')
            .select(sql<number>`coalesce(max(sort_order), 0) + 1`.as('next'))
            .where('catalog', '=', catalog)
            .executeTakeFirstOrThrow()
        ).next;
      const row = await trx
        .insertInto('catalog_items')
        .values({
          catalog,
          code: input.code,
          name: input.name,
          parent_code: parentCode,
          extra: JSON.stringify(input.extra ?? {}),
          sort_order: sortOrder,
        })
        .returning(ITEM_COLUMNS)
        .executeTakeFirstOrThrow()
        .catch((err: unknown) => {
          // A concurrent insert of the same code between our check and our insert.
          if ((err as { code?: string }).code === '23505') throw duplicate(cat, input.code, true);
          throw err;
        });
      await bumpVersion(trx, catalog);
      const view = itemView(row);
      await appendAudit(trx, actor, {
        action: 'catalog_item.create',
        entityType: 'catalog_item',
        entityId: `${catalog}/${input.code}`,
        after: auditShape(view),
      });
      return view;
    });
  }

  async updateItem(
    auth: AuthContext | undefined,
    actor: Actor,
    catalog: string,
    code: string,
    patch: UpdateItem,
  ): Promise<CatalogItemView> {
    assertCatalogAdmin(auth);
    return this.db.transaction().execute(async (trx) => {
      const cat = await this.findCatalog(trx, catalog, true);
      const before = await this.lockItem(trx, cat, code);
      const changes: Partial<Pick<ItemRow, 'name' | 'parent_code' | 'sort_order' | 'active'>> & {
        extra?: string;
      } = {};
      if (patch.name !== undefined && patch.name !== before.name) changes.name = patch.name;
      if (patch.parentCode !== undefined && patch.parentCode !== before.parent_code)
        changes.parent_code = await checkParent(trx, cat, patch.parentCode);
      if (patch.extra !== undefined && JSON.stringify(patch.extra) !== JSON.stringify(before.extra))
        changes.extra = JSON.stringify(patch.extra);
      if (patch.sortOrder !== undefined && patch.sortOrder !== before.sort_order)
        changes.sort_order = patch.sortOrder;
      if (patch.active !== undefined && patch.active !== before.active) changes.active = patch.active;
      if (Object.keys(changes).length === 0) return itemView(before);
      const row = await trx
        .updateTable('catalog_items')
        .set({ ...changes, updated_at: new Date() })
        .where('catalog', '=', catalog)
        .where('code', '=', code)
        .returning(ITEM_COLUMNS)
        .executeTakeFirstOrThrow();
      await bumpVersion(trx, catalog);
      const view = itemView(row);
      await appendAudit(trx, actor, {
        action: 'catalog_item.update',
        entityType: 'catalog_item',
        entityId: `${catalog}/${code}`,
        ...diff(auditShape(itemView(before)), auditShape(view)),
      });
      return view;
    });
  }

  /** Retires an item: it stays readable (old records refer to it) but is no longer offered. */
  async deactivateItem(
    auth: AuthContext | undefined,
    actor: Actor,
    catalog: string,
    code: string,
  ): Promise<CatalogItemView> {
    assertCatalogAdmin(auth);
    return this.db.transaction().execute(async (trx) => {
      const cat = await this.findCatalog(trx, catalog, true);
      const before = await this.lockItem(trx, cat, code);
      if (!before.active) return itemView(before);
      const row = await trx
        .updateTable('catalog_items')
        .set({ active: false, updated_at: new Date() })
        .where('catalog', '=', catalog)
        .where('code', '=', code)
        .returning(ITEM_COLUMNS)
        .executeTakeFirstOrThrow();
      await bumpVersion(trx, catalog);
      await appendAudit(trx, actor, {
        action: 'catalog_item.deactivate',
        entityType: 'catalog_item',
        entityId: `${catalog}/${code}`,
        before: { active: true },
        after: { active: false, name: row.name },
      });
      return itemView(row);
    });
  }

  /** The catalog definition; locked when a change follows, so versions are bumped one at a time. */
  private async findCatalog(db: Executor, catalog: string, lock = false): Promise<CatalogRow> {
    let q = db.selectFrom('catalogs').selectAll().where('code', '=', catalog);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new NotFoundError(`Không có danh mục "${catalog}"`);
    return row;
  }

  private async lockItem(trx: Tx, cat: CatalogRow, code: string): Promise<ItemRow> {
    const row = await trx
      .selectFrom('catalog_items')
      .select(ITEM_COLUMNS)
      .where('catalog', '=', cat.code)
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`Không có mục mã "${code}" trong danh mục ${cat.name}`);
    return row;
  }
}

/** Throws unless the caller may change shared catalogs: `catalogs.manage` on a top-level agency. */
export function assertCatalogAdmin(auth: AuthContext | undefined): void {
  assertTopLevelPermission(
    auth,
    'catalogs.manage',
    'Chỉ quản trị viên của cơ quan cấp cao nhất (tỉnh, bộ) được thay đổi danh mục dùng chung',
  );
}

async function checkParent(trx: Tx, cat: CatalogRow, parentCode: string | null): Promise<string | null> {
  if (!cat.parent_catalog) {
    if (parentCode !== null)
      throw new ValidationError([
        {
          field: 'body.parentCode',
          message: `Danh mục ${cat.name} không phân cấp: bỏ trống mã mục cha (parentCode)`,
        },
      ]);
    return null;
  }
  if (parentCode === null) {
    throw new ValidationError([
      {
        field: 'body.parentCode',
        message: `Mã mục cha (parentCode) là bắt buộc: mỗi mục của danh mục ${cat.name} thuộc một mục của danh mục "${cat.parent_catalog}"`,
      },
    ]);
  }
  const parent = await trx
    .selectFrom('catalog_items')
    .select('code')
    .where('catalog', '=', cat.parent_catalog)
    .where('code', '=', parentCode)
    .executeTakeFirst();
  if (!parent)
    throw new ValidationError([
      {
        field: 'body.parentCode',
        message: `Mã mục cha (parentCode) "${parentCode}" không có trong danh mục "${cat.parent_catalog}"`,
      },
    ]);
  return parentCode;
}

async function bumpVersion(trx: Tx, catalog: string): Promise<void> {
  await trx
    .updateTable('catalogs')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('code', '=', catalog)
    .execute();
}

function duplicate(cat: CatalogRow, code: string, active: boolean): ConflictError {
  return new ConflictError(
    `Mã "${code}" đã có trong danh mục ${cat.name}${active ? '' : ' (mục đang ngừng sử dụng: hãy cập nhật active = true thay vì thêm mới)'}`,
    'catalog_item_exists',
  );
}

function catalogView(r: CatalogRow): CatalogView {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    description: r.description,
    source: r.source,
    parentCatalog: r.parent_catalog,
    codePattern: r.code_pattern,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

function itemView(r: ItemRow): CatalogItemView {
  return {
    catalog: r.catalog,
    code: r.code,
    name: r.name,
    parentCode: r.parent_code,
    extra: r.extra,
    sortOrder: r.sort_order,
    active: r.active,
    updatedAt: r.updated_at.toISOString(),
  };
}

function auditShape(v: CatalogItemView): Record<string, unknown> {
  return { name: v.name, parentCode: v.parentCode, extra: v.extra, sortOrder: v.sortOrder, active: v.active };
}

/** Only the fields that changed, before and after. */
function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return q.normalize('NFC').split(/\s+/).filter(Boolean).slice(0, 8);
}

/** Opaque keyset cursor: the (sort_order, code) of the last row of the page. */
export function encodeCursor(sortOrder: number, code: string): string {
  return Buffer.from(JSON.stringify([sortOrder, code])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && typeof v[1] === 'string')
      return [v[0] as number, v[1]];
  } catch {
    // fall through
  }
  throw new ValidationError([
    {
      field: 'querystring.after',
      message: 'Con trỏ phân trang (after) không hợp lệ: dùng giá trị "next" của trang trước',
    },
  ]);
}
