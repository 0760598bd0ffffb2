import { Form, Link } from 'react-router';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';

export const DEPARTMENT_FIELDS = ['code', 'name', 'isOneStop'] as const;
export interface DepartmentValues {
  code: string;
  name: string;
  isOneStop: boolean;
}

interface Props {
  values: Partial<DepartmentValues>;
  errors: FieldErrors;
  formError?: string | undefined;
  submitLabel: string;
  cancelTo: string;
}

/** The fields of a department (phòng ban): code, name, and whether it is the agency's one-stop section. */
export function DepartmentForm({ values, errors, formError, submitLabel, cancelTo }: Props) {
  const t = useT();
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} order={DEPARTMENT_FIELDS} formError={formError} />
      <Form method="post" className="form" noValidate>
        <CsrfField />
        <Field
          name="code"
          label={t('org.depCode')}
          hint={t('org.depCodeHint')}
          error={errors.code}
          defaultValue={values.code}
          spellCheck={false}
          autoComplete="off"
          required
        />
        <Field name="name" label={t('org.depName')} error={errors.name} defaultValue={values.name} required />
        <CheckboxField
          name="isOneStop"
          label={t('org.oneStopLabel')}
          hint={t('org.oneStopHint')}
          error={errors.isOneStop}
          defaultChecked={values.isOneStop}
        />
        <div className="actions">
          <SubmitButton>{submitLabel}</SubmitButton>
          <Link to={cancelTo}>{t('adm.cancel')}</Link>
        </div>
      </Form>
    </div>
  );
}
