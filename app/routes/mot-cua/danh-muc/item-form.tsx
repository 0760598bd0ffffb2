import { Form } from 'react-router';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import type { SelectOption } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';

interface Props {
  mode: 'create' | 'edit';
  values: Partial<Record<'code' | 'name' | 'parentCode' | 'sortOrder' | 'extra', string>>;
  errors: FieldErrors;
  formError?: string | undefined;
  parents: { catalog: string | null; options: SelectOption[] | null };
  /** A code already in the catalog, shown as an example of the format. */
  codeExample: string | null;
}

const ORDER = ['code', 'name', 'parentCode', 'sortOrder', 'extra', 'form'] as const;

/** The fields of a catalog item; the code is typed once, on creation, and never changes afterwards. */
export function ItemForm({ mode, values, errors, formError, parents, codeExample }: Props) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} order={ORDER} formError={formError ?? errors.form} />
      <Form method="post" className="form narrow" noValidate>
        <CsrfField />
        {mode === 'create' ? (
          <Field
            name="code"
            label={t('cat.field.code')}
            hint={
              codeExample ? t('cat.field.codeHintPattern', { example: codeExample }) : t('cat.field.codeHint')
            }
            error={errors.code}
            defaultValue={values.code}
            spellCheck={false}
            autoComplete="off"
            required
          />
        ) : null}
        <Field
          name="name"
          label={t('cat.field.name')}
          error={errors.name}
          defaultValue={values.name}
          autoComplete="off"
          required
        />
        {parents.catalog ? (
          parents.options ? (
            <SelectField
              name="parentCode"
              label={parents.catalog}
              error={errors.parentCode}
              defaultValue={values.parentCode}
              options={parents.options}
              placeholder={t('cat.field.parentChoose')}
              required
            />
          ) : (
            <Field
              name="parentCode"
              label={t('cat.field.parentCode', { catalog: parents.catalog })}
              error={errors.parentCode}
              defaultValue={values.parentCode}
              spellCheck={false}
              required
            />
          )
        ) : null}
        <Field
          name="sortOrder"
          label={t('cat.field.sortOrder')}
          hint={t('cat.field.sortOrderHint')}
          error={errors.sortOrder}
          defaultValue={values.sortOrder}
          inputMode="numeric"
        />
        <TextAreaField
          name="extra"
          label={t('cat.field.extra')}
          hint={t('cat.field.extraHint')}
          error={errors.extra}
          defaultValue={values.extra}
          rows={4}
          spellCheck={false}
        />
        <SubmitButton name="intent" value="save">
          {t(mode === 'create' ? 'cat.create' : 'cat.save')}
        </SubmitButton>
      </Form>
    </>
  );
}
