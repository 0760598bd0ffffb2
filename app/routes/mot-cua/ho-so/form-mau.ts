import { isUuid, orErrorPage } from '../../../lib/backoffice.server.ts';
import { asAppError } from '../../../lib/errors.ts';
import { failWith } from '../../../lib/http.ts';
import { pdfDownload } from '../../../lib/pdf.ts';
import type { Route } from './+types/form-mau.ts';
import { requireDossiers } from './access.server.ts';

/**
 * GET /mot-cua/ho-so/:id/mau/NN.pdf: standard form NN of the dossier (TT 01/2018/TT-VPCP Mẫu 01–05),
 * printed at the step where it arises and again whenever asked (II.12.1); `?lan=N` reprints the Nth
 * supplement request (Mẫu 02) or refusal (Mẫu 03) as it was, the latest by default. Officials who may
 * read the dossier (403 outside their partition); a form or an occurrence the dossier has not reached is 404.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireDossiers(context, request);
  const number = /^(\d{2})\.pdf$/.exec(params.form)?.[1];
  if (!isUuid(params.id) || !number) failWith(404);
  const lan = new URL(request.url).searchParams.get('lan');
  if (lan === null)
    return pdfDownload(await orErrorPage(w.services.printing.standardForm(w.auth, params.id, number)));
  const out = await orErrorPage(
    withOccurrenceText(w.services.printing.standardForm(w.auth, params.id, number, Number(lan))),
  );
  return out instanceof Response ? out : pdfDownload(out);
}

/**
 * A hand-made `?lan=` that is none or too large (the page links only the ones there are) answers in
 * the service's own words, e.g. "Hồ sơ … có 2 phiếu yêu cầu bổ sung …; không có lần thứ 3", as a 404.
 */
async function withOccurrenceText<T>(work: Promise<T>): Promise<T | Response> {
  try {
    return await work;
  } catch (err) {
    const e = asAppError(err);
    const message = e?.code === 'validation_failed' ? e.fields?.[0]?.message : e?.message;
    if ((e?.code !== 'not_found' && e?.code !== 'validation_failed') || !message) throw err;
    return new Response(message, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}
