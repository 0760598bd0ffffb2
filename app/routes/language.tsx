import { redirect } from 'react-router';
import { isLang, web } from '../context.ts';
import { safeNext } from '../lib/forms.ts';
import type { Route } from './+types/language.ts';

/** GET /ngon-ngu?lang=en&next=/path: remembers the language in the `lang` cookie and goes back (no JavaScript needed). */
export function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const lang = url.searchParams.get('lang');
  if (isLang(lang)) web(context).setLang(lang);
  return redirect(safeNext(url.searchParams.get('next'), '/'));
}
