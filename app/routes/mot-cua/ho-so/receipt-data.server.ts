import type { PublicProcedure } from '../../../../src/modules/procedures/schema.ts';
import type { Services } from '../../../../src/services.ts';
import type { Lang } from '../../../context.ts';
import { translator } from '../../../i18n/index.ts';
import { formatCount } from '../../../components/admin-format.ts';
import { asAppError } from '../../../lib/errors.ts';
import { deadlineText } from '../../catalog/procedure-sections.tsx';
import type { CopyType } from './labels.ts';

/**
 * What the receipt form shows, read through the public catalog (published procedures only, what a
 * counter may receive) and the shared catalogs: the procedures an agency carries out, the required
 * components, legal basis, fees and time limit of one (II.5.1), provinces and communes.
 */

export interface ProcedureChoice {
  code: string;
  name: string;
  fieldName: string;
}

const CODE = /^[0-9A-Za-z][0-9A-Za-z.-]{2,39}$/;

/** A published procedure by code, or undefined (unknown, withdrawn). */
async function published(services: Services, code: string): Promise<PublicProcedure | undefined> {
  try {
    return await services.publicCatalog.get(code);
  } catch (err) {
    if (asAppError(err)?.code === 'not_found') return undefined;
    throw err;
  }
}

/** Procedures of the agency matching the words or the exact code typed (all of them, first 30, when nothing is typed). */
export async function procedureChoices(
  services: Services,
  agencyId: string,
  q: string,
): Promise<ProcedureChoice[]> {
  const term = q.trim().slice(0, 200);
  const [exact, page] = await Promise.all([
    CODE.test(term) ? published(services, term) : Promise.resolve(undefined),
    services.publicCatalog.search({ ...(term ? { q: term } : {}), agency: agencyId, limit: 30 }),
  ]);
  const out: ProcedureChoice[] = [];
  if (exact && exact.agencies.some((a) => a.id === agencyId))
    out.push({ code: exact.code, name: exact.content.name, fieldName: exact.field.name });
  for (const p of page.items)
    if (!out.some((o) => o.code === p.code)) out.push({ code: p.code, name: p.name, fieldName: p.fieldName });
  return out;
}

export interface ComponentFact {
  group: string | null;
  name: string;
  originals: number;
  copies: number;
  electronic: boolean;
  required: boolean;
  condition: string | null;
  /** What the counter most likely receives: the copy type and count the form starts with. */
  copyType: CopyType;
  count: number;
}

export interface ProcedureFacts {
  code: string;
  name: string;
  fieldName: string;
  components: ComponentFact[];
  legalBasis: string[];
  deadline: string;
  fees: string[];
  results: string[];
  forms: { name: string; url: string | null }[];
}

/** The procedure as the counter checks a dossier against it, or undefined when the agency does not carry it out. */
export async function procedureFacts(
  services: Services,
  code: string,
  agencyId: string,
  lang: Lang,
): Promise<ProcedureFacts | undefined> {
  if (!CODE.test(code)) return undefined;
  const p = await published(services, code);
  if (!p || !p.agencies.some((a) => a.id === agencyId)) return undefined;
  const t = translator(lang);
  const c = p.content;
  const counter = c.channels.find((ch) => ch.channel === 'counter') ?? c.channels[0];
  const fees = counter
    ? [
        ...(counter.free === true ? [t('ds.r.free')] : []),
        ...counter.fees.map((f) =>
          [f.amountVnd !== null ? `${formatCount(f.amountVnd)} đ` : null, f.description]
            .filter(Boolean)
            .join(': '),
        ),
      ]
    : [];
  return {
    code: p.code,
    name: c.name,
    fieldName: p.field.name,
    components: c.components.flatMap((g) =>
      g.items.map((i) => ({
        group: g.group,
        name: i.name,
        originals: i.originals,
        copies: i.copies,
        electronic: i.electronic,
        required: i.required,
        condition: i.condition,
        copyType:
          i.originals > 0 ? 'original' : i.copies > 0 ? 'copy' : i.electronic ? 'electronic' : 'original',
        count: Math.min(100, Math.max(1, i.originals + i.copies)),
      })),
    ),
    legalBasis: c.legalBasis.map((l) => (l.number ? `${l.number}: ${l.title}` : l.title)),
    deadline: counter ? deadlineText(t, counter) : t('ds.r.noDeadline'),
    fees: fees.length ? fees : [t('ds.r.feesUnknown')],
    results: c.results.map((r) => r.name),
    forms: p.forms.map((f) => ({ name: f.name, url: f.url })),
  };
}

export interface Place {
  code: string;
  name: string;
}

export async function provinces(services: Services): Promise<Place[]> {
  const { items } = await services.catalogs.listItems('province', { limit: 100 });
  return items.map((i) => ({ code: i.code, name: i.name }));
}

/** The communes of one province (a few hundred at most). */
export async function communesOf(services: Services, province: string): Promise<Place[]> {
  if (!/^[0-9]{2}$/.test(province)) return [];
  const { items } = await services.catalogs.listItems('commune', { parent: province, limit: 500 });
  return items.map((i) => ({ code: i.code, name: i.name }));
}
