import { Outlet } from 'react-router';
import { BackOfficeChrome } from '../../components/BackOfficeChrome.tsx';
import { ErrorPage } from '../../components/ErrorPage.tsx';
import { web } from '../../context.ts';
import { requireOfficial } from '../../lib/auth.server.ts';
import type { Route } from './+types/layout.ts';
import { visibleSections } from './nav.ts';

/**
 * Every /mot-cua/* screen (except the sign-in page) renders inside this layout. The middleware runs
 * before ANY loader or action below it: not signed in → /mot-cua/dang-nhap?next=…; not an official → 403.
 */
export const middleware: Route.MiddlewareFunction[] = [
  ({ request, context }) => {
    requireOfficial(context, request);
  },
];

export function loader({ context }: Route.LoaderArgs) {
  const { auth } = web(context);
  return { sections: auth ? visibleSections(auth.grants) : [] };
}

export default function BackOfficeLayout({ loaderData }: Route.ComponentProps) {
  return (
    <BackOfficeChrome sections={loaderData.sections}>
      <Outlet />
    </BackOfficeChrome>
  );
}

export function ErrorBoundary({ error, loaderData }: Route.ErrorBoundaryProps) {
  return (
    <BackOfficeChrome sections={loaderData?.sections}>
      <ErrorPage error={error} home="/mot-cua" />
    </BackOfficeChrome>
  );
}
