import { useLocation } from 'react-router';
import { LANGS } from '../context.ts';
import { useLang, useT } from '../i18n/index.ts';

/**
 * Plain links to /ngon-ngu (no JavaScript needed): the route sets the `lang` cookie and redirects
 * back. They are full page loads, so the whole document is rendered again in the new language.
 */
export function LanguageSwitch() {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <nav className="lang-switch" aria-label={t('lang.label')}>
      <ul>
        {LANGS.map((l) => (
          <li key={l}>
            <a
              href={`/ngon-ngu?lang=${l}&next=${next}`}
              lang={l}
              hrefLang={l}
              aria-current={l === lang ? 'true' : undefined}
            >
              {t(l === 'vi' ? 'lang.vi' : 'lang.en')}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
