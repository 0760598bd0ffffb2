import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../db/tx.ts';
import type { ProceduresTable } from '../../db/types.ts';
import { applicantKinds, publicationIssues, searchTexts } from '../../domain/procedure.ts';
import type { Channel, ContentIssue, ProcedureContent } from '../../domain/procedure.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { requireScopes } from '../access/authorize.ts';
import type { Actor } from '../audit/audit.ts';
import { assertTopLevelPermission } from '../catalogs/global-admin.ts';
import type { AdminProcedureRow } from './schema.ts';

/** Row access and rules shared by the catalog's use cases (administration, import, publication). */

export type ProcedureRow = Selectable<ProceduresTable>;

/** Editing the catalog: `procedures.edit` at the province or ministry (the catalog is not partitioned). */
export function assertEditor(auth: AuthContext | undefined): void {
  assertTopLevelPermission(
    auth,
    'procedures.edit',
    'Chỉ biên tập viên cấp tỉnh (bộ) được sửa danh mục thủ tục hành chính',
  );
}

/** Publishing (công bố): `procedures.review`, the procedure-control officer, at the top level. */
export function assertReviewer(auth: AuthContext | undefined): void {
  assertTopLevelPermission(
    auth,
    'procedures.review',
    'Chỉ cán bộ kiểm soát thủ tục hành chính cấp tỉnh (bộ) được công bố hoặc ngừng công bố thủ tục',
  );
}

/** Reading drafts: anyone who edits or reviews procedures somewhere. */
export function assertCatalogReader(auth: AuthContext | undefined): void {
  try {
    requireScopes(auth, 'procedures.edit');
  } catch {
    requireScopes(auth, 'procedures.review');
  }
}

export async function lockProcedure(trx: Tx, code: string): Promise<ProcedureRow> {
  const row = await trx
    .selectFrom('procedures')
    .selectAll()
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`Không có thủ tục mã "${code}"`);
  return row;
}

export async function findProcedure(db: Executor, code: string): Promise<ProcedureRow> {
  const row = await db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw new NotFoundError(`Không có thủ tục mã "${code}"`);
  return row;
}

/** Optimistic concurrency: the writer read `version`; someone else's save since then wins. */
export function assertVersion(row: ProcedureRow, version: number): void {
  if (row.version !== version)
    throw new ConflictError(
      `Thủ tục ${row.code} vừa được người khác thay đổi (phiên bản ${row.version}, bạn đang sửa phiên bản ${version}): hãy tải lại và sửa tiếp`,
      'version_conflict',
    );
}

export async function assertFieldUsable(
  db: Executor,
  fieldCode: string,
  path = 'body.content.fieldCode',
): Promise<{ name: string }> {
  const field = await db
    .selectFrom('procedure_fields')
    .select(['name', 'active'])
    .where('code', '=', fieldCode)
    .executeTakeFirst();
  if (!field || !field.active)
    throw new ValidationError([
      { field: path, message: `Lĩnh vực (fieldCode) "${fieldCode}" không có hoặc đã ngừng sử dụng` },
    ]);
  return field;
}

export async function addHistory(
  trx: Tx,
  row: { id: string; version: number },
  action: 'create' | 'update' | 'publish' | 'withdraw' | 'import',
  content: ProcedureContent,
  actor: Actor,
  note: string | null,
): Promise<void> {
  await trx
    .insertInto('procedure_history')
    .values({
      procedure_id: row.id,
      version: row.version,
      action,
      content: JSON.stringify(content),
      actor_id: actor.accountId,
      actor_name: actor.name ?? 'hệ thống',
      note,
    })
    .execute();
}

/** Columns that publishing writes: the published copy and its projection for search and filters. */
export function publishedColumns(code: string, content: ProcedureContent, fieldName: string, actor: Actor) {
  const texts = searchTexts(code, content, fieldName);
  return {
    published: JSON.stringify(content),
    status: 'published' as const,
    has_changes: false,
    pub_name: content.name,
    pub_field_code: content.fieldCode,
    online_level: content.onlineLevel,
    legacy_level: content.legacyLevel,
    applicant_kinds: applicantKinds(content.applicantTypes),
    levels: content.levels,
    search_name: texts.name,
    search_body: texts.body,
    published_at: new Date(),
    published_by: actor.accountId,
  };
}

/** Throws the missing II.1.2 attributes that block publication. */
export function assertPublishable(code: string, content: ProcedureContent): void {
  const issues = publicationIssues(content);
  if (issues.length > 0)
    throw new ValidationError(
      issues.map((i) => ({ field: `content.${i.field}`, message: i.message })),
      `Thủ tục ${code} chưa đủ thông tin để công bố`,
    );
}

export function adminRow(r: ProcedureRow): AdminProcedureRow {
  return {
    code: r.code,
    slug: r.slug,
    name: r.name,
    fieldCode: r.field_code,
    status: r.status,
    hasChanges: r.has_changes,
    flagCount: r.flag_count,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

export function flagsOf(r: ProcedureRow): ContentIssue[] {
  return Array.isArray(r.flags) ? r.flags : [];
}

/** Agencies carrying a procedure out, with their channels, by name. */
export async function agenciesOf(
  db: Executor,
  procedureId: string,
): Promise<{ id: string; code: string; name: string; channels: Channel[] }[]> {
  const rows = await db
    .selectFrom('procedure_agencies as pa')
    .innerJoin('agencies as a', 'a.id', 'pa.agency_id')
    .select(['a.id', 'a.code', 'a.name', 'pa.channels'])
    .where('pa.procedure_id', '=', procedureId)
    .orderBy('a.depth')
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, channels: r.channels as Channel[] }));
}

/** Same content, whatever order jsonb gave the keys back in. */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

export const nowSql = sql<Date>`now()`;
