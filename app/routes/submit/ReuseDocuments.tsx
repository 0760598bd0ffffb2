import { useT } from '../../i18n/index.ts';
import type { EformField } from '../../../src/domain/eform.ts';
import { fieldId } from '../../components/Field.tsx';

/** A document of the applicant's store, as the online form offers it (V.8, III.1.1). */
export interface StoredDocument {
  id: string;
  title: string;
  fileName: string;
  size: number;
  source: 'result' | 'verified' | 'own';
}

const ext = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * "Chọn từ kho dữ liệu" under a file field: one checkbox per stored document whose format and size
 * the field accepts (and not already kept); the server turns the ticked ones into the field's files
 * when the form is sent, without a new upload. Plain checkboxes: works without JavaScript.
 */
export function ReuseDocuments({
  name,
  field,
  documents,
  kept,
}: {
  name: string;
  field: Extract<EformField, { type: 'file' }>;
  documents: readonly StoredDocument[];
  kept: readonly { name: string }[];
}) {
  const t = useT();
  const allowed = field.extensions.map((x) => x.toLowerCase().replace(/^\./, ''));
  const fits = documents.filter(
    (d) =>
      allowed.includes(ext(d.fileName)) &&
      d.size <= field.maxBytes &&
      !kept.some((k) => k.name === d.fileName),
  );
  if (fits.length === 0) return null;
  const id = `${fieldId(name)}-reuse`;
  return (
    <fieldset className="fieldset reuse-documents" aria-describedby={`${id}-hint`} data-testid="reuse">
      <legend>{t('doc.reuse')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('doc.reuseHint')}
      </p>
      {fits.map((d) => (
        <div key={d.id} className="checkbox">
          <input id={`${id}-${d.id}`} type="checkbox" name={`${name}.reuse`} value={d.id} />
          <label htmlFor={`${id}-${d.id}`}>
            {t('doc.reuseOption', { title: d.title, source: t(`doc.source.${d.source}`), file: d.fileName })}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
