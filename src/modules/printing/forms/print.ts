import { vietnamDay } from '../../../domain/dossier-code.ts';
import type { Executor } from '../../../db/tx.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../../errors.ts';
import type { AuthContext } from '../../accounts/sessions.ts';
import type { DossierDetail } from '../../dossiers/schema.ts';
import type { DossiersService } from '../../dossiers/service.ts';
import type { PdfDocument } from '../render.ts';
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
    .map((f) => ({ number: f.number, title: sentence(f.title) }));
}

/**
 * Form `number` of the dossier as PDF, for officials who may read the dossier (403 outside their
 * partition); 404 for a form the set does not have or the dossier has not reached.
 */
export async function dossierFormPdf(
  ctx: FormsContext,
  auth: AuthContext | undefined,
  id: string,
  number: string,
) {
  assertOfficial(auth);
  const d = await ctx.dossiers.detail(auth, id);
  const form = standardForm(dossierDay(d), number, 'dossier');
  const facts = await factsOf(ctx, d);
  if (!form.applies(facts))
    throw new NotFoundError(
      `Hồ sơ ${d.code} chưa có ${sentence(form.title)} (mẫu số ${form.number}): hồ sơ chưa qua bước phát sinh biểu mẫu này`,
    );
  const bytes = await ctx.render(await form.build(facts));
  return { fileName: `mau-${form.number}-${safeName(d.code)}.pdf`, bytes };
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
