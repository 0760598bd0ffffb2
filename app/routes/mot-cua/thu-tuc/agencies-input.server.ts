import { CHANNELS } from '../../../../src/domain/procedure.ts';
import type { Channel } from '../../../../src/domain/procedure.ts';
import type { AdminProcedure } from '../../../../src/modules/procedures/schema.ts';
import type { Services } from '../../../../src/services.ts';
import type { AuthContext } from '../../../../src/modules/accounts/sessions.ts';

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  level: string;
  depth: number;
  selected: boolean;
  channels: Channel[];
}

/** The channels a newly chosen agency starts with: those the procedure offers (counter when none). */
export function defaultChannels(p: AdminProcedure): Channel[] {
  const offered = CHANNELS.filter((c) => p.content.channels.some((ch) => ch.channel === c));
  return offered.length > 0 ? offered : ['counter'];
}

/** Every active agency in tree order (children by name under their parent), with the procedure's choice. */
export async function agencyRows(
  services: Services,
  auth: AuthContext,
  p: AdminProcedure,
): Promise<AgencyRow[]> {
  const all = await services.procedures.agencyChoices(auth);
  const ids = new Set(all.map((a) => a.id));
  const children = new Map<string | null, typeof all>();
  for (const a of all) {
    const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  const chosen = new Map(p.agencies.map((a) => [a.id, a.channels]));
  const fallback = defaultChannels(p);
  const out: AgencyRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const a of list) {
      const channels = chosen.get(a.id);
      out.push({
        id: a.id,
        code: a.code,
        name: a.name,
        level: a.level,
        depth,
        selected: channels !== undefined,
        channels: channels ?? fallback,
      });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The agencies ticked on the form ("all communes" adds every commune) with their channels. */
export function readAgencies(
  form: FormData,
  rows: readonly AgencyRow[],
): { agencies: { agencyId: string; channels: Channel[] }[]; missing: AgencyRow[] } {
  const ticked = new Set(form.getAll('agency').filter((v): v is string => typeof v === 'string'));
  if (form.get('allCommunes') === '1') for (const r of rows) if (r.level === 'commune') ticked.add(r.id);
  const agencies: { agencyId: string; channels: Channel[] }[] = [];
  const missing: AgencyRow[] = [];
  for (const r of rows) {
    if (!ticked.has(r.id)) continue;
    const sent = form.getAll(`ch-${r.id}`);
    const channels = CHANNELS.filter((c) => sent.includes(c));
    if (channels.length === 0) missing.push(r);
    else agencies.push({ agencyId: r.id, channels });
  }
  return { agencies, missing };
}
