import { Form } from 'react-router';
import { describedBy, FieldMessage } from '../../../components/Field.tsx';
import { useT } from '../../../i18n/index.ts';

/**
 * Opens a dossier by its code: a barcode scanner types the code and Enter into this box (it has the
 * focus when the page opens), and so can a person. A GET form: the page's loader finds the dossier.
 */
export function ScanBox({ value, error }: { value: string; error: string | undefined }) {
  const t = useT();
  const id = 'f-ma';
  return (
    <Form method="get" role="search" aria-label={t('ds.scan.label')} className="ds-scan">
      <label htmlFor={id} className="field-label">
        {t('ds.scan.input')}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {t('ds.scan.hint')}
      </p>
      <FieldMessage id={id} error={error} />
      <div className="inline-search-row">
        <input
          id={id}
          name="ma"
          type="search"
          className="input"
          defaultValue={value}
          autoComplete="off"
          spellCheck={false}
          // The scanner types into whatever has the focus: this box, from the moment the page opens.
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, t('ds.scan.hint'), error)}
        />
        <button type="submit" className="button button-secondary">
          {t('ds.scan.open')}
        </button>
      </div>
    </Form>
  );
}
