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
  wording = 'list',
}: {
  kind: ExportKindName;
  criteria: Readonly<Record<string, string>>;
  /** A report says "Xuất báo cáo" (II.13.2) where a list says "Xuất danh sách". */
  wording?: 'list' | 'report';
}) {
  const t = useT();
  const words =
    wording === 'report'
      ? ({ legend: 'rp.export.legend', hint: 'rp.export.hint', submit: 'rp.export.submit' } as const)
      : ({ legend: 'exp.form.legend', hint: 'exp.form.hint', submit: 'exp.form.submit' } as const);
  return (
    <details className="ds-search no-print" data-testid="export">
      <summary>{t(words.legend)}</summary>
      <Form method="post" action={EXPORTS_PATH} aria-label={t(words.legend)}>
        <CsrfField />
        <input type="hidden" name="kind" value={kind} />
        {Object.entries(criteria)
          .filter(([, v]) => v !== '')
          .map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        <p className="field-hint">{t(words.hint)}</p>
        <SelectField
          name="format"
          label={t('exp.form.format')}
          options={EXPORT_FORMATS.map((f) => ({ value: f, label: `.${f}` }))}
          defaultValue="xlsx"
          markOptional={false}
        />
        <SubmitButton action={EXPORTS_PATH} variant="secondary">
          {t(words.submit)}
        </SubmitButton>{' '}
        <Link to={EXPORTS_PATH}>{t('exp.link')}</Link>
      </Form>
    </details>
  );
}
