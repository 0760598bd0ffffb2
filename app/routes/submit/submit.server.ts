import { sql } from 'kysely';
import type { EformDefinition, EformField, EformPrefill } from '../../../src/domain/eform.ts';
import { STATUS_INFO } from '../../../src/domain/dossier-status.ts';
import { checkOnlineForm, currentEform } from '../../../src/modules/dossiers/online-form.ts';
import { SubmitBody } from '../../../src/modules/dossiers/schema.ts';
import type { WebContext } from '../../context.ts';
import { translator } from '../../i18n/index.ts';
import { asAppError, errorMessage } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/errors.ts';
import { failWith, redirectTo } from '../../lib/http.ts';
import { controlName, fileFields, filesName, filesOf, readForm, toFormData } from './submit-values.ts';
import { AmendBody } from '../../../src/modules/dossiers/amend-schema.ts';
import { openingState, postedState, saveDraft } from './drafts.server.ts';
import type { ModeState } from './drafts.server.ts';
import type { FlatValues } from './submit-values.ts';

/**
 * /nop-ho-so/:code, server side (III.1.1, III.1.2, III.4.2, III.15.2): the procedure, the agencies
 * that take it online, its current e-form, the catalog choices, the values prefilled from the account
 * and the applicant's latest dossier; then edit → review → submit through the dossier service.
 */

type Option = { value: string; label: string };
export type SubmitStep = 'edit' | 'review';

const isoToVn = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v.split('-').reverse().join('/') : v);

async function procedureOf(w: WebContext, code: string) {
  const db = w.services.database.db;
  const p = await db
    .selectFrom('procedures')
    .select(['id', 'code', 'name', 'pub_name', 'status'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!p || p.status !== 'published') failWith(404);
  const agencies = await db
    .selectFrom('procedure_agencies as pa')
    .innerJoin('agencies as a', 'a.id', 'pa.agency_id')
    .select(['a.id', 'a.name'])
    .where('pa.procedure_id', '=', p.id)
    .where(sql<boolean>`'online' = any(pa.channels)`)
    .orderBy('a.name')
    .execute();
  return { id: p.id, code: p.code, name: p.pub_name ?? p.name, agencies };
}

/** Values prefilled from the account (III.1.1), then from the latest dossier's form for the same keys. */
async function prefilled(w: WebContext, def: EformDefinition): Promise<FlatValues> {
  const auth = w.auth;
  if (!auth) return {};
  const db = w.services.database.db;
  const acc = await db
    .selectFrom('accounts as a')
    .leftJoin('catalog_items as c', (j) =>
      j.onRef('c.code', '=', 'a.commune_code').on('c.catalog', '=', 'commune'),
    )
    .select([
      'a.full_name',
      'a.birth_date',
      'a.gender',
      'a.id_number',
      'a.phone',
      'a.email',
      'a.address',
      'a.commune_code',
      'c.parent_code',
      'a.org_name',
      'a.tax_code',
    ])
    .where('a.id', '=', auth.account.id)
    .executeTakeFirst();
  const last = await db
    .selectFrom('dossiers')
    .select('form_data')
    .where('applicant_account_id', '=', auth.account.id)
    .orderBy('submitted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const profile: Record<EformPrefill, string | null | undefined> = {
    fullName: acc?.full_name,
    birthDate: acc?.birth_date ? acc.birth_date.toISOString().slice(0, 10) : null,
    gender: acc?.gender,
    idNumber: acc?.id_number,
    phone: acc?.phone,
    email: acc?.email,
    address: acc?.address,
    communeCode: acc?.commune_code,
    provinceCode: acc?.parent_code,
    orgName: acc?.org_name,
    taxCode: acc?.tax_code,
  };
  const earlier = last?.form_data ?? {};
  const out: FlatValues = {};
  for (const s of def.sections)
    for (const f of s.fields) {
      // A declaration is given anew each time, never carried over.
      if (f.type === 'group' || f.type === 'file' || f.type === 'checkbox') continue;
      const old = earlier[f.key];
      const mine = f.prefill ? profile[f.prefill] : null;
      const v =
        mine ??
        (typeof old === 'string' || typeof old === 'number' ? String(old) : old === true ? 'on' : null);
      if (v) out[f.key] = f.type === 'date' ? isoToVn(v) : v;
    }
  out['postal.name'] = profile.fullName ?? '';
  out['postal.phone'] = profile.phone ?? '';
  out['postal.provinceCode'] = profile.provinceCode ?? '';
  out['postal.communeCode'] = profile.communeCode ?? '';
  out['postal.address'] = profile.address ?? '';
  return out;
}

/** The choices of every catalog field: a commune list follows the province currently chosen. */
async function catalogOptions(w: WebContext, def: EformDefinition, values: FlatValues) {
  const db = w.services.database.db;
  const wanted: { name: string; catalog: string; parent: string | null }[] = [
    { name: 'postal.provinceCode', catalog: 'province', parent: null },
    { name: 'postal.communeCode', catalog: 'commune', parent: values['postal.provinceCode'] ?? '' },
  ];
  for (const s of def.sections)
    for (const f of s.fields)
      if (f.type === 'catalog')
        wanted.push({
          name: f.key,
          catalog: f.catalog,
          parent: f.parentField ? (values[f.parentField] ?? '') : null,
        });
  const out: Record<string, Option[]> = {};
  for (const want of wanted) {
    let q = db
      .selectFrom('catalog_items')
      .select(['code', 'name'])
      .where('catalog', '=', want.catalog)
      .where('active', '=', true);
    if (want.parent !== null) q = q.where('parent_code', '=', want.parent);
    const rows =
      want.parent === '' ? [] : await q.orderBy('sort_order').orderBy('name').limit(2000).execute();
    out[want.name] = rows.map((r) => ({ value: r.code, label: r.name }));
  }
  return out;
}

export async function submitPage(
  w: WebContext,
  code: string,
  posted: ModeState & { errors?: FieldErrors; step?: SubmitStep; formError?: string } = {},
  /** The page's address on first load: a draft to resume (?nhap) or a dossier to change (?sua). */
  url?: URL,
) {
  const procedure = await procedureOf(w, code);
  const signedIn = Boolean(w.auth && w.auth.account.kind !== 'official');
  const current = await currentEform(w.services.database.db, procedure);
  const state = url ? { ...posted, ...(await openingState(w, procedure, current, url)) } : posted;
  // A dossier being changed keeps the e-form version it was submitted with.
  const eform = state.amend ? { definition: state.amend.definition } : current;
  const values = state.values ?? {
    agencyId: procedure.agencies.length === 1 ? (procedure.agencies[0]?.id ?? '') : '',
    delivery: 'counter',
    ...(signedIn ? await prefilled(w, eform.definition) : {}),
  };
  return {
    procedure: { code: procedure.code, name: procedure.name },
    agencies: state.amend
      ? [{ value: state.amend.agencyId, label: state.amend.agencyName }]
      : procedure.agencies.map((a) => ({ value: a.id, label: a.name })),
    signedIn,
    official: w.auth?.account.kind === 'official',
    definition: eform.definition,
    options: signedIn ? await catalogOptions(w, eform.definition, values) : {},
    values,
    errors: state.errors ?? {},
    formError: state.formError,
    step: state.step ?? 'edit',
    // The applicant's stored documents, offered under every file field (V.8, III.1.1).
    documents: signedIn && w.auth ? await w.services.documents.list(w.auth) : [],
    draft: state.draft ?? null,
    amend: state.amend
      ? {
          id: state.amend.id,
          code: state.amend.code,
          rowVersion: state.amend.rowVersion,
          open: state.amend.open,
        }
      : null,
    notices: state.notices ?? [],
  };
}
export type SubmitPageData = Awaited<ReturnType<typeof submitPage>>;

function prefillValue(def: EformDefinition, values: FlatValues, prefill: EformPrefill) {
  const f = def.sections.flatMap((s) => s.fields).find((x: EformField) => x.prefill === prefill);
  return f ? (values[f.key] ?? '').trim() : '';
}

function body(
  w: WebContext,
  procedureCode: string,
  def: EformDefinition,
  values: FlatValues,
  account: { id_number: string | null; tax_code: string | null; phone: string | null } | undefined,
) {
  const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
  const postal = values.delivery === 'postal';
  return {
    procedureCode,
    agencyId: values.agencyId ?? '',
    applicant: {
      kind: w.auth?.account.kind === 'organisation' ? 'organisation' : 'citizen',
      idNumber:
        prefillValue(def, values, 'idNumber') ||
        prefillValue(def, values, 'taxCode') ||
        (account?.id_number ?? account?.tax_code ?? ''),
      fullName: prefillValue(def, values, 'fullName') || (w.auth?.account.fullName ?? ''),
      orgName: opt(prefillValue(def, values, 'orgName')),
      phone: opt(prefillValue(def, values, 'phone').replace(/[\s.-]/g, '')) ?? account?.phone ?? null,
      email: opt(prefillValue(def, values, 'email')),
      address: opt(prefillValue(def, values, 'address')),
      communeCode: opt(prefillValue(def, values, 'communeCode')),
    },
    formData: toFormData(def, values),
    resultDelivery: postal ? 'postal' : 'counter',
    postal: postal
      ? {
          name: values['postal.name'] ?? '',
          phone: (values['postal.phone'] ?? '').replace(/[\s.-]/g, ''),
          provinceCode: values['postal.provinceCode'] ?? '',
          communeCode: values['postal.communeCode'] ?? '',
          address: values['postal.address'] ?? '',
        }
      : null,
  };
}

function toErrors(problems: readonly { field: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) {
    const name = controlName(p.field.replace(/^body\./, ''));
    // The citizen reads the label; the technical path in parentheses is for API clients.
    out[name] ??= p.message.replace(/ \((formData|postal|applicant)\.[^)]*\)/, '');
  }
  return out;
}

export async function submitAction(w: WebContext, code: string, request: Request) {
  if (!w.auth || w.auth.account.kind === 'official') return submitPage(w, code);
  const form = await request.formData();
  const procedure = await procedureOf(w, code);
  const mode = await postedState(w, procedure, form);
  const eform = mode.amend
    ? { definition: mode.amend.definition }
    : await currentEform(w.services.database.db, procedure);
  const values = readForm(eform.definition, form);
  const rawIntent = form.get('intent');
  const intent = typeof rawIntent === 'string' ? rawIntent : 'review';
  const page = (state: Parameters<typeof submitPage>[2]) =>
    submitPage(w, code, { values, ...mode, ...state });
  if (intent === 'edit' || intent === 'refresh') return page({});
  if (intent.startsWith('add:') || intent.startsWith('remove:')) {
    const [, group = '', index] = intent.split(':');
    const n = Number(values[`n.${group}`] ?? '1') || 1;
    if (intent.startsWith('add:')) values[`n.${group}`] = String(n + 1);
    else {
      for (let i = Number(index); i < n - 1; i++)
        for (const k of Object.keys(values))
          if (k.startsWith(`${group}[${i + 1}].`))
            values[k.replace(`[${i + 1}]`, `[${i}]`)] = values[k] ?? '';
      values[`n.${group}`] = String(Math.max(0, n - 1));
    }
    return page({});
  }
  // The account's own numbers when the form does not ask for them.
  const account = await w.services.database.db
    .selectFrom('accounts')
    .select(['id_number', 'tax_code', 'phone'])
    .where('id', '=', w.auth.account.id)
    .executeTakeFirst();
  const fileErrors = await uploadFiles(w, eform.definition, form, values, intent);
  if (intent.startsWith('unfile:')) return page({});
  if (intent === 'draft' && !mode.amend) return page(await saveDraft(w, procedure, values, mode.draft));
  const parsed = SubmitBody.safeParse({
    ...body(w, procedure.code, eform.definition, values, account),
    fileIds: eform.definition.sections
      .flatMap((s) => s.fields)
      .flatMap((f) => (f.type === 'file' ? filesOf(values, f.key).map((x) => x.id) : [])),
    draftId: mode.draft?.id ?? null,
  });
  const problems: { field: string; message: string }[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  try {
    await checkOnlineForm(
      w.services.database.db,
      eform.definition,
      toFormData(eform.definition, values),
      new Date(),
    );
  } catch (err) {
    problems.push(...(asAppError(err)?.fields ?? []));
  }
  if (problems.length || !parsed.success || Object.keys(fileErrors).length)
    return page({ errors: { ...toErrors(problems), ...fileErrors } });
  if (intent !== 'submit') return page({ step: 'review' });
  if (mode.amend) return amend(w, mode.amend, parsed.data, page);
  try {
    const id = await w.services.dossiers.submit({ auth: w.auth, actor: w.actor }, parsed.data);
    redirectTo(`/nop-ho-so/${encodeURIComponent(procedure.code)}?daNop=${id}`);
  } catch (err) {
    const e = asAppError(err);
    if (!e) throw err;
    return page({ errors: toErrors(e.fields ?? []), formError: errorMessage(e, w.lang) });
  }
}

/** The confirmation after a submission: the code and the status "Mới đăng ký". */
export async function submitted(w: WebContext, id: string) {
  if (!w.auth || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  try {
    const d = await w.services.dossiers.detail(w.auth, id);
    return { code: d.code, status: d.status, statusLabel: STATUS_INFO[d.status].label };
  } catch {
    return null;
  }
}

/**
 * Files chosen in the form's file fields (II.2.3), also inside repeating groups (`key[i].sub`):
 * checked against the field's size and formats, then stored through the dossier service's upload
 * (type by content); documents ticked under "Chọn từ kho dữ liệu" become the field's files from the
 * stored content, without a new upload (the document service checks ownership and the field's
 * rules). The kept list travels in a hidden field. `unfile:<field>:<id>` removes one.
 */
async function uploadFiles(
  w: WebContext,
  def: EformDefinition,
  form: FormData,
  values: FlatValues,
  intent: string,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const [verb, unfiled, unfiledId] = intent.split(':');
  for (const { name, field: f } of fileFields(def, values)) {
    let kept = filesOf(values, name);
    if (verb === 'unfile' && unfiled === name) kept = kept.filter((x) => x.id !== unfiledId);
    for (const entry of form.getAll(name)) {
      if (!(entry instanceof File) || entry.size === 0 || !entry.name) continue;
      const ext = entry.name.split('.').pop()?.toLowerCase() ?? '';
      if (!f.extensions.map((e) => e.toLowerCase().replace(/^\./, '')).includes(ext)) {
        errors[name] = `${entry.name}: chỉ nhận định dạng ${f.extensions.join(', ')}`;
        continue;
      }
      if (entry.size > f.maxBytes) {
        errors[name] = `${entry.name}: vượt quá ${Math.round(f.maxBytes / 1024)} KB`;
        continue;
      }
      try {
        const up = await w.services.dossiers.upload(w.auth, {
          name: entry.name,
          bytes: new Uint8Array(await entry.arrayBuffer()),
        });
        kept.push({ id: up.id, name: up.fileName });
      } catch (err) {
        const e = asAppError(err);
        if (e?.code !== 'validation_failed') throw err;
        errors[name] = `${entry.name}: ${e.fields?.[0]?.message ?? errorMessage(e, w.lang)}`;
      }
    }
    for (const id of form.getAll(`${name}.reuse`)) {
      if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) continue;
      try {
        const up = await w.services.documents.reuse({ auth: w.auth, actor: w.actor }, id, {
          field: name,
          maxBytes: f.maxBytes,
          extensions: f.extensions,
        });
        kept.push({ id: up.id, name: up.fileName });
      } catch (err) {
        const e = asAppError(err);
        if (e?.code !== 'validation_failed' && e?.status !== 404) throw err;
        errors[name] = (e.fields?.[0]?.message ?? errorMessage(e, w.lang)).replace(` (${name})`, '');
      }
    }
    if (f.maxFiles && kept.length > f.maxFiles) kept = kept.slice(0, f.maxFiles);
    values[filesName(name)] = JSON.stringify(kept);
  }
  return errors;
}

/** "Cập nhật hồ sơ": the checked values replace the dossier's, on the version the applicant saw. */
async function amend(
  w: WebContext,
  a: NonNullable<ModeState['amend']>,
  data: SubmitBody,
  page: (state: Parameters<typeof submitPage>[2]) => ReturnType<typeof submitPage>,
) {
  const body = AmendBody.parse({ ...data, rowVersion: a.rowVersion });
  try {
    await w.services.dossiers.amend({ auth: w.auth, actor: w.actor }, a.id, body);
  } catch (err) {
    const e = asAppError(err);
    if (!e) throw err;
    const t = translator(w.lang);
    // Received or cancelled meanwhile, or changed in another window: say which, in the page's language.
    const formError =
      e.code === 'invalid_action'
        ? t('dr.amendClosed', { code: a.code })
        : e.code === 'stale_dossier'
          ? t('dr.amendStale')
          : errorMessage(e, w.lang);
    return page({ errors: toErrors(e.fields ?? []), formError });
  }
  redirectTo(`/ho-so-cua-toi/${a.id}?tb=amend`);
}
