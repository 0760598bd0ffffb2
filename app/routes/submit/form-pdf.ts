import { redirect } from 'react-router';
import { web } from '../../context.ts';
import { orErrorPage } from '../../lib/backoffice.server.ts';
import { pdfDownload } from '../../lib/pdf.ts';
import type { Route } from './+types/form-pdf.ts';
import { filesOf, readForm, toFormData } from './submit-values.ts';
import type { FlatValues } from './submit-values.ts';

/** The uploads a posted form holds (`<field>.files`, at any depth), by id: their names go on paper. */
function uploadNames(values: FlatValues): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(values))
    if (name.endsWith('.files'))
      for (const f of filesOf(values, name.slice(0, -'.files'.length))) out.set(f.id, f.name);
  return out;
}

/**
 * POST /nop-ho-so/:code/to-khai.pdf (III.1.3): the form being filled in, as the submission page posts
 * its values (submit-values.ts), returned as a PDF to print, sign or keep before submitting. CSRF is
 * checked by the root middleware as for every post; the values are printed as typed, not checked.
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const w = web(context);
  if (!w.auth || w.auth.account.kind === 'official')
    return redirect(`/dang-nhap?next=${encodeURIComponent(`/nop-ho-so/${params.code}`)}`);
  const form = await request.formData();
  const { definition } = await orErrorPage(w.services.eforms.current(params.code));
  const values = readForm(definition, form);
  return pdfDownload(
    await orErrorPage(
      w.services.printing.draftForm(w.auth, params.code, {
        data: toFormData(definition, values),
        agencyId: values.agencyId ?? null,
        fileNames: uploadNames(values),
      }),
    ),
  );
}

/** A GET (a bookmarked or reloaded address) goes back to the form. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/nop-ho-so/${encodeURIComponent(params.code)}`);
}
