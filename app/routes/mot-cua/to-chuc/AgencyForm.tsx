import { Form, Link } from 'react-router';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { LEVELS, levelKey } from './labels.ts';

export const AGENCY_FIELDS = [
  'code',
  'name',
  'shortName',
  'level',
  'adminUnitCode',
  'address',
  'phone',
  'email',
] as const;
export type AgencyValues = Record<(typeof AGENCY_FIELDS)[number], string>;

interface Props {
  values: Partial<AgencyValues>;
  errors: FieldErrors;
  formError?: string | undefined;
  parentId?: string | undefined;
  submitLabel: string;
  cancelTo: string;
}

/** The fields of an agency (create and edit): QCVN 102 code, names, level, administrative unit, contacts. */
export function AgencyForm({ values, errors, formError, parentId, submitLabel, cancelTo }: Props) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} order={AGENCY_FIELDS} formError={formError} />
      <Form method="post" className="form" noValidate>
        <CsrfField />
        {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
        <div className="form-grid">
          <div>
            <Field
              name="code"
              label={t('org.codeLong')}
              hint={t('org.codeHint')}
              error={errors.code}
              defaultValue={values.code}
              spellCheck={false}
              autoComplete="off"
              required
            />
            <Field
              name="name"
              label={t('org.name')}
              error={errors.name}
              defaultValue={values.name}
              required
            />
            <Field
              name="shortName"
              label={t('org.shortName')}
              error={errors.shortName}
              defaultValue={values.shortName}
            />
            <SelectField
              name="level"
              label={t('org.level')}
              error={errors.level}
              defaultValue={values.level}
              placeholder={t('adm.choose')}
              options={LEVELS.map((l) => ({ value: l, label: t(levelKey(l)) }))}
              required
            />
          </div>
          <div>
            <Field
              name="adminUnitCode"
              label={t('org.adminUnitCode')}
              hint={t('org.adminUnitCodeHint')}
              error={errors.adminUnitCode}
              defaultValue={values.adminUnitCode}
              inputMode="numeric"
            />
            <Field
              name="address"
              label={t('org.address')}
              error={errors.address}
              defaultValue={values.address}
            />
            <Field
              name="phone"
              type="tel"
              label={t('org.phone')}
              hint={t('org.phoneHint')}
              error={errors.phone}
              defaultValue={values.phone}
              inputMode="tel"
            />
            <Field
              name="email"
              type="email"
              label={t('org.email')}
              error={errors.email}
              defaultValue={values.email}
              spellCheck={false}
            />
          </div>
        </div>
        <div className="actions">
          <SubmitButton>{submitLabel}</SubmitButton>
          <Link to={cancelTo}>{t('adm.cancel')}</Link>
        </div>
      </Form>
    </>
  );
}
