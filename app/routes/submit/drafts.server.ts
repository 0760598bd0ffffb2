import { formatDateTime } from '../../../src/domain/datetime.ts';
import type { EformDefinition, EformField } from '../../../src/domain/eform.ts';
import { DraftInput } from '../../../src/modules/drafts/schema.ts';
import type { WebContext } from '../../context.ts';
import { translator } from '../../i18n/index.ts';
import { asAppError, errorMessage } from '../../lib/errors.ts';
import { failWith, redirectTo } from '../../lib/http.ts';
import { countName, filesName, readForm } from './submit-values.ts';
import type { FlatValues } from './submit-values.ts';

/**
 * The submission page's two other modes (issue 6): resuming a saved draft (`?nhap=<id>`, III.1.3)
 * and changing an online dossier before receipt (`?sua=<dossierId>`). Both travel between steps in
 * hidden fields (`draft.id`/`draft.version`, `amend.id`), so that they work without JavaScript.
 */

export interface DraftMode {
  id: string;
  version: number;
  /** DD/MM/YYYY HH:mm:ss of the last save, when known. */
  savedAt: string | null;
}

export interface AmendMode {
  id: string;
  code: string;
  rowVersion: number;
  open: boolean;
  agencyId: string;
  agencyName: string;
  definition: EformDefinition;
}

export type PageNotice = 'saved' | 'resumed' | 'formChanged' | 'draftGone';

export interface ModeState {
  values?: FlatValues;
  draft?: DraftMode | null;
  amend?: AmendMode | null;
  notices?: PageNotice[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoToVn = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v.split('-').reverse().join('/') : v);

/** Keeps only the names the form (as it is now) carries: what still fits after the e-form changed. */
export function fitting(def: EformDefinition, values: FlatValues): FlatValues {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  return readForm(def, form);
}

/** A dossier's stored form data as the page's flat values (the inverse of toFormData). */
export function flatten(
  def: EformDefinition,
  data: Record<string, unknown>,
  fileNames: Record<string, string>,
): FlatValues {
  const out: FlatValues = {};
  const walk = (fields: readonly EformField[], item: Record<string, unknown>, prefix: string) => {
    for (const f of fields) {
      const name = `${prefix}${f.key}`;
      const v = item[f.key];
      if (f.type === 'group') {
        const items = Array.isArray(v) ? v : [];
        out[countName(name)] = String(items.length);
        items.forEach((x, i) => {
          if (x && typeof x === 'object') walk(f.fields, x as Record<string, unknown>, `${name}[${i}].`);
        });
      } else if (f.type === 'file') {
        const ids = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
        out[filesName(name)] = JSON.stringify(ids.map((id) => ({ id, name: fileNames[id] ?? id })));
      } else if (f.type === 'checkbox') {
        if (v === true) out[name] = 'on';
      } else if (Array.isArray(v)) out[name] = v.map(String).join('\n');
      else if (typeof v === 'string') out[name] = f.type === 'date' ? isoToVn(v) : v;
      else if (typeof v === 'number') out[name] = String(v);
    }
  };
  for (const s of def.sections) walk(s.fields, data, '');
  return out;
}

/** The dossier to change, as the page shows it; 404 unless it is the caller's own. */
async function amendOf(
  w: WebContext,
  procedureCode: string,
  id: string,
): Promise<{ mode: AmendMode; values: FlatValues }> {
  if (!UUID.test(id)) failWith(404);
  try {
    const a = await w.services.dossiers.amendForm(w.auth, id);
    // Only under its own procedure's address.
    if (a.procedureCode !== procedureCode) failWith(404);
    const postal = a.postal ?? {};
    const text = (k: string) => (typeof postal[k] === 'string' ? postal[k] : '');
    return {
      mode: {
        id: a.id,
        code: a.code,
        rowVersion: a.rowVersion,
        open: a.open,
        agencyId: a.agencyId,
        agencyName: a.agencyName,
        definition: a.definition,
      },
      values: {
        agencyId: a.agencyId,
        delivery: a.resultDelivery,
        'postal.name': text('name'),
        'postal.phone': text('phone'),
        'postal.provinceCode': text('provinceCode'),
        'postal.communeCode': text('communeCode'),
        'postal.address': text('address'),
        ...flatten(a.definition, a.formData, a.fileNames),
      },
    };
  } catch (err) {
    const e = asAppError(err);
    if (e && (e.status === 404 || e.status === 401)) failWith(404);
    throw err;
  }
}

/** What the page opens with: a draft to resume, a dossier to change, or nothing special. */
export async function openingState(
  w: WebContext,
  procedure: { code: string },
  current: { version: number; definition: EformDefinition },
  url: URL,
): Promise<ModeState> {
  if (!w.auth || w.auth.account.kind === 'official') return {};
  const sua = url.searchParams.get('sua');
  if (sua) {
    const a = await amendOf(w, procedure.code, sua);
    return { amend: a.mode, values: a.values };
  }
  const nhap = url.searchParams.get('nhap');
  if (!nhap) return {};
  try {
    const d = await w.services.drafts.get(w.auth, nhap);
    if (d.procedureCode !== procedure.code) return { notices: ['draftGone'] };
    const notices: PageNotice[] = [url.searchParams.has('luu') ? 'saved' : 'resumed'];
    if (d.eformVersion !== current.version) notices.push('formChanged');
    return {
      draft: { id: d.id, version: d.version, savedAt: formatDateTime(d.updatedAt) },
      values: fitting(current.definition, d.values),
      notices,
    };
  } catch (err) {
    if (asAppError(err)?.status === 404) return { notices: ['draftGone'] };
    throw err;
  }
}

/** The mode a post carries in its hidden fields (the dossier to change is loaded again, never trusted). */
export async function postedState(
  w: WebContext,
  procedure: { code: string },
  form: FormData,
): Promise<ModeState> {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' ? v : '';
  };
  const amendId = text('amend.id');
  if (amendId) {
    const a = await amendOf(w, procedure.code, amendId);
    // The version the applicant saw, so that a change made meanwhile is not overwritten.
    const seen = Number(text('amend.rowVersion'));
    return {
      amend: { ...a.mode, rowVersion: Number.isInteger(seen) && seen > 0 ? seen : a.mode.rowVersion },
    };
  }
  const id = text('draft.id');
  const version = Number(text('draft.version'));
  if (UUID.test(id) && Number.isInteger(version) && version > 0)
    return { draft: { id, version, savedAt: null } };
  return {};
}

/**
 * "Lưu nháp": saves what was entered, unchecked (a draft may be half filled), over the draft the
 * page came from when there is one; then shows the page again at `?nhap=<id>`.
 */
export async function saveDraft(
  w: WebContext,
  procedure: { code: string; agencies: readonly { id: string }[] },
  values: FlatValues,
  draft: DraftMode | null | undefined,
): Promise<{ formError: string }> {
  const agencyId = procedure.agencies.some((a) => a.id === values.agencyId) ? values.agencyId : null;
  const parsed = DraftInput.safeParse({ procedureCode: procedure.code, agencyId, values });
  if (!parsed.success) return { formError: parsed.error.issues[0]?.message ?? '' };
  const actor = { ...w.actor, name: w.auth?.account.fullName ?? null };
  let id: string;
  try {
    const saved = draft
      ? await w.services.drafts.update(w.auth, actor, draft.id, { ...parsed.data, version: draft.version })
      : await w.services.drafts.create(w.auth, actor, parsed.data);
    id = saved.id;
  } catch (err) {
    const e = asAppError(err);
    if (!e) throw err;
    const t = translator(w.lang);
    if (e.code === 'draft_limit') return { formError: t('dr.limit') };
    if (e.code === 'stale_draft') return { formError: t('dr.stale') };
    return { formError: errorMessage(e, w.lang) };
  }
  redirectTo(`/nop-ho-so/${encodeURIComponent(procedure.code)}?nhap=${id}&luu=1`);
}
