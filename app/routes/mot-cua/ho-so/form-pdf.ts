import { isUuid, orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import { pdfDownload } from '../../../lib/pdf.ts';
import type { Route } from './+types/form-pdf.ts';
import { requireDossiers } from './access.server.ts';

/**
 * GET /mot-cua/ho-so/:id/to-khai.pdf: the dossier's e-form as the applicant filled it, to print (II.12.2),
 * for officials who may read the dossier (the same check as its page: 403 outside their partition).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireDossiers(context, request);
  if (!isUuid(params.id)) failWith(404);
  return pdfDownload(await orErrorPage(w.services.printing.dossierForm(w.auth, params.id)));
}
