import type { EformField } from '../../../../src/domain/eform.ts';
import { EFORM_FIELD_TYPES, EFORM_PREFILLS } from '../../../../src/domain/eform.ts';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import type { SelectOption } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { TextArea, TextInput } from '../thu-tuc/inputs.tsx';
import { sizeInput } from './panel-values.ts';
import { PREFILL_KEYS, TYPE_KEYS } from './words.ts';

interface Props {
  field: EformField;
  /** The id of the field's row: without JavaScript, the page answering a button opens there. */
  rowId: string;
  /** Keys of the fields a condition or a parent field may refer to (not this one). */
  others: readonly SelectOption[];
  catalogs: readonly SelectOption[];
  errors: FieldErrors;
}

const str = (n: number | undefined) => (n === undefined ? '' : String(n));

/**
 * The properties of the field being edited ("p.<property>" inputs, read by panel-values.ts): what
 * every field has, then what its type has. Without JavaScript "Áp dụng" (or any other button) applies
 * them; with it they apply as they are typed.
 */
export function FieldPanel({ field: f, rowId, others, catalogs, errors }: Props) {
  const t = useT();
  const name = f.label.trim() || f.key;
  const input = (prop: string, label: string, value: string | undefined, hint?: string) => (
    <TextInput
      name={`p.${prop}`}
      label={label}
      hint={hint}
      defaultValue={value ?? ''}
      error={errors[`p.${prop}`]}
      inputMode={/^(min|max)/.test(prop) ? 'numeric' : undefined}
    />
  );
  const check = (prop: string, label: string, value: boolean | undefined) => (
    <CheckboxField name={`p.${prop}`} label={label} defaultChecked={value === true} />
  );
  return (
    <div className="ed-panel" role="group" aria-labelledby="ed-panel-title" data-testid="field-panel">
      <h3 id="ed-panel-title">{t('ed.panelTitle', { name })}</h3>
      <SelectField
        name="p.type"
        label={t('ed.p.type')}
        hint={t('ed.p.typeHint')}
        options={EFORM_FIELD_TYPES.map((x) => ({ value: x, label: t(TYPE_KEYS[x]) }))}
        defaultValue={f.type}
        markOptional={false}
      />
      {input('key', t('ed.p.key'), f.key, t('ed.p.keyHint'))}
      {input('label', t('ed.p.label'), f.label)}
      <TextArea name="p.help" label={t('ed.p.help')} defaultValue={f.help ?? ''} />
      {check('required', t('ed.p.required'), f.required)}
      {f.type === 'text' || f.type === 'textarea' ? (
        <div className="ed-pair">
          {input('minLength', t('ed.p.minLength'), str(f.minLength))}
          {input('maxLength', t('ed.p.maxLength'), str(f.maxLength))}
          {input('pattern', t('ed.p.pattern'), f.pattern, t('ed.p.patternHint'))}
          {input('patternHint', t('ed.p.patternMessage'), f.patternHint)}
        </div>
      ) : null}
      {f.type === 'number' ? (
        <div className="ed-pair">
          {input('min', t('ed.p.min'), str(f.min))}
          {input('max', t('ed.p.max'), str(f.max))}
          {check('integer', t('ed.p.integer'), f.integer)}
        </div>
      ) : null}
      {f.type === 'date' ? (
        <>
          {check('notFuture', t('ed.p.notFuture'), f.notFuture)}
          {check('notPast', t('ed.p.notPast'), f.notPast)}
        </>
      ) : null}
      {f.type === 'choice' ? (
        <fieldset className="fieldset" data-testid="options">
          <legend>{t('ed.p.options')}</legend>
          <input type="hidden" name="p.optionCount" value={f.options.length} />
          {f.options.length === 0 ? <p className="field-hint">{t('ed.p.noOptions')}</p> : null}
          {f.options.map((o, i) => (
            <div className="ed-pair ed-option" key={i}>
              {input(`option.${i}.value`, t('ed.p.optionValue', { n: i + 1 }), o.value)}
              {input(`option.${i}.label`, t('ed.p.optionLabel', { n: i + 1 }), o.label)}
              <button
                type="submit"
                name="intent"
                value={`option-remove:${i}`}
                formAction={`#${rowId}`}
                className="button button-secondary button-small"
              >
                {t('ed.removeOption', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button
            type="submit"
            id="option-add"
            name="intent"
            value="option-add"
            formAction={`#${rowId}`}
            className="button button-secondary button-small"
          >
            {t('ed.addOption')}
          </button>
          {check('multiple', t('ed.p.multiple'), f.multiple)}
        </fieldset>
      ) : null}
      {f.type === 'catalog' ? (
        <>
          <SelectField
            name="p.catalog"
            label={t('ed.p.catalog')}
            options={
              catalogs.some((c) => c.value === f.catalog)
                ? catalogs
                : [...catalogs, { value: f.catalog, label: f.catalog }]
            }
            defaultValue={f.catalog}
            markOptional={false}
          />
          <SelectField
            name="p.parentField"
            label={t('ed.p.parentField')}
            hint={t('ed.p.parentFieldHint')}
            options={others}
            placeholder={t('ed.p.none')}
            defaultValue={f.parentField ?? ''}
            markOptional={false}
          />
        </>
      ) : null}
      {f.type === 'file' ? <FileLimits f={f} input={input} /> : null}
      {f.type === 'group' ? (
        <div className="ed-pair">
          {input('minItems', t('ed.p.minItems'), str(f.minItems))}
          {input('maxItems', t('ed.p.maxItems'), str(f.maxItems))}
          {input('itemLabel', t('ed.p.itemLabel'), f.itemLabel, t('ed.p.itemLabelHint'))}
        </div>
      ) : null}
      <SelectField
        name="p.visibleField"
        label={t('ed.p.visibleField')}
        options={others}
        placeholder={t('ed.p.always')}
        defaultValue={f.visibleWhen?.field ?? ''}
        markOptional={false}
      />
      {input(
        'visibleValues',
        t('ed.p.visibleValues'),
        f.visibleWhen?.in.join(', '),
        t('ed.p.visibleValuesHint'),
      )}
      <SelectField
        name="p.prefill"
        label={t('ed.p.prefill')}
        options={EFORM_PREFILLS.map((x) => ({ value: x, label: t(PREFILL_KEYS[x]) }))}
        placeholder={t('ed.p.none')}
        defaultValue={f.prefill ?? ''}
        markOptional={false}
      />
      <div className="toolbar">
        <button
          type="submit"
          name="intent"
          value="apply"
          formAction={`#${rowId}`}
          className="button button-primary"
        >
          {t('ed.apply')}
        </button>
        <button
          type="submit"
          name="intent"
          value="close"
          formAction={`#${rowId}`}
          className="button button-secondary"
        >
          {t('ed.close')}
        </button>
      </div>
    </div>
  );
}

function FileLimits({
  f,
  input,
}: {
  f: Extract<EformField, { type: 'file' }>;
  input: (prop: string, label: string, value: string | undefined, hint?: string) => React.ReactNode;
}) {
  const t = useT();
  const size = sizeInput(f.maxBytes);
  return (
    <div className="ed-pair">
      {input('maxSize', t('ed.p.maxSize'), size.size)}
      <SelectField
        name="p.sizeUnit"
        label={t('ed.p.sizeUnit')}
        options={[
          { value: 'KB', label: 'KB' },
          { value: 'MB', label: 'MB' },
        ]}
        defaultValue={size.unit}
        markOptional={false}
      />
      {input('extensions', t('ed.p.extensions'), f.extensions.join(', '), t('ed.p.extensionsHint'))}
      {input('maxFiles', t('ed.p.maxFiles'), str(f.maxFiles))}
    </div>
  );
}
