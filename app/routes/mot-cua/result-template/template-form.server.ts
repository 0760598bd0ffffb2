import { redirect } from 'react-router';
import type { ResultTemplate } from '../../../../src/domain/result-template.ts';
import { translator } from '../../../i18n/index.ts';
import { asAppError, errorMessage, toFieldErrors } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import type { CatalogOfficial } from '../thu-tuc/access.server.ts';

/** What the editor's form posts: the template as typed and the dossier to preview with. */
export interface TemplateValues extends ResultTemplate {
  dossierCode: string;
  baseVersion: string;
}

const text = (form: FormData, name: string, max: number) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.slice(0, max) : '';
};

export function readTemplate(form: FormData): TemplateValues {
  return {
    title: text(form, 'title', 300),
    body: text(form, 'body', 20000),
    signerTitle: text(form, 'signerTitle', 200),
    signerName: text(form, 'signerName', 200),
    dossierCode: text(form, 'dossierCode', 60).trim(),
    baseVersion: text(form, 'baseVersion', 10),
  };
}

export const templateOf = (v: TemplateValues): ResultTemplate => ({
  title: v.title,
  body: v.body,
  signerTitle: v.signerTitle,
  signerName: v.signerName,
});

export interface TemplateActionData {
  values: TemplateValues;
  errors: FieldErrors;
  formError?: string | undefined;
  conflict?: boolean | undefined;
  /** The template checked out for a preview: the page offers the PDF of these values. */
  previewReady?: boolean | undefined;
}

type Out = Response | { status: number; body: TemplateActionData };

/**
 * The editor's posts: "Xem trước" checks the template (and the dossier, if a code was typed) by
 * rendering it, so the page can offer the PDF; "Lưu" saves a new version from the version shown. The
 * service's problems come back next to their fields; a stale version as a conflict keeping the text.
 */
export async function templateAction(w: CatalogOfficial, request: Request, code: string): Promise<Out> {
  const form = await request.formData();
  const values = readTemplate(form);
  const t = translator(w.lang);
  const template = templateOf(values);
  const preview = form.get('intent') === 'preview';
  try {
    if (preview) {
      await w.services.resultTemplates.preview(w.auth, code, { template, dossierCode: values.dossierCode });
      return { status: 200, body: { values, errors: {}, previewReady: true } };
    }
    await w.services.resultTemplates.save(w, code, {
      template,
      baseVersion: Number(values.baseVersion) || 0,
    });
    return redirect(`/mot-cua/thu-tuc/${encodeURIComponent(code)}/mau-ket-qua?tb=saved`);
  } catch (err) {
    const e = asAppError(err);
    if (!e) throw err;
    if (e.code === 'validation_failed')
      return {
        status: 400,
        body: { values, errors: toFieldErrors(e.fields ?? [], w.lang), formError: t('rt.err.invalid') },
      };
    if (e.code === 'stale_result_template')
      return { status: 409, body: { values, errors: {}, conflict: true, formError: t('rt.err.stale') } };
    if (preview && (e.code === 'not_found' || e.code === 'forbidden'))
      return { status: e.status, body: { values, errors: { dossierCode: errorMessage(e, w.lang) } } };
    if (e.code === 'forbidden' || e.code === 'not_found')
      return { status: e.status, body: { values, errors: {}, formError: errorMessage(e, w.lang) } };
    throw err;
  }
}
