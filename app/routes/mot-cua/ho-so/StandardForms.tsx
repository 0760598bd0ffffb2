import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';

export interface FormLinkView {
  number: string;
  /** A form printed once per request or refusal (Mẫu 02, 03): each one, with its time as shown. */
  occurrences: readonly { lan: number; at: string }[] | null;
}

/**
 * Links to the standard forms the dossier has reached (TT 01/2018/TT-VPCP Mẫu 01–05): each a PDF
 * download, there at the step where the form arises and for reprinting afterwards (II.12.1); every
 * supplement request and refusal has its own link (`?lan=N`), so an earlier one reprints as it was.
 */
export function StandardForms({ dossierId, forms }: { dossierId: string; forms: readonly FormLinkView[] }) {
  const t = useT();
  if (forms.length === 0) return null;
  const href = (n: string, lan?: number) =>
    `/mot-cua/ho-so/${dossierId}/mau/${n}.pdf${lan ? `?lan=${lan}` : ''}`;
  return (
    <section className="ds-forms no-print" aria-labelledby="ds-forms-title" data-testid="standard-forms">
      <h2 id="ds-forms-title">{t('forms.title')}</h2>
      <p className="field-hint">{t('forms.hint')}</p>
      <ul>
        {forms.flatMap(({ number: n, occurrences }) =>
          occurrences
            ? occurrences.map((o) => (
                <li key={`${n}-${o.lan}`}>
                  <a href={href(n, o.lan)} data-testid={`form-${n}-${o.lan}`}>
                    {t('forms.linkNth', {
                      number: n,
                      name: t(`forms.nth.${n}` as MessageKey),
                      lan: o.lan,
                      at: o.at,
                    })}
                  </a>
                </li>
              ))
            : [
                <li key={n}>
                  <a href={href(n)} data-testid={`form-${n}`}>
                    {t('forms.link', { number: n, title: t(`forms.mau.${n}` as MessageKey) })}
                  </a>
                </li>,
              ],
        )}
      </ul>
    </section>
  );
}
