import { vietnamDay } from '../../domain/dossier-code.ts';
import type { EformDefinition } from '../../domain/eform.ts';
import { checkEformData } from '../../domain/eform-validate.ts';
import type { Executor } from '../../db/tx.ts';
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
