import type { EformDefinition, EformField } from '../../../../src/domain/eform.ts';
import { useT } from '../../../i18n/index.ts';
import { EformFields } from '../../submit/EformFields.tsx';

/**
 * The draft made drawable while it is unfinished: the portal's controls are keyed by field key and
 * option value, so a key or value typed twice (or not yet) would confuse React; the preview shows such
 * fields under a numbered key and leaves out options without a value of their own.
 */
function drawable(def: EformDefinition): EformDefinition {
  const fix = (fields: readonly EformField[]): EformField[] => {
    const seen = new Set<string>();
    return fields.map((f, i) => {
      const key = f.key && !seen.has(f.key) ? f.key : `${f.key}_${i + 1}`;
      seen.add(key);
      if (f.type === 'group') return { ...f, key, fields: fix(f.fields) };
      if (f.type === 'choice')
        return {
          ...f,
          key,
          options: f.options.filter(
            (o, j, all) => o.value && all.findIndex((x) => x.value === o.value) === j,
          ),
        };
      return { ...f, key };
    });
  };
  return { ...def, sections: def.sections.map((s) => ({ ...s, fields: fix(s.fields) })) };
}

/**
 * The form as the citizen will see it on /nop-ho-so/:code, drawn from the draft by the portal's own
 * component. It sits outside the designer's form, so its buttons post nothing; its controls are named
 * under `prefix` so their ids never clash with the designer's.
 */
export function Preview({
  definition,
  prefix,
  title,
  id,
  catalogItems,
}: {
  /** The items of each catalog without a parent, for the catalog fields' selects. */
  catalogItems: Readonly<Record<string, { value: string; label: string }[]>>;
  definition: EformDefinition;
  prefix: string;
  title: string;
  id: string;
}) {
  const t = useT();
  const def = drawable(definition);
  const all = def.sections.flatMap((s) => s.fields);
  const options = Object.fromEntries(
    def.sections.flatMap((s, i) =>
      s.fields.flatMap((f) =>
        f.type === 'catalog' && !f.parentField
          ? [[`${prefix}${i}.${f.key}`, catalogItems[f.catalog] ?? []]]
          : [],
      ),
    ),
  );
  return (
    <section className="ed-preview" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      <p className="field-hint">{t('ed.previewHint')}</p>
      <p className="ed-preview-title">{def.title}</p>
      {def.sections.map((s, i) => (
        <fieldset key={i} className="fieldset">
          <legend>{s.title}</legend>
          <EformFields
            fields={s.fields}
            prefix={`${prefix}${i}.`}
            values={{}}
            errors={{}}
            options={options}
            visible={undefined}
            all={all}
          />
        </fieldset>
      ))}
    </section>
  );
}
