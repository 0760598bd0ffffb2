import { isUuid, orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import { pdfDownload } from '../../../lib/pdf.ts';
import type { Route } from './+types/form-mau.ts';
import { requireDossiers } from './access.server.ts';

/**
 * GET /mot-cua/ho-so/:id/mau/NN.pdf: standard form NN of the dossier (TT 01/2018/TT-VPCP Mẫu 01–05),
 * printed at the step where it arises and again whenever asked (II.12.1). Officials who may read the
 * dossier (403 outside their partition); a form the dossier has not reached is 404.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireDossiers(context, request);
  const number = /^(\d{2})\.pdf$/.exec(params.form)?.[1];
  if (!isUuid(params.id) || !number) failWith(404);
  return pdfDownload(await orErrorPage(w.services.printing.standardForm(w.auth, params.id, number)));
}
