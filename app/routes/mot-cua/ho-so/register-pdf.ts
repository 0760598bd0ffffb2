import { orErrorPage } from '../../../lib/backoffice.server.ts';
import { asAppError } from '../../../lib/errors.ts';
import { failWith } from '../../../lib/http.ts';
import { pdfDownload } from '../../../lib/pdf.ts';
import type { Route } from './+types/register-pdf.ts';
import { requireDossiers } from './access.server.ts';

/**
 * GET /mot-cua/ho-so/so-theo-doi.pdf?tu=DD/MM/YYYY&den=DD/MM/YYYY&coQuan=<id>: Mẫu 06, Sổ theo dõi
 * hồ sơ, of an agency in the official's partition (their own by default). The list page's form checks
 * the dates first and says what is wrong; a hand-made address with wrong dates is a 400.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireDossiers(context, request);
  const sp = new URL(request.url).searchParams;
  const query = { from: sp.get('tu') ?? '', to: sp.get('den') ?? '', agencyId: sp.get('coQuan') || null };
  try {
    return pdfDownload(await orErrorPage(w.services.printing.register(w.auth, query)));
  } catch (err) {
    if (asAppError(err)?.code === 'validation_failed') failWith(400);
    throw err;
  }
}
