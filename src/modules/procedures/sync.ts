import type { Insertable } from 'kysely';
import type { Tx } from '../../db/tx.ts';
import type { ProcedureHistoryTable, ProceduresTable } from '../../db/types.ts';
import { procedureSlug, publicationIssues } from '../../domain/procedure.ts';
import type { ContentIssue, ProcedureContent } from '../../domain/procedure.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { ValidationError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import { loadAgencyDirectory, mapAgencies } from './agency-mapping.ts';
import { fromNational, NationalFile, NationalProcedure, toNational } from './dvcqg.ts';
import type { Translated } from './dvcqg.ts';
import type { ImportReport } from './schema.ts';
import { ProcedureContentSchema } from './schema.ts';
import { assertCatalogReader, assertEditor, assertReviewer, publishedColumns, sameContent } from './store.ts';

const CHUNK = 200;
const MAX_PROBLEMS = 100;

/**
 * Synchronisation with the national procedure database (II.1.1, II.1.3): import of LayThuTuc records
 * (all or nothing: one bad record rejects the file, with the record and field named) and export of
 * the catalog in the same shape.
 */
export class ProcedureSync {
  readonly deps: ModuleDeps;

  constructor(deps: ModuleDeps) {
    this.deps = deps;
  }

  async importFile(
    auth: AuthContext | undefined,
    actor: Actor,
    file: unknown,
    opts: { publish: boolean },
  ): Promise<ImportReport> {
    assertEditor(auth);
    if (opts.publish) assertReviewer(auth);
    return this.importTrusted(actor, file, opts);
  }

  /** Import without an authorisation check: for the seed and scheduled synchronisation only. */
  async importTrusted(actor: Actor, file: unknown, opts: { publish: boolean }): Promise<ImportReport> {
    const records = parseFile(file);
    return this.deps.database.db
      .transaction()
      .execute((trx) => writeRecords(trx, actor, records, opts.publish));
  }

  /** The catalog in the national shape: published versions, or working drafts with `drafts`. */
  async exportNational(
    auth: AuthContext | undefined,
    opts: { drafts: boolean },
  ): Promise<{ error_code: string; result: NationalProcedure[] }> {
    assertCatalogReader(auth);
    const db = this.deps.database.db;
    let q = db
      .selectFrom('procedures as p')
      .innerJoin('procedure_fields as f', 'f.code', 'p.field_code')
      .select([
        'p.code',
        'p.content',
        'p.published',
        'f.code as fieldCode',
        'f.name as fieldName',
        'f.national_code as nationalCode',
      ]);
    if (!opts.drafts) q = q.where('p.status', '=', 'published');
    const rows = await q.orderBy('p.code').execute();
    return {
      error_code: '00',
      result: rows.map((r) =>
        toNational(r.code, ProcedureContentSchema.parse(opts.drafts ? r.content : r.published), {
          code: r.fieldCode,
          name: r.fieldName,
          nationalCode: r.nationalCode,
        }),
      ),
    };
  }
}

/** Reads and checks the whole file before anything is written. */
function parseFile(file: unknown): Translated[] {
  const envelope = NationalFile.safeParse(file);
  if (!envelope.success)
    throw new ValidationError([
      {
        field: 'body',
        message: 'Tệp không đúng cấu trúc LayThuTuc: cần {"result": [...]} hoặc một danh sách thủ tục',
      },
    ]);
  const raw = Array.isArray(envelope.data) ? envelope.data : envelope.data.result;
  if (raw.length === 0)
    throw new ValidationError([{ field: 'body.result', message: 'Tệp không có thủ tục nào' }]);
  const problems: { field: string; message: string }[] = [];
  const out: Translated[] = [];
  const seen = new Map<string, number>();
  const slugs = new Map<string, number>();
  raw.forEach((item, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const code = (item as { MATTHC?: unknown } | null)?.MATTHC;
    const where = `result[${i}]${typeof code === 'string' ? ` (${code})` : ''}`;
    const parsed = NationalProcedure.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5))
        problems.push({ field: `${where}.${issue.path.join('.')}`, message: issue.message });
      return;
    }
    const translated = fromNational(parsed.data);
    if (Array.isArray(translated)) {
      for (const p of translated) problems.push({ field: `${where}.${p.field}`, message: p.message });
      return;
    }
    const checked = ProcedureContentSchema.safeParse(translated.content);
    if (!checked.success) {
      for (const issue of checked.error.issues.slice(0, 5))
        problems.push({ field: `${where}.${issue.path.join('.')}`, message: issue.message });
      return;
    }
    const first = seen.get(translated.code);
    if (first !== undefined) {
      problems.push({
        field: `${where}.MATTHC`,
        message: `Mã thủ tục ${translated.code} trùng với bản ghi result[${first}]`,
      });
      return;
    }
    const slug = procedureSlug(checked.data.name, translated.code);
    const sameUrl = slugs.get(slug);
    if (sameUrl !== undefined) {
      problems.push({
        field: `${where}.MATTHC`,
        message: `Mã ${translated.code} và tên thủ tục cho cùng đường dẫn với bản ghi result[${sameUrl}]`,
      });
      return;
    }
    seen.set(translated.code, i);
    slugs.set(slug, i);
    out.push({ ...translated, content: checked.data });
  });
  if (problems.length > 0)
    throw new ValidationError(problems, `Tệp nhập có ${problems.length} lỗi; chưa thủ tục nào được nhập`);
  return out;
}

async function writeRecords(
  trx: Tx,
  actor: Actor,
  records: Translated[],
  publish: boolean,
): Promise<ImportReport> {
  const fieldNames = await ensureFields(trx, records);
  const fieldsCreated = fieldNames.created;
  await ensureFormTemplates(trx, records);
  const dir = await loadAgencyDirectory(trx);
  const report: ImportReport = {
    total: records.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    published: 0,
    leftAsDraft: [],
    flagged: 0,
    fieldsCreated,
  };

  const existing = new Map<
    string,
    {
      id: string;
      content: unknown;
      status: string;
      has_changes: boolean;
      version: number;
      publications: number;
    }
  >();
  for (let i = 0; i < records.length; i += CHUNK) {
    const codes = records.slice(i, i + CHUNK).map((r) => r.code);
    const rows = await trx
      .selectFrom('procedures')
      .select(['id', 'code', 'content', 'status', 'has_changes', 'version', 'publications'])
      .where('code', 'in', codes)
      .forUpdate()
      .execute();
    for (const r of rows) existing.set(r.code, r);
  }

  const inserts: Insertable<ProceduresTable>[] = [];
  const fresh: { rec: Translated; agencyIds: string[] }[] = [];
  for (const rec of records) {
    rec.content.fieldCode = fieldNames.codeFor(rec.field);
    const issues = publicationIssues(rec.content);
    const fieldName = fieldNames.nameOf(rec.content.fieldCode);
    const mapped = mapAgencies(dir, rec.content.agencies.implementing, rec.content.levels);
    const flags: ContentIssue[] = mapped.flag ? [...rec.flags, mapped.flag] : rec.flags;
    if (flags.length > 0) report.flagged += 1;
    const goPublic = publish && issues.length === 0;
    if (publish && !goPublic) report.leftAsDraft.push({ code: rec.code, issues });
    const old = existing.get(rec.code);
    if (!old) {
      inserts.push({
        code: rec.code,
        slug: procedureSlug(rec.content.name, rec.code),
        name: rec.content.name,
        field_code: rec.content.fieldCode,
        content: JSON.stringify(rec.content),
        flags: JSON.stringify(flags),
        flag_count: flags.length,
        source: 'national',
        updated_by: actor.accountId,
        ...(goPublic
          ? { ...publishedColumns(rec.code, rec.content, fieldName, actor), publications: 1 }
          : {}),
      });
      fresh.push({ rec, agencyIds: mapped.ids });
      report.created += 1;
      if (goPublic) report.published += 1;
      continue;
    }
    const changed = !sameContent(old.content, rec.content);
    const needsPublish = goPublic && (changed || old.status !== 'published' || old.has_changes);
    if (!changed && !needsPublish) {
      report.unchanged += 1;
      continue;
    }
    const version = old.version + 1;
    await trx
      .updateTable('procedures')
      .set({
        name: rec.content.name,
        field_code: rec.content.fieldCode,
        content: JSON.stringify(rec.content),
        flags: JSON.stringify(flags),
        flag_count: flags.length,
        has_changes: !needsPublish,
        version,
        updated_at: new Date(),
        updated_by: actor.accountId,
        ...(needsPublish
          ? {
              ...publishedColumns(rec.code, rec.content, fieldName, actor),
              publications: old.publications + 1,
            }
          : {}),
      })
      .where('id', '=', old.id)
      .execute();
    await trx
      .insertInto('procedure_history')
      .values(historyRows(old.id, version, rec.content, actor, needsPublish))
      .execute();
    if (changed) report.updated += 1;
    else report.unchanged += 1;
    if (needsPublish) report.published += 1;
  }

  // A new record whose URL is already another procedure's: refuse the file (the transaction rolls back).
  for (let i = 0; i < inserts.length; i += CHUNK) {
    const batch = inserts.slice(i, i + CHUNK);
    const taken = await trx
      .selectFrom('procedures')
      .select(['code', 'slug'])
      .where(
        'slug',
        'in',
        batch.map((r) => r.slug),
      )
      .execute();
    if (taken.length > 0)
      throw new ValidationError(
        taken.map((t) => ({
          field: `result (${batch.find((r) => r.slug === t.slug)?.code ?? ''}).MATTHC`,
          message: `Mã thủ tục và tên cho cùng đường dẫn với thủ tục đã có mã ${t.code}`,
        })),
        'Tệp nhập có thủ tục trùng đường dẫn với thủ tục đã có; chưa thủ tục nào được nhập',
      );
  }

  for (let i = 0; i < inserts.length; i += CHUNK) {
    const batch = fresh.slice(i, i + CHUNK);
    const ids = await trx
      .insertInto('procedures')
      .values(inserts.slice(i, i + CHUNK))
      .returning(['id', 'code', 'status'])
      .execute();
    const byCode = new Map(ids.map((r) => [r.code, r]));
    const history: Insertable<ProcedureHistoryTable>[] = [];
    const links: { procedure_id: string; agency_id: string; channels: string[] }[] = [];
    for (const { rec, agencyIds } of batch) {
      const row = byCode.get(rec.code);
      if (!row) throw new Error(`insert of ${rec.code} returned no row`);
      history.push(...historyRows(row.id, 1, rec.content, actor, row.status === 'published'));
      const channels = [...new Set(rec.content.channels.map((c) => c.channel))];
      for (const agencyId of agencyIds)
        links.push({
          procedure_id: row.id,
          agency_id: agencyId,
          channels: channels.length ? channels : ['counter'],
        });
    }
    await trx.insertInto('procedure_history').values(history).execute();
    for (let j = 0; j < links.length; j += 2000)
      await trx
        .insertInto('procedure_agencies')
        .values(links.slice(j, j + 2000))
        .execute();
  }

  await appendAudit(trx, actor, {
    action: 'procedure.import',
    entityType: 'procedure',
    entityId: null,
    details: {
      total: report.total,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      published: report.published,
      flagged: report.flagged,
    },
  });
  return report;
}

function historyRows(
  procedureId: string,
  version: number,
  content: ProcedureContent,
  actor: Actor,
  published: boolean,
): Insertable<ProcedureHistoryTable>[] {
  const base = {
    procedure_id: procedureId,
    version,
    content: JSON.stringify(content),
    actor_id: actor.accountId,
    actor_name: actor.name ?? 'hệ thống',
  };
  return [
    { ...base, action: 'import' as const, note: 'Đồng bộ từ Cơ sở dữ liệu quốc gia về thủ tục hành chính' },
    ...(published ? [{ ...base, action: 'publish' as const, note: 'Công bố khi đồng bộ' }] : []),
  ];
}

/** Creates the fields the file names that the catalog lacks; the same name (without diacritics) is the same field. */
async function ensureFields(trx: Tx, records: Translated[]) {
  const rows = await trx.selectFrom('procedure_fields').select(['code', 'name']).execute();
  const byCode = new Map(rows.map((r) => [r.code, r.name]));
  const byName = new Map(rows.map((r) => [foldVietnamese(r.name), r.code]));
  const toCreate = new Map<
    string,
    { code: string; name: string; national_code: string | null; sort_order: number }
  >();
  for (const { field } of records) {
    if (byCode.has(field.code) || byName.has(foldVietnamese(field.name)) || toCreate.has(field.code))
      continue;
    toCreate.set(field.code, {
      code: field.code,
      name: field.name,
      national_code: field.nationalCode,
      sort_order: 0,
    });
  }
  if (toCreate.size > 0)
    await trx
      .insertInto('procedure_fields')
      .values([...toCreate.values()])
      .execute();
  for (const f of toCreate.values()) {
    byCode.set(f.code, f.name);
    byName.set(foldVietnamese(f.name), f.code);
  }
  return {
    created: toCreate.size,
    codeFor: (f: Translated['field']) =>
      byCode.has(f.code) ? f.code : (byName.get(foldVietnamese(f.name)) ?? f.code),
    nameOf: (code: string) => byCode.get(code) ?? code,
  };
}

/** Registers the form templates the components name (without files: an editor uploads them). */
async function ensureFormTemplates(trx: Tx, records: Translated[]): Promise<void> {
  const forms = new Map<string, string>();
  for (const r of records)
    for (const g of r.content.components)
      for (const item of g.items)
        if (item.formCode && item.formName && !forms.has(item.formCode))
          forms.set(item.formCode, item.formName);
  const values = [...forms].map(([code, name]) => ({ code, name }));
  for (let i = 0; i < values.length; i += 500)
    await trx
      .insertInto('form_templates')
      .values(values.slice(i, i + 500))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
}
