import { CsrfField } from '../../components/CsrfField.tsx';
import { useT } from '../../i18n/index.ts';
import type { FlatValues } from './submit-values.ts';

/** Where the online submission page of `code` posts to print its form before submitting (form-pdf.ts). */
export const draftPdfPath = (code: string) => `/nop-ho-so/${encodeURIComponent(code)}/to-khai.pdf`;

/**
 * "Tải tờ khai (PDF) để in" for the review step of /nop-ho-so/:code (III.1.3): its own plain form
 * (not React Router's, so the browser downloads the answer with or without JavaScript) carrying the
 * flat values the step holds as hidden fields, posted to the resource route that renders the PDF.
 */
export function PrintDraftForm({ code, values }: { code: string; values: FlatValues }) {
  const t = useT();
  return (
    <form method="post" action={draftPdfPath(code)} className="print-draft" data-testid="print-draft">
      <CsrfField />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p id="print-draft-hint" className="field-hint">
        {t('print.draftPdfHint')}
      </p>
      <button type="submit" className="button button-secondary" aria-describedby="print-draft-hint">
        {t('print.draftPdf')}
      </button>
    </form>
  );
}
