import { redirect } from 'react-router';
import { ProcedureCode } from '../../../../src/modules/procedures/schema.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import { pdfDownload } from '../../../lib/pdf.ts';
import { requireCatalog } from '../thu-tuc/access.server.ts';
import type { Route } from './+types/preview-pdf.ts';
import { readTemplate, templateOf } from './template-form.server.ts';

/**
 * POST /mot-cua/thu-tuc/:code/mau-ket-qua/xem-truoc.pdf: the template as posted (unsaved), filled with
 * sample data or the dossier typed, as a PDF download. The editor page checks it first and then offers
 * this form (its own plain form, so the browser downloads the answer with or without JavaScript).
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireCatalog(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  const values = readTemplate(await request.formData());
  return pdfDownload(
    await orErrorPage(
      w.services.resultTemplates.preview(w.auth, params.code, {
        template: templateOf(values),
        dossierCode: values.dossierCode,
      }),
    ),
  );
}

/** A GET (a bookmarked or reloaded address) goes back to the editor. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/mot-cua/thu-tuc/${encodeURIComponent(params.code)}/mau-ket-qua`);
}
