import { useT } from '../i18n/index.ts';

/** The document title (React 19 hoists <title> into <head>): "Page | site". */
export function PageTitle({
  title,
  site = 'portal',
}: {
  title?: string | undefined;
  site?: 'portal' | 'backoffice';
}) {
  const t = useT();
  const siteName = t(site === 'portal' ? 'app.portalName' : 'app.backOfficeName');
  return <title>{title && title !== siteName ? `${title} | ${siteName}` : siteName}</title>;
}
