import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useT } from '../../../i18n/index.ts';
import { REGISTER_FIELDS } from './register-fields.ts';
import type { RegisterFormData } from './register-fields.ts';

/**
 * Mẫu 06, Sổ theo dõi hồ sơ, for a period: a plain GET form (a document navigation even with
 * JavaScript, so the PDF downloads as a file), opened when its dates came back wrong.
 */
export function RegisterForm({ values, errors, agencies }: RegisterFormData) {
  const t = useT();
  const failed = REGISTER_FIELDS.some((f) => errors[f]);
  return (
    <details className="ds-search no-print" open={failed} data-testid="register">
      <summary>{t('forms.register.title')}</summary>
      <form method="get" action="/mot-cua/ho-so" noValidate aria-label={t('forms.register.title')}>
        <ErrorSummary errors={errors} order={REGISTER_FIELDS} />
        <p className="field-hint">{t('forms.register.hint')}</p>
        <div className="filters-grid">
          <Field
            name="so-tu"
            label={t('forms.register.from')}
            hint={t('admin.dateHint')}
            error={errors['so-tu']}
            defaultValue={values['so-tu']}
            required
          />
          <Field
            name="so-den"
            label={t('forms.register.to')}
            hint={t('admin.dateHint')}
            error={errors['so-den']}
            defaultValue={values['so-den']}
            required
          />
          {agencies.length > 1 ? (
            <SelectField
              name="so-co-quan"
              label={t('forms.register.agency')}
              options={agencies}
              defaultValue={values['so-co-quan']}
              placeholder={t('forms.register.ownAgency')}
              markOptional={false}
            />
          ) : null}
        </div>
        <button type="submit" className="button button-secondary">
          {t('forms.register.submit')}
        </button>
      </form>
    </details>
  );
}
