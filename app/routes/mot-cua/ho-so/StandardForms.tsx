import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';

/**
 * Links to the standard forms the dossier has reached (TT 01/2018/TT-VPCP Mẫu 01–05): each a PDF
 * download, there at the step where the form arises and for reprinting afterwards (II.12.1).
 */
export function StandardForms({ dossierId, numbers }: { dossierId: string; numbers: readonly string[] }) {
  const t = useT();
  if (numbers.length === 0) return null;
  return (
    <section className="ds-forms no-print" aria-labelledby="ds-forms-title" data-testid="standard-forms">
      <h2 id="ds-forms-title">{t('forms.title')}</h2>
      <p className="field-hint">{t('forms.hint')}</p>
      <ul>
        {numbers.map((n) => (
          <li key={n}>
            <a href={`/mot-cua/ho-so/${dossierId}/mau/${n}.pdf`} data-testid={`form-${n}`}>
              {t('forms.link', { number: n, title: t(`forms.mau.${n}` as MessageKey) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
