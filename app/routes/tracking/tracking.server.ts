import { data } from 'react-router';
import { formatDateTime } from '../../../src/domain/datetime.ts';
import { isDossierCode } from '../../../src/domain/dossier-code.ts';
import { DOSSIER_STATUSES, STATUS_INFO } from '../../../src/domain/dossier-status.ts';
import type { DossierStatus } from '../../../src/domain/dossier-status.ts';
import { ID_NUMBER_PATTERN, PHONE_PATTERN } from '../../../src/modules/dossiers/schema.ts';
import type { PublicDossier } from '../../../src/modules/dossiers/schema.ts';
import type { WebContext } from '../../context.ts';
import { translator } from '../../i18n/index.ts';
import { asAppError } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/errors.ts';
import type { TrackValues } from './fields.ts';

/**
 * The public tracking page's server side (II.19.1–19.2): reads the GET form, checks what was typed,
 * spends the client address's lookup budget and asks the dossier service. A wrong code, a wrong
 * second factor and a wrong signed link all give the same neutral answer.
 */

export type TrackOutcome = 'form' | 'invalid' | 'not_found' | 'bad_link' | 'limited' | 'found';

const byLabel = new Map<string, DossierStatus>(DOSSIER_STATUSES.map((s) => [STATUS_INFO[s].label, s]));
const at = (s: string | null) => (s ? formatDateTime(s) : null);

/** The answer as the page shows it: every time DD/MM/YYYY HH:mm:ss, the same text on server and client. */
function view(d: PublicDossier) {
  return {
    code: d.code,
    procedureName: d.procedureName,
    agencyName: d.agencyName,
    status: d.status,
    statusLabel: d.statusLabel,
    lines: d.lines,
    submittedAt: formatDateTime(d.submittedAt),
    receivedAt: at(d.receivedAt),
    appointmentAt: at(d.appointmentAt),
    returnedAt: at(d.returnedAt),
    history: d.history.map((h) => ({
      at: formatDateTime(h.at),
      status: byLabel.get(h.statusLabel) ?? null,
      statusLabel: h.statusLabel,
      stepName: h.stepName,
    })),
  };
}
export type TrackedView = ReturnType<typeof view>;

export interface TrackData {
  outcome: TrackOutcome;
  values: TrackValues;
  errors: FieldErrors;
  retryAfter: number | null;
  dossier: TrackedView | null;
  description: string;
}

const clean = (v: string | null) => (v ?? '').trim().slice(0, 60);

/** Spends one lookup of the client's budget, then asks; the outcome and the HTTP status of the page. */
async function lookup(
  w: WebContext,
  ask: () => Promise<PublicDossier>,
  miss: 'not_found' | 'bad_link',
): Promise<{
  outcome: TrackOutcome;
  status: number;
  dossier: TrackedView | null;
  retryAfter: number | null;
}> {
  try {
    // One budget with the API: 30 lookups a minute per client address.
    w.services.dossiers.spendTrackingLookup(w.meta.ip ?? 'unknown');
  } catch (err) {
    const e = asAppError(err) as { retryAfterSeconds?: number } | undefined;
    return { outcome: 'limited', status: 429, dossier: null, retryAfter: e?.retryAfterSeconds ?? 60 };
  }
  try {
    return { outcome: 'found', status: 200, dossier: view(await ask()), retryAfter: null };
  } catch (err) {
    if (asAppError(err)?.status !== 404) throw err;
    return { outcome: miss, status: 404, dossier: null, retryAfter: null };
  }
}

/** Headers of every tracking answer: never cached, never indexed. */
function respond(body: TrackData, status: number, retryAfter: number | null) {
  const headers: Record<string, string> = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' };
  if (retryAfter !== null) headers['retry-after'] = String(retryAfter);
  return data(body, { status, headers });
}

/**
 * /tra-cuu-ho-so?ma=…&sdt=…|cccd=…: `?ma=` alone (the home page's box) only fills in the code; the form
 * always sends `sdt` and `cccd` (one may be empty), which is what makes it a lookup.
 */
export async function trackByForm(w: WebContext, url: URL) {
  const t = translator(w.lang);
  const sp = url.searchParams;
  const values: TrackValues = {
    ma: clean(sp.get('ma')),
    sdt: clean(sp.get('sdt')),
    cccd: clean(sp.get('cccd')),
  };
  const base = { values, errors: {}, retryAfter: null, dossier: null, description: t('tk.description') };
  if (!sp.has('sdt') && !sp.has('cccd')) return respond({ ...base, outcome: 'form' }, 200, null);

  const code = values.ma.toUpperCase();
  const phone = values.sdt.replace(/[\s.\-()]/g, '');
  const idNumber = values.cccd.replace(/\s/g, '').toUpperCase();
  const errors: FieldErrors = {};
  if (!code) errors.ma = t('tk.err.code');
  else if (!isDossierCode(code)) errors.ma = t('tk.err.codeFormat');
  if (!phone && !idNumber) errors.sdt = t('tk.err.factor');
  if (phone && !PHONE_PATTERN.test(phone)) errors.sdt = t('tk.err.phone');
  if (idNumber && !ID_NUMBER_PATTERN.test(idNumber)) errors.cccd = t('tk.err.idNumber');
  if (Object.keys(errors).length) return respond({ ...base, outcome: 'invalid', errors }, 400, null);

  const r = await lookup(
    w,
    () => w.services.dossiers.track(code, { phone: phone || undefined, idNumber: idNumber || undefined }),
    'not_found',
  );
  return respond(
    { ...base, outcome: r.outcome, dossier: r.dossier, retryAfter: r.retryAfter },
    r.status,
    r.retryAfter,
  );
}

/** /tra-cuu-ho-so/:code/:token, the receipt's QR code (II.19.2): the same answer without a second factor. */
export async function trackBySignedLink(w: WebContext, code: string, token: string) {
  const t = translator(w.lang);
  const values: TrackValues = { ma: clean(code), sdt: '', cccd: '' };
  const base = { values, errors: {}, retryAfter: null, dossier: null, description: t('tk.description') };
  const r = await lookup(w, () => w.services.dossiers.trackByToken(code, token), 'bad_link');
  // A link that does not open leaves only the code in the form: the person can still type a second factor.
  if (r.outcome !== 'found' && !isDossierCode(values.ma.toUpperCase())) values.ma = '';
  return respond(
    { ...base, outcome: r.outcome, dossier: r.dossier, retryAfter: r.retryAfter },
    r.status,
    r.retryAfter,
  );
}
