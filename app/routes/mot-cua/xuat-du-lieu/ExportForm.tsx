import { Form, Link } from 'react-router';
import { EXPORT_FORMATS } from '../../../../src/modules/exports/columns.ts';
import type { ExportKindName } from '../../../../src/modules/exports/schema.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';

export const EXPORTS_PATH = '/mot-cua/xuat-du-lieu';

/**
 * "Xuất danh sách" under a list: the kind of list and its current criteria (the list's own query
 * string names) go along as hidden fields, the export is made in the background and the browser
 * lands on the exports page (with or without JavaScript).
 */
export function ExportForm({
  kind,
  criteria,
}: {
  kind: ExportKindName;
  criteria: Readonly<Record<string, string>>;
}) {
  const t = useT();
  return (
    <details className="ds-search no-print" data-testid="export">
      <summary>{t('exp.form.legend')}</summary>
      <Form method="post" action={EXPORTS_PATH} aria-label={t('exp.form.legend')}>
        <CsrfField />
        <input type="hidden" name="kind" value={kind} />
        {Object.entries(criteria)
          .filter(([, v]) => v !== '')
          .map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        <p className="field-hint">{t('exp.form.hint')}</p>
        <SelectField
          name="format"
          label={t('exp.form.format')}
          options={EXPORT_FORMATS.map((f) => ({ value: f, label: `.${f}` }))}
          defaultValue="xlsx"
          markOptional={false}
        />
        <SubmitButton action={EXPORTS_PATH} variant="secondary">
          {t('exp.form.submit')}
        </SubmitButton>{' '}
        <Link to={EXPORTS_PATH}>{t('exp.link')}</Link>
      </Form>
    </details>
  );
}
