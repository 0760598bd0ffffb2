import { useRouteLoaderData } from 'react-router';

/** What the root loader gives every page: the CSRF token for forms and who is signed in. */
export interface RootData {
  csrfToken: string;
  user: { fullName: string; kind: 'official' | 'citizen' | 'organisation' } | null;
}

/** Root loader data; undefined while an error page renders before the root loader ran. */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>('root');
}
