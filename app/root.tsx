import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches } from 'react-router';
import type { Route } from './+types/root.ts';
import { GlobalLoading } from './components/LoadingIndicator.tsx';
import { ErrorPage } from './components/ErrorPage.tsx';
import { PortalChrome } from './components/PortalChrome.tsx';
import { web } from './context.ts';
import { useLang, useT } from './i18n/index.ts';
import { failWith } from './lib/http.ts';
import type { RootData } from './lib/root-data.ts';
import stylesHref from './styles/app.css?url';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Runs before every loader and action. The Fastify glue has already compared the form's `_csrf`
 * field with the session's token; a mismatch stops here with a 403 page, before any action runs.
 */
export const middleware: Route.MiddlewareFunction[] = [
  ({ request, context }) => {
    if (MUTATIONS.has(request.method.toUpperCase()) && !web(context).csrfValid) {
      failWith(403, 'csrf');
    }
  },
];

export function loader({ context }: Route.LoaderArgs): RootData {
  const { auth, csrfToken } = web(context);
  return {
    csrfToken,
    user: auth ? { fullName: auth.account.fullName, kind: auth.account.kind } : null,
  };
}

/**
 * Whether the page loads React at all. A route whose page is complete as HTML (read-only text, links
 * and GET forms) says `handle = { scripts: false }`: a document request for it then carries no
 * modules and no copy of its loader data for hydration (a national procedure's page: 65 of its
 * 153 kB), and its links are plain page loads. Reached by client navigation, it renders as usual.
 */
function useScripts(): boolean {
  return !useMatches().some((m) => (m.handle as { scripts?: boolean } | undefined)?.scripts === false);
}

export function Layout({ children }: { children: ReactNode }) {
  const lang = useLang();
  const t = useT();
  const scripts = useScripts();
  // Marks the document once React is in charge (browser tests wait for it before using client navigation).
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <html lang={lang} data-scripts={scripts ? undefined : 'none'} suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        {/* Before first paint: lets CSS hide what only no-JavaScript visitors need (.nojs-only). */}
        {scripts && (
          <script dangerouslySetInnerHTML={{ __html: "document.documentElement.classList.add('js')" }} />
        )}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#a4161a" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main-content">
          {t('a11y.skipToContent')}
        </a>
        <GlobalLoading />
        {children}
        {scripts && <ScrollRestoration />}
        {scripts && <Scripts />}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Errors no page handled (unknown pages, refused CSRF, crashes): in the portal's frame. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <PortalChrome>
      <ErrorPage error={error} />
    </PortalChrome>
  );
}
