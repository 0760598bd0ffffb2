import { failWith } from '../lib/http.ts';
import { ErrorPage } from '../components/ErrorPage.tsx';
import type { Route } from './+types/not-found.ts';

/** Any portal URL no route claims: a 404 page inside the portal frame. */
export function loader() {
  failWith(404);
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
