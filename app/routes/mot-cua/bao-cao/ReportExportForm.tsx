import { Form, Link } from 'react-router';
import { EXPORT_FORMATS } from '../../../../src/modules/exports/columns.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import { EXPORTS_PATH } from '../xuat-du-lieu/ExportForm.tsx';

/**
 * "Xuất báo cáo" (II.13.2, II.18.2): the report's criteria and kind go to the exports page as hidden
 * fields; the file is made in the background and the browser lands on the exports page.
 */
export function ReportExportForm({ criteria }: { criteria: Readonly<Record<string, string>> }) {
  const t = useT();
  return (
    <details className="ds-search no-print" data-testid="export">
      <summary>{t('rp.export.legend')}</summary>
      <Form method="post" action={EXPORTS_PATH} aria-label={t('rp.export.legend')}>
        <CsrfField />
        {Object.entries(criteria)
          .filter(([, v]) => v !== '')
          .map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        <p className="field-hint">{t('rp.export.hint')}</p>
        <SelectField
          name="format"
          label={t('exp.form.format')}
          options={EXPORT_FORMATS.map((f) => ({ value: f, label: `.${f}` }))}
          defaultValue="xlsx"
          markOptional={false}
        />
        <SubmitButton action={EXPORTS_PATH} variant="secondary">
          {t('rp.export.submit')}
        </SubmitButton>{' '}
        <Link to={EXPORTS_PATH}>{t('exp.link')}</Link>
      </Form>
    </details>
  );
}
