import { isUuid } from '../../lib/backoffice.server.ts';
import { asAppError } from '../../lib/errors.ts';
import { failWith, redirectTo } from '../../lib/http.ts';
import { pdfDownload } from '../../lib/pdf.ts';
import type { Route } from './+types/form-pdf.ts';
import { applicantGate, web } from './my-dossiers.server.ts';

/**
 * GET /ho-so-cua-toi/:id/to-khai.pdf: the applicant's own dossier's e-form as filled in (III.1.3,
 * II.12.2). Someone else's dossier is a 404, as an unknown one: nothing tells it exists.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const gate = applicantGate(web(context), request);
  if (!gate.ok) {
    if (gate.official) failWith(404);
    redirectTo(gate.signIn);
  }
  if (!isUuid(params.id)) failWith(404);
  try {
    return pdfDownload(await gate.w.services.printing.dossierForm(gate.w.auth, params.id));
  } catch (err) {
    const code = asAppError(err)?.code;
    if (code === 'not_found' || code === 'forbidden') failWith(404);
    throw err;
  }
}
