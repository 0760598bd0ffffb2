import type { EformDefinition, EformField } from '../../../src/domain/eform.ts';
import type { SignedIn } from '../../lib/auth.server.ts';

/**
 * What the applicant declared in the dossier's e-form, as label/value lines for "Hồ sơ của tôi"
 * (so that a change made before receipt can be seen): choices and catalog codes by their names,
 * dates as DD/MM/YYYY, ticks as Có/Không; files are listed with the dossier's files, not here.
 */

export interface FormLine {
  label: string;
  value: string;
}

const isoToVn = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v.split('-').reverse().join('/') : v);

export async function formSummary(
  w: SignedIn,
  def: EformDefinition,
  data: Record<string, unknown>,
  words: { yes: string; no: string; item: (label: string, n: number) => string },
): Promise<FormLine[]> {
  const codes: { catalog: string; code: string }[] = [];
  const lines: { label: string; value: string; catalog?: string }[] = [];
  const walk = (fields: readonly EformField[], item: Record<string, unknown>, prefix: string) => {
    for (const f of fields) {
      const v = item[f.key];
      const label = `${prefix}${f.label}`;
      if (f.type === 'file') continue;
      if (f.type === 'group') {
        (Array.isArray(v) ? v : []).forEach((x, i) => {
          if (x && typeof x === 'object')
            walk(f.fields, x as Record<string, unknown>, `${words.item(f.itemLabel ?? f.label, i + 1)}: `);
        });
      } else if (f.type === 'checkbox') lines.push({ label, value: v === true ? words.yes : words.no });
      else if (f.type === 'choice') {
        const picked = Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
        const named = picked.map((p) => f.options.find((o) => o.value === p)?.label ?? p);
        if (named.length) lines.push({ label, value: named.join(', ') });
      } else if (f.type === 'catalog') {
        if (typeof v === 'string' && v) {
          codes.push({ catalog: f.catalog, code: v });
          lines.push({ label, value: v, catalog: f.catalog });
        }
      } else if (typeof v === 'string' && v) lines.push({ label, value: isoToVn(v) });
      else if (typeof v === 'number') lines.push({ label, value: String(v) });
    }
  };
  for (const s of def.sections) walk(s.fields, data, '');
  const names = new Map<string, string>();
  if (codes.length) {
    const rows = await w.services.database.db
      .selectFrom('catalog_items')
      .select(['catalog', 'code', 'name'])
      .where((eb) =>
        eb.or(codes.map((c) => eb.and([eb('catalog', '=', c.catalog), eb('code', '=', c.code)]))),
      )
      .execute();
    for (const r of rows) names.set(`${r.catalog}:${r.code}`, r.name);
  }
  return lines.map((l) => ({
    label: l.label,
    value: l.catalog ? (names.get(`${l.catalog}:${l.value}`) ?? l.value) : l.value,
  }));
}
