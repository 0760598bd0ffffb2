import { isUuid, orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import { pdfDownload } from '../../../lib/pdf.ts';
import type { Route } from './+types/draft-result.ts';
import { requireDossiers } from './access.server.ts';

/**
 * GET /mot-cua/ho-so/:id/du-thao-ket-qua.pdf: the draft result of the dossier from its procedure's
 * result template (II.2.5 c), for officials who may read the dossier (the same check as the standard
 * forms); 404 while the procedure has no template.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireDossiers(context, request);
  if (!isUuid(params.id)) failWith(404);
  return pdfDownload(await orErrorPage(w.services.resultTemplates.draft(w.auth, params.id)));
}
