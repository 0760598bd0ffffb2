import { vietnamDay } from '../../../domain/dossier-code.ts';
import type { Executor } from '../../../db/tx.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../../errors.ts';
import type { AuthContext } from '../../accounts/sessions.ts';
import type { DossierDetail } from '../../dossiers/schema.ts';
import type { DossiersService } from '../../dossiers/service.ts';
import type { PdfDocument } from '../render.ts';
import type { FormEvent, FormFacts } from './common.ts';
import { eventsOf } from './common.ts';
import { agencyFacts, formFacts } from './facts.ts';
import { registerAgency, registerPeriod, registerRows } from './register.ts';
import type { RegisterQuery } from './register.ts';
import { formSetOn, standardForm } from './rule-set.ts';
import type { DossierForm } from './rule-set.ts';

/** What printing the standard forms needs from the platform. */
export interface FormsContext {
  db: Executor;
  dossiers: DossiersService;
  portalUrl: string;
  render(doc: PdfDocument): Promise<Uint8Array<ArrayBuffer>>;
}

export interface FormLink {
  number: string;
  title: string;
  /** For a form printed once per history entry (Mẫu 02, 03): each one, numbered from 1, with its time. */
  occurrences: { lan: number; at: Date }[] | null;
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9.-]/g, '_');

/** The standard forms are the back office's paperwork: officials only (the applicant gets hers from them). */
function assertOfficial(auth: AuthContext | undefined): asserts auth is AuthContext {
  if (!auth) throw new UnauthenticatedError();
  if (auth.account.kind !== 'official') throw new ForbiddenError('Chức năng dành cho cán bộ, công chức');
}

/** The forms of a dossier follow the set in force on the day it was received (or submitted). */
const dossierDay = (d: DossierDetail) => vietnamDay(new Date(d.receivedAt ?? d.submittedAt));

const sentence = (title: string) => {
  const lower = title.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
};

async function factsOf(ctx: FormsContext, d: DossierDetail) {
  return formFacts(ctx.db, d, { trackingUrl: ctx.dossiers.trackingUrl(d.code), portalUrl: ctx.portalUrl });
}

/** The dossier forms that have arisen for `d` (already read by the caller with their rights), for its page. */
export async function formsOf(ctx: FormsContext, d: DossierDetail): Promise<FormLink[]> {
  const facts = await factsOf(ctx, d);
  return formSetOn(dossierDay(d))
    .forms.filter((f): f is DossierForm => f.kind === 'dossier' && f.applies(facts))
    .map((f) => ({
      number: f.number,
      title: sentence(f.title),
      occurrences: f.repeats ? eventsOf(facts, f.repeats).map((e, i) => ({ lan: i + 1, at: e.at })) : null,
    }));
}

/**
 * The history entry occurrence `lan` (1-based; null: the latest) of a form that repeats; 404 naming
 * how many there are when the dossier has fewer. A form printed once has only occurrence 1.
 */
function occurrenceOf(form: DossierForm, facts: FormFacts, lan: number | null): FormEvent | undefined {
  if (lan !== null && (!Number.isInteger(lan) || lan < 1))
    throw new ValidationError([{ field: 'lan', message: 'Lần in (lan) phải là số nguyên từ 1 trở lên' }]);
  const all = form.repeats ? eventsOf(facts, form.repeats) : [];
  const count = form.repeats ? all.length : 1;
  if (lan !== null && lan > count)
    throw new NotFoundError(
      `Hồ sơ ${facts.dossier.code} có ${count} ${sentence(form.title).toLocaleLowerCase('vi')} ` +
        `(mẫu số ${form.number}); không có lần thứ ${lan}`,
    );
  return lan === null ? all.at(-1) : all[lan - 1];
}

/**
 * Form `number` of the dossier as PDF, for officials who may read the dossier (403 outside their
 * partition); 404 for a form the set does not have or the dossier has not reached; `lan`: which
 * occurrence of a repeating form (default the latest).
 */
export async function dossierFormPdf(
  ctx: FormsContext,
  auth: AuthContext | undefined,
  id: string,
  number: string,
  lan: number | null = null,
) {
  assertOfficial(auth);
  const d = await ctx.dossiers.detail(auth, id);
  const form = standardForm(dossierDay(d), number, 'dossier');
  const facts = await factsOf(ctx, d);
  if (!form.applies(facts))
    throw new NotFoundError(
      `Hồ sơ ${d.code} chưa có ${sentence(form.title)} (mẫu số ${form.number}): hồ sơ chưa qua bước phát sinh biểu mẫu này`,
    );
  const occurrence = occurrenceOf(form, facts, lan);
  const bytes = await ctx.render(await form.build(facts, occurrence));
  const nth = lan === null ? '' : `lan-${lan}-`;
  return { fileName: `mau-${form.number}-${nth}${safeName(d.code)}.pdf`, bytes };
}

/** Mẫu 06 of an agency in the official's partition over a period (at most a year). */
export async function registerPdf(ctx: FormsContext, auth: AuthContext | undefined, q: RegisterQuery) {
  assertOfficial(auth);
  const period = registerPeriod(q);
  const agencyId = await registerAgency(ctx.db, auth, q.agencyId);
  const form = standardForm(period.from, '06', 'register');
  const [agency, rows] = await Promise.all([
    agencyFacts(ctx.db, agencyId),
    registerRows(ctx.db, agencyId, period),
  ]);
  const bytes = await ctx.render(form.build({ agency, ...period, rows, now: new Date() }));
  return { fileName: `so-theo-doi-ho-so-${period.from}-${period.to}.pdf`, bytes };
}
