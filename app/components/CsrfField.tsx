import { useRootData } from '../lib/root-data.ts';

/** The hidden `_csrf` field every POST form carries; the token comes from the root loader. */
export function CsrfField() {
  const root = useRootData();
  return <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />;
}
