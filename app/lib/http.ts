import { data, redirect } from 'react-router';

// React Router's idiom: a loader, action or middleware stops by throwing a redirect or a status
// response, which the router renders (redirect, or the nearest ErrorBoundary with that status).

/** Stops and redirects to `url`. */
export function redirectTo(url: string): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw redirect(url);
}

/** Stops with an error page of `status`; `reason` lets the page say why (e.g. 'csrf', 'not_official'). */
export function failWith(status: number, reason?: string): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw data(reason ? { reason } : null, { status });
}
