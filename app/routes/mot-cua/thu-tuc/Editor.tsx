import { Form, Link } from 'react-router';
import { IMPLEMENTING_LEVELS, ONLINE_LEVELS } from '../../../../src/domain/procedure.ts';
import { CheckboxGroup } from '../../../components/CheckboxField.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { fieldOrder } from './editor-values.ts';
import type { EditorValues } from './editor-values.ts';
import { ChannelsSection, ComponentsSection, PairRows } from './EditorRows.tsx';
import { Select, TextArea, TextInput } from './inputs.tsx';
import { LEVEL_KEYS, ONLINE_KEYS } from './labels.ts';

interface Props {
  mode: 'create' | 'edit';
  values: EditorValues;
  errors: FieldErrors;
  formError?: string | undefined;
  /** The form was refused because someone else saved first: offer a reload. */
  conflict?: boolean | undefined;
  fields: { code: string; name: string }[];
  forms: { code: string; name: string }[];
  /** Where "cancel" goes. */
  back: string;
}

/** One form for every attribute of a procedure (TT 22/2019 II.1.2), usable without knowing its JSON. */
export function ProcedureEditor({
  mode,
  values: v,
  errors,
  formError,
  conflict,
  fields,
  forms,
  back,
}: Props) {
  const t = useT();
  const order = fieldOrder(v);
  const stray = Object.entries(errors)
    .filter(([k]) => !order.includes(k))
    .map(([, m]) => m);
  const whole = [formError, ...stray].filter(Boolean).join(' ');
  const choose = { value: '', label: t('pa.choose') };
  const err = (name: string) => errors[name];
  return (
    <>
      <ErrorSummary errors={errors} order={order} formError={whole || undefined} />
      {conflict ? (
        <p className="notice notice-warning" data-testid="conflict">
          {t('pa.conflictHelp')}{' '}
          <a href={`/mot-cua/thu-tuc/${encodeURIComponent(v.code)}/sua`}>{t('pa.conflictReload')}</a>
        </p>
      ) : null}
      <Form method="post" className="form editor" noValidate>
        <CsrfField />
        <input type="hidden" name="version" value={v.version} />
        {mode === 'edit' ? <input type="hidden" name="code" value={v.code} /> : null}
        <datalist id="form-codes">
          {forms.map((f) => (
            <option key={f.code} value={f.code}>
              {f.name}
            </option>
          ))}
        </datalist>

        <h2>{t('pa.sec.general')}</h2>
        {mode === 'create' ? (
          <TextInput
            name="code"
            label={t('pa.f.code')}
            hint={t('pa.f.codeHint')}
            defaultValue={v.code}
            error={err('code')}
            required
          />
        ) : null}
        <TextArea name="name" label={t('pa.f.name')} defaultValue={v.name} error={err('name')} required />
        <Select
          name="fieldCode"
          label={t('pa.f.field')}
          options={[choose, ...fields.map((f) => ({ value: f.code, label: f.name }))]}
          defaultValue={v.fieldCode}
          error={err('fieldCode')}
          required
        />
        <CheckboxGroup
          name="levels"
          legend={t('pa.f.levels')}
          options={IMPLEMENTING_LEVELS.map((l) => ({ value: l, label: t(LEVEL_KEYS[l]) }))}
          checked={v.levels}
          error={err('levels')}
        />
        <TextArea
          name="applicantTypes"
          label={t('pa.f.applicantTypes')}
          hint={t('pa.f.onePerLine')}
          defaultValue={v.applicantTypes}
          error={err('applicantTypes')}
          rows={3}
        />
        <div className="row-grid">
          <Select
            name="onlineLevel"
            label={t('pa.f.onlineLevel')}
            options={[choose, ...ONLINE_LEVELS.map((l) => ({ value: l, label: t(ONLINE_KEYS[l]) }))]}
            defaultValue={v.onlineLevel}
            error={err('onlineLevel')}
            required
          />
          <Select
            name="legacyLevel"
            label={t('pa.f.legacyLevel')}
            options={[
              choose,
              ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('pa.legacy', { n }) })),
            ]}
            defaultValue={v.legacyLevel}
            error={err('legacyLevel')}
            required
          />
        </div>
        <div className="row-grid">
          <TextInput
            name="procedureType"
            label={t('pa.f.procedureType')}
            defaultValue={v.procedureType}
            error={err('procedureType')}
          />
          <TextInput
            name="decision"
            label={t('pa.f.decision')}
            defaultValue={v.decision}
            error={err('decision')}
          />
          <TextInput
            name="issuingBody"
            label={t('pa.f.issuingBody')}
            defaultValue={v.issuingBody}
            error={err('issuingBody')}
          />
        </div>

        <h2>{t('pa.sec.steps')}</h2>
        <TextArea
          name="steps"
          label={t('pa.f.steps')}
          hint={t('pa.f.stepsHint')}
          defaultValue={v.steps}
          error={err('steps')}
          rows={8}
        />

        <h2>{t('pa.sec.channels')}</h2>
        <ChannelsSection channels={v.channels} errors={errors} />

        <h2>{t('pa.sec.components')}</h2>
        <p className="field-hint">{t('pa.f.componentsHint')}</p>
        <ComponentsSection components={v.components} errors={errors} />

        <h2>{t('pa.sec.results')}</h2>
        <PairRows
          prefix="res"
          rows={v.results.map((r) => ({ main: r.name, other: r.code }))}
          main="name"
          other="code"
          labels={{
            row: 'pa.f.result',
            main: 'pa.f.resultName',
            other: 'pa.f.resultCode',
            add: 'pa.f.addResult',
          }}
          errors={errors}
        />

        <h2>{t('pa.sec.conditions')}</h2>
        <TextArea
          name="conditions"
          label={t('pa.f.conditions')}
          defaultValue={v.conditions}
          error={err('conditions')}
          rows={4}
        />

        <h2>{t('pa.sec.legalBasis')}</h2>
        <PairRows
          prefix="lb"
          rows={v.legalBasis.map((l) => ({ main: l.title, other: l.number }))}
          main="title"
          other="number"
          labels={{
            row: 'pa.f.legal',
            main: 'pa.f.legalTitle',
            other: 'pa.f.legalNumber',
            add: 'pa.f.addLegal',
          }}
          errors={errors}
        />

        <h2>{t('pa.sec.agencies')}</h2>
        {(['implementing', 'competent', 'delegated', 'coordinating', 'address'] as const).map((name) => (
          <TextArea
            key={name}
            name={name}
            label={t(`pa.f.${name}`)}
            defaultValue={v[name]}
            error={err(name)}
          />
        ))}
        <TextInput
          name="sourceUrl"
          label={t('pa.f.sourceUrl')}
          hint={t('pa.f.sourceUrlHint')}
          defaultValue={v.sourceUrl}
          error={err('sourceUrl')}
        />

        {mode === 'edit' ? (
          <TextArea
            name="note"
            label={t('pa.f.note')}
            hint={t('pa.f.noteHint')}
            defaultValue={v.note}
            error={err('note')}
            markOptional
          />
        ) : null}
        <div className="actions">
          <SubmitButton>{t(mode === 'create' ? 'pa.create' : 'pa.save')}</SubmitButton>
          <Link to={back}>{t('pa.cancel')}</Link>
        </div>
      </Form>
    </>
  );
}
