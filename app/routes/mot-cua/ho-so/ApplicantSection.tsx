import { ActionButton } from '../../../components/ActionButton.tsx';
import { describedBy, Field, FieldHint, FieldMessage } from '../../../components/Field.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import type { ApplicantView } from '../../../../src/modules/dossiers/schema.ts';

interface Props {
  v: (name: string) => string;
  errors: FieldErrors;
  /** Applicants the look-up found; undefined when no look-up was asked for. */
  candidates: readonly ApplicantView[] | undefined;
}

/**
 * The applicant: found among those the system knows (II.5.9: by identity number, tax code or name;
 * "Dùng thông tin này" fills the fields) or typed in.
 */
export function ApplicantSection({ v, errors, candidates }: Props) {
  const t = useT();
  const id = 'f-lookup';
  return (
    <fieldset className="fieldset">
      <legend>{t('ds.r.applicant')}</legend>
      <div className="field">
        <label htmlFor={id} className="field-label">
          {t('ds.r.lookup')}
        </label>
        <FieldHint id={id} hint={t('ds.r.lookupHint')} />
        <FieldMessage id={id} error={errors.lookup} />
        <div className="inline-search-row">
          <input
            id={id}
            name="lookup"
            type="search"
            className="input"
            defaultValue={v('lookup')}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={describedBy(id, t('ds.r.lookupHint'), errors.lookup)}
          />
          <ActionButton name="intent" value="lookup">
            {t('ds.r.lookupButton')}
          </ActionButton>
        </div>
      </div>
      {candidates ? (
        candidates.length === 0 ? (
          <p role="status" data-testid="no-applicants">
            {t('ds.r.noApplicants')}
          </p>
        ) : (
          <ul className="ds-choices" data-testid="applicants" aria-label={t('ds.r.found')}>
            {candidates.map((a, i) => (
              <li key={a.id}>
                <strong>{a.kind === 'organisation' && a.orgName ? a.orgName : a.fullName}</strong>{' '}
                <span className="muted">{[a.idNumber, a.phone, a.address].filter(Boolean).join(' · ')}</span>{' '}
                <ActionButton
                  name="intent"
                  value={`use:${i}`}
                  small
                  label={t('ds.r.useApplicantOf', { name: a.fullName })}
                >
                  {t('ds.r.useApplicant')}
                </ActionButton>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <div className="ds-cols">
        <SelectField
          name="kind"
          label={t('ds.r.kind')}
          options={[
            { value: 'citizen', label: t('ds.r.kind.citizen') },
            { value: 'organisation', label: t('ds.r.kind.organisation') },
          ]}
          defaultValue={v('kind')}
          error={errors.kind}
          required
        />
        <Field
          name="idNumber"
          label={t('ds.r.idNumber')}
          hint={t('ds.r.idNumberHint')}
          defaultValue={v('idNumber')}
          error={errors.idNumber}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <Field
          name="fullName"
          label={t('ds.r.fullName')}
          hint={t('ds.r.fullNameHint')}
          defaultValue={v('fullName')}
          error={errors.fullName}
          autoComplete="off"
          required
        />
        <Field
          name="orgName"
          label={t('ds.r.orgName')}
          hint={t('ds.r.orgNameHint')}
          defaultValue={v('orgName')}
          error={errors.orgName}
          autoComplete="off"
        />
        <Field
          name="phone"
          label={t('ds.r.phone')}
          hint={t('ds.r.phoneHint')}
          type="tel"
          inputMode="tel"
          defaultValue={v('phone')}
          error={errors.phone}
          autoComplete="off"
        />
        <Field
          name="email"
          label={t('ds.r.email')}
          type="email"
          defaultValue={v('email')}
          error={errors.email}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <Field
        name="address"
        label={t('ds.r.address')}
        defaultValue={v('address')}
        error={errors.address}
        autoComplete="off"
      />
      <input type="hidden" name="communeCode" value={v('communeCode')} />
    </fieldset>
  );
}
