import { useT } from '../../i18n/index.ts';
import type { EformCondition, EformField } from '../../../src/domain/eform.ts';
import { CheckboxField, CheckboxGroup } from '../../components/CheckboxField.tsx';
import { CheckedFileInput, formatSize } from '../../components/CheckedFileInput.tsx';
import { describedBy, Field, FieldFrame, fieldId } from '../../components/Field.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import type { FieldErrors } from '../../lib/errors.ts';
import { countName, filesName, filesOf, itemCount, itemName, pickedOf } from './submit-values.ts';
import type { FlatValues } from './submit-values.ts';
import { ReuseDocuments } from './ReuseDocuments.tsx';
import type { StoredDocument } from './ReuseDocuments.tsx';

/**
 * The controls of an e-form (III.1.2): label, inline help, required mark, the message next to the
 * field; catalog selects, repeating groups with "add"/"remove" submit buttons (work without
 * JavaScript) and conditional fields (hidden with JavaScript, shown with a note without it).
 */
interface Props {
  fields: readonly EformField[];
  prefix: string;
  values: FlatValues;
  errors: FieldErrors;
  options: Record<string, { value: string; label: string }[]>;
  /** Whether a condition holds; undefined without JavaScript (every field shown, with its note). */
  visible?: ((cond: EformCondition, scope: string) => boolean) | undefined;
  all: readonly EformField[];
  /** The applicant's stored documents, offered under every file field. */
  documents?: readonly StoredDocument[] | undefined;
}

export function EformFields({ fields, prefix, values, errors, options, visible, all, documents }: Props) {
  const t = useT();
  return (
    <>
      {fields.map((f) => {
        const name = `${prefix}${f.key}`;
        const cond = f.visibleWhen;
        if (cond && visible && !visible(cond, prefix)) return null;
        const other = cond ? [...fields, ...all].find((x) => x.key === cond.field) : undefined;
        const note =
          cond && !visible
            ? t('sb.condition', {
                label: other?.label ?? cond.field,
                values: cond.in
                  .map((v) =>
                    other?.type === 'checkbox'
                      ? t(v === 'true' ? 'sb.yes' : 'sb.no')
                      : other?.type === 'choice'
                        ? (other.options.find((o) => o.value === v)?.label ?? v)
                        : v,
                  )
                  .join(', '),
              })
            : undefined;
        const hint = [f.help, note].filter(Boolean).join('. ') || undefined;
        const common = { name, label: f.label, hint, error: errors[name], required: f.required };
        switch (f.type) {
          case 'textarea':
            return <TextAreaField key={name} {...common} defaultValue={values[name]} />;
          case 'choice':
            // Several answers: one checkbox per option; the flat value keeps them one per line.
            return f.multiple ? (
              <CheckboxGroup
                key={name}
                name={name}
                legend={f.label}
                hint={hint}
                error={errors[name]}
                options={f.options}
                checked={pickedOf(values, name)}
              />
            ) : (
              <SelectField
                key={name}
                {...common}
                options={f.options}
                placeholder={t('sb.choose')}
                defaultValue={values[name]}
              />
            );
          case 'catalog':
            return (
              <div key={name}>
                <SelectField
                  {...common}
                  options={options[name] ?? []}
                  placeholder={t('sb.choose')}
                  defaultValue={values[name]}
                />
                {all.some((x) => x.type === 'catalog' && x.parentField === f.key) ? (
                  <button type="submit" name="intent" value="refresh" className="button button-secondary">
                    {t('sb.refresh')}
                  </button>
                ) : null}
              </div>
            );
          case 'checkbox':
            return (
              <CheckboxField
                key={name}
                name={name}
                label={f.label}
                hint={hint}
                error={errors[name]}
                defaultChecked={values[name] === 'on'}
              />
            );
          case 'file': {
            const kept = filesOf(values, name);
            const limits = t('sb.file', {
              size: formatSize(f.maxBytes),
              ext: f.extensions.map((x) => x.toUpperCase()).join(', '),
            });
            return (
              <FieldFrame key={name} {...common} hint={[hint, limits].filter(Boolean).join('. ')}>
                <input type="hidden" name={filesName(name)} value={JSON.stringify(kept)} />
                {kept.length ? (
                  <ul className="file-list">
                    {kept.map((x) => (
                      <li key={x.id}>
                        {x.name}{' '}
                        <button
                          type="submit"
                          name="intent"
                          value={`unfile:${name}:${x.id}`}
                          className="button button-link"
                        >
                          {t('sb.unfile', { name: x.name })}
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <CheckedFileInput
                  id={fieldId(name)}
                  name={name}
                  maxBytes={f.maxBytes}
                  extensions={f.extensions}
                  multiple={(f.maxFiles ?? 1) > 1}
                  invalid={Boolean(errors[name])}
                  describedBy={describedBy(fieldId(name), 'hint', errors[name])}
                />
                <ReuseDocuments name={name} field={f} documents={documents ?? []} kept={kept} />
              </FieldFrame>
            );
          }
          case 'group': {
            const n = itemCount(f, values, name);
            const label = f.itemLabel ?? f.label;
            return (
              <fieldset key={name} className="fieldset" id={`f-${name}`}>
                <legend>{f.label}</legend>
                {f.help ? <p className="field-hint">{f.help}</p> : null}
                {errors[name] ? <p className="field-message">{errors[name]}</p> : null}
                <input type="hidden" name={countName(name)} value={n} />
                {Array.from({ length: n }, (_, i) => (
                  <fieldset key={i} className="fieldset">
                    <legend>{t('sb.item', { label, n: i + 1 })}</legend>
                    <EformFields
                      fields={f.fields}
                      prefix={itemName(name, i, '')}
                      values={values}
                      errors={errors}
                      options={options}
                      visible={visible}
                      all={all}
                      documents={documents}
                    />
                    <button
                      type="submit"
                      name="intent"
                      value={`remove:${name}:${i}`}
                      className="button button-secondary"
                    >
                      {t('sb.remove', { label, n: i + 1 })}
                    </button>
                  </fieldset>
                ))}
                {n < (f.maxItems ?? 50) ? (
                  <button
                    type="submit"
                    name="intent"
                    value={`add:${name}`}
                    className="button button-secondary"
                  >
                    {t('sb.add', { label })}
                  </button>
                ) : null}
              </fieldset>
            );
          }
          case 'text':
          case 'number':
          case 'date':
          case 'id_number':
          case 'phone':
          case 'email':
            return (
              <Field
                key={name}
                {...common}
                defaultValue={values[name]}
                type={f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : 'text'}
                inputMode={f.type === 'number' || f.type === 'id_number' ? 'numeric' : undefined}
              />
            );
        }
      })}
    </>
  );
}
