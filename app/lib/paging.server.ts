import type { Lang } from '../context.ts';
import { translator } from '../i18n/index.ts';
import { asAppError } from './errors.ts';

/**
 * The page of a keyset list that starts after the cursor `after`. A cursor the service refuses (an
 * edited or stale link) gives the first page with a warning, `pageError`, rather than an error page.
 */
export async function pageAfter<P>(
  lang: Lang,
  after: string | undefined,
  load: (after: string | undefined) => Promise<P>,
): Promise<{ page: P; pageError: string | undefined }> {
  try {
    return { page: await load(after), pageError: undefined };
  } catch (err) {
    if (asAppError(err)?.code !== 'validation_failed') throw err;
    return { page: await load(undefined), pageError: translator(lang)('admin.badCursor') };
  }
}
