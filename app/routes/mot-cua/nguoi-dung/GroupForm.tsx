import { Form, Link } from 'react-router';
import { CheckboxGroup } from '../../../components/CheckboxField.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import type { SelectOption } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';

export const GROUP_FIELDS = ['agencyId', 'name', 'description', 'roleCodes'] as const;

export interface GroupValues {
  agencyId?: string | undefined;
  name: string;
  description: string;
  roleCodes: string[];
}

interface Props {
  values: Partial<GroupValues>;
  errors: FieldErrors;
  formError?: string | undefined;
  roles: readonly SelectOption[];
  /** Agencies to choose from when creating; none when editing (a group stays in its agency). */
  agencies?: readonly SelectOption[] | undefined;
  submitLabel: string;
  cancelTo: string;
}

/** A user group: its agency (on creation), name, description and the roles its members receive there. */
export function GroupForm({ values, errors, formError, roles, agencies, submitLabel, cancelTo }: Props) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} order={GROUP_FIELDS} formError={formError} />
      <Form method="post" className="form" noValidate>
        <CsrfField />
        <div className="narrow">
          {agencies ? (
            <SelectField
              name="agencyId"
              label={t('groups.agency')}
              options={agencies}
              error={errors.agencyId}
              defaultValue={values.agencyId}
              required
            />
          ) : null}
          <Field
            name="name"
            label={t('groups.name')}
            error={errors.name}
            defaultValue={values.name}
            required
          />
          <TextAreaField
            name="description"
            label={t('groups.description')}
            error={errors.description}
            defaultValue={values.description}
          />
        </div>
        <CheckboxGroup
          name="roleCodes"
          legend={t('groups.roles')}
          hint={t('groups.rolesHint')}
          options={roles}
          checked={values.roleCodes ?? []}
          error={errors.roleCodes}
        />
        <div className="actions">
          <SubmitButton>{submitLabel}</SubmitButton>
          <Link to={cancelTo}>{t('adm.cancel')}</Link>
        </div>
      </Form>
    </>
  );
}
