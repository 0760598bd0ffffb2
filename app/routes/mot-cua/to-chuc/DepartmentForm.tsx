import type { ReactNode } from 'react';
import { Form, Link } from 'react-router';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { agencyCrumbs } from './crumbs.ts';
import type { AgencyTrail } from './crumbs.ts';

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

interface PageProps extends Omit<Props, 'cancelTo'> {
  agency: AgencyTrail;
  title: string;
  /** The document title; `title` when not given. */
  pageTitle?: string | undefined;
  /** The last crumb, after the agency. */
  crumb: string;
  intro?: ReactNode;
}

/** A page with the department form, below its agency (new department, or one department's edit). */
export function DepartmentPage({ agency, title, pageTitle = title, crumb, intro, ...form }: PageProps) {
  const t = useT();
  return (
    <>
      <PageTitle title={pageTitle} site="backoffice" />
      <Breadcrumb items={[...agencyCrumbs(t, agency), { label: crumb }]} />
      <h1>{title}</h1>
      {intro}
      <DepartmentForm {...form} cancelTo={`/mot-cua/to-chuc/${agency.id}`} />
    </>
  );
}
