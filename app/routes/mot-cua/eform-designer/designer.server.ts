import { randomUUID } from 'node:crypto';
import { redirect } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { eformDefinitionProblems } from '../../../../src/domain/eform.ts';
import type { EformDefinition } from '../../../../src/domain/eform.ts';
import { translator } from '../../../i18n/index.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import type { CatalogOfficial } from '../thu-tuc/access.server.ts';
import { designerStep, problemErrors, readState } from './designer-step.ts';
import { contractErrors } from './draft-shape.ts';
import type { DesignerState } from './designer-step.ts';

/** A version number from the query (?xem=, ?tu=) among the saved ones; null otherwise. */
function versionParam(params: URLSearchParams, name: string, saved: readonly number[]): number | null {
  const n = Number(params.get(name));
  return Number.isInteger(n) && saved.includes(n) ? n : null;
}

/**
 * What the designer page shows: the procedure, its current form (the draft starts from it, or from
 * the version asked for with ?tu=n), every saved version, one version read-only (?xem=n), and the
 * catalogs a catalog field may use.
 */
export async function designerData(w: CatalogOfficial, code: string, params: URLSearchParams) {
  const p = await orErrorPage(w.services.procedures.get(w.auth, code));
  const [current, versions, catalogs] = await Promise.all([
    w.services.eforms.current(p.code),
    w.services.eforms.versions(w.auth, p.code),
    w.services.catalogs.listCatalogs(),
  ]);
  // The preview's catalog selects: the items of the catalogs that have no parent (province, ethnic
  // group…); a dependent list (communes) needs the parent's choice, which a preview does not make.
  const roots = catalogs.filter((c) => c.parentCatalog === null);
  const lists = await Promise.all(roots.map((c) => w.services.catalogs.listItems(c.code, { limit: 300 })));
  const catalogItems = Object.fromEntries(
    lists.map((l) => [l.catalog.code, l.items.map((i) => ({ value: i.code, label: i.name }))]),
  );
  const saved = versions.map((v) => v.version);
  const view = versionParam(params, 'xem', saved);
  const start = w.canEdit ? versionParam(params, 'tu', saved) : null;
  const [viewed, started] = await Promise.all([
    view === null ? null : w.services.eforms.version(p.code, view),
    start === null ? null : w.services.eforms.version(p.code, start),
  ]);
  const initial: DesignerState = {
    draft: started?.definition ?? current.definition,
    selected: null,
    baseVersion: current.version,
  };
  return {
    code: p.code,
    name: p.name,
    canEdit: w.canEdit,
    version: current.version,
    startedFrom: start,
    viewed: viewed ? { version: viewed.version, definition: viewed.definition } : null,
    versions: versions.map((v) => ({ ...v, createdAt: formatDateTime(v.createdAt) })),
    catalogItems,
    catalogs: catalogs.map((c) => ({ value: c.code, label: w.lang === 'en' ? c.nameEn : c.name })),
    initial,
    stamp: randomUUID(),
  };
}

export interface DesignerActionData {
  state: DesignerState;
  errors: FieldErrors;
  formError?: string | undefined;
  /** Someone saved a newer version meanwhile: the draft is kept, the editor decides. */
  conflict?: boolean | undefined;
  /** Tells the page a new answer arrived (its inputs start again from this state). */
  stamp: string;
}

type Out = Response | { status: number; body: DesignerActionData };

/**
 * The designer's form posts (without JavaScript every button comes here): the next draft, or for
 * "Lưu" a new version saved with the version the editor started from; the service's problems come
 * back next to the fields they concern, a stale version as a conflict that keeps the draft.
 */
export async function designerAction(w: CatalogOfficial, request: Request, code: string): Promise<Out> {
  const form = await request.formData();
  const state = readState(form);
  if (!state) failWith(400);
  const t = translator(w.lang);
  const step = designerStep(state, form, t);
  const body = (extra: Partial<DesignerActionData> = {}): DesignerActionData => ({
    state: step.state,
    errors: step.errors,
    stamp: randomUUID(),
    ...extra,
  });
  if (form.get('intent') !== 'save') return { status: 200, body: body() };
  if (Object.keys(step.errors).length) return { status: 400, body: body({ formError: t('ed.err.invalid') }) };
  const draft: EformDefinition = step.state.draft;
  // The domain's problems say best what to fix; the contract's (limits out of range) fill in the rest.
  const broken = {
    ...contractErrors(draft, t),
    ...problemErrors(
      draft,
      eformDefinitionProblems(draft).map((p) => ({ field: p.path, message: p.message })),
      t,
    ),
  };
  if (Object.keys(broken).length)
    return { status: 400, body: body({ errors: broken, formError: t('ed.err.invalid') }) };
  try {
    await w.services.eforms.save(w, code, { definition: draft, baseVersion: step.state.baseVersion });
    return redirect(`/mot-cua/thu-tuc/${encodeURIComponent(code)}/to-khai?tb=saved`);
  } catch (err) {
    const e = asAppError(err);
    if (!e) throw err;
    if (e.code === 'validation_failed')
      return {
        status: 400,
        body: body({ errors: problemErrors(draft, e.fields ?? [], t), formError: t('ed.err.invalid') }),
      };
    if (e.code === 'stale_eform')
      return { status: 409, body: body({ conflict: true, formError: t('ed.err.stale') }) };
    if (e.code === 'forbidden' || e.code === 'not_found')
      return { status: e.status, body: body({ formError: errorMessage(e, w.lang) }) };
    throw err;
  }
}
