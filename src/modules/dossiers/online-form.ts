import { vietnamDay } from '../../domain/dossier-code.ts';
import type { EformDefinition, EformField } from '../../domain/eform.ts';
import { checkEformData } from '../../domain/eform-validate.ts';
import type { Executor, Tx } from '../../db/tx.ts';
import { ValidationError } from '../../errors.ts';
import { defaultEform } from '../eforms/default.ts';

/**
 * The e-form an online dossier is checked against (III.1.1, III.4.2): the procedure's current version,
 * or the built-in default (version 0) until an editor saves one.
 */
export async function currentEform(
  db: Executor,
  procedure: { id: string; name: string },
): Promise<{ version: number; definition: EformDefinition }> {
  const row = await db
    .selectFrom('eform_versions')
    .select(['version', 'definition'])
    .where('procedure_id', '=', procedure.id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { version: 0, definition: defaultEform(procedure.name) };
  return { version: row.version, definition: row.definition as unknown as EformDefinition };
}

const key = (catalog: string, code: string) => `${catalog}\u0000${code}`;

/**
 * Checks what the applicant filled in against the form: every problem at once (400, fields named
 * `formData.x`), else the cleaned values. Catalog codes (province, commune with its parent…) are
 * looked up in one query: a first pass collects them, the second checks them.
 */
export async function checkOnlineForm(
  db: Executor,
  definition: EformDefinition,
  data: Record<string, unknown>,
  now: Date,
): Promise<Record<string, unknown>> {
  const today = vietnamDay(now);
  const wanted = new Map<string, { catalog: string; code: string }>();
  checkEformData(definition, data, {
    today,
    isCatalogCode: (catalog, code) => {
      wanted.set(key(catalog, code), { catalog, code });
      return true;
    },
  });
  const known = new Map<string, string | null>();
  if (wanted.size) {
    const rows = await db
      .selectFrom('catalog_items')
      .select(['catalog', 'code', 'parent_code'])
      .where('active', '=', true)
      .where((eb) =>
        eb.or(
          [...wanted.values()].map((w) => eb.and([eb('catalog', '=', w.catalog), eb('code', '=', w.code)])),
        ),
      )
      .execute();
    for (const r of rows) known.set(key(r.catalog, r.code), r.parent_code);
  }
  const { values, problems } = checkEformData(definition, data, {
    today,
    isCatalogCode: (catalog, code, parent) => {
      const k = key(catalog, code);
      if (!known.has(k)) return false;
      return parent === null || known.get(k) === parent;
    },
  });
  if (problems.length) throw new ValidationError(problems, 'Tờ khai còn thông tin chưa hợp lệ');
  return values;
}

/** Every file id the cleaned form data holds, with its field's path ("formData.thanhVien[0].giayTo"). */
export function formFiles(
  definition: EformDefinition,
  values: Record<string, unknown>,
): { field: string; id: string }[] {
  const out: { field: string; id: string }[] = [];
  const walk = (fields: readonly EformField[], data: Record<string, unknown>, path: string) => {
    for (const f of fields) {
      const v = data[f.key];
      if (f.type === 'file' && Array.isArray(v))
        for (const id of v) if (typeof id === 'string') out.push({ field: `${path}${f.key}`, id });
      if (f.type === 'group' && Array.isArray(v))
        v.forEach((item: unknown, i) => {
          if (item && typeof item === 'object')
            walk(f.fields, item as Record<string, unknown>, `${path}${f.key}[${i}].`);
        });
    }
  };
  for (const s of definition.sections) walk(s.fields, values, 'formData.');
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Attaches the files named only inside the form data (file fields, also inside repeating groups),
 * like `fileIds`: each must be an upload of the caller not yet attached, else a 400 naming its field.
 */
export async function attachFormFiles(
  trx: Tx,
  dossierId: string,
  uploaderId: string,
  files: readonly { field: string; id: string }[],
): Promise<string[]> {
  if (files.length === 0) return [];
  const ids = [...new Set(files.map((f) => f.id).filter((id) => UUID.test(id)))];
  const free = new Set(
    ids.length
      ? (
          await trx
            .selectFrom('dossier_files')
            .select('id')
            .where('id', 'in', ids)
            .where('dossier_id', 'is', null)
            .where('uploaded_by', '=', uploaderId)
            .forUpdate()
            .execute()
        ).map((r) => r.id)
      : [],
  );
  const problems = files
    .filter((f) => !free.has(f.id))
    .map((f) => ({
      field: f.field,
      message: `Tệp đính kèm (${f.field}) không tồn tại, đã được đính kèm hoặc không do bạn tải lên`,
    }));
  if (problems.length) throw new ValidationError(problems, 'Tờ khai còn thông tin chưa hợp lệ');
  await trx
    .updateTable('dossier_files')
    .set({ dossier_id: dossierId, kind: 'component' })
    .where('id', 'in', [...free])
    .execute();
  return [...free];
}
