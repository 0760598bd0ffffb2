import type { ProcedureContent } from '../../../../src/domain/procedure.ts';

/** Paths in a procedure's content (zod issues, import flags) and the editor's form fields they name. */

/** Where each element of the content's lists came from on the form. */
export interface Origin {
  channels: { block: number; fees: number[] }[];
  components: number[][];
  results: number[];
  legalBasis: number[];
}

const CHANNEL_FIELD: Record<string, string> = {
  channel: 'offered',
  deadline: 'deadlineValue',
  deadlineNote: 'deadlineNote',
  free: 'free',
  description: 'description',
};
const COMPONENT_FIELD: Record<string, string> = {
  name: 'name',
  code: 'name',
  formCode: 'formCode',
  formName: 'formCode',
  originals: 'originals',
  copies: 'copies',
  electronic: 'electronic',
  required: 'required',
  condition: 'condition',
};

/** The form field a path in the content names (`['channels', 0, 'deadline', 'value']` → `ch-2-deadlineValue`). */
export function fieldFor(path: readonly (string | number)[], origin: Origin): string {
  const [head, a, b, c, d] = path;
  const at = <T>(list: readonly T[], i: unknown): T | undefined =>
    typeof i === 'number' || (typeof i === 'string' && /^\d+$/.test(i)) ? list[Number(i)] : undefined;
  if (head === 'channels') {
    const ch = at(origin.channels, a);
    if (!ch) return b === 'deadline' ? 'ch-0-deadlineValue' : 'ch-0-offered';
    if (b === 'deadline') return `ch-${ch.block}-${c === 'unit' ? 'deadlineUnit' : 'deadlineValue'}`;
    if (b === 'fees') {
      const k = at(ch.fees, c);
      return k === undefined
        ? `ch-${ch.block}-fee-0-amount`
        : `ch-${ch.block}-fee-${k}-${d === 'description' ? 'description' : 'amount'}`;
    }
    return `ch-${ch.block}-${CHANNEL_FIELD[String(b)] ?? 'offered'}`;
  }
  if (head === 'components') {
    const group = at(origin.components, a) ?? [];
    if (b !== 'items') return `comp-${group[0] ?? 0}-${b === 'group' ? 'group' : 'name'}`;
    const r = at(group, c);
    return `comp-${r ?? group[0] ?? 0}-${COMPONENT_FIELD[String(d)] ?? 'name'}`;
  }
  if (head === 'results') return `res-${at(origin.results, a) ?? 0}-${b === 'code' ? 'code' : 'name'}`;
  if (head === 'legalBasis')
    return `lb-${at(origin.legalBasis, a) ?? 0}-${b === 'number' ? 'number' : 'title'}`;
  if (head === 'agencies') return typeof a === 'string' ? a : 'implementing';
  return typeof head === 'string' ? head : 'name';
}

/** Where the lists of a stored procedure are on a freshly opened editor (same order, no blank rows). */
export function originOf(c: ProcedureContent): Origin {
  let row = 0;
  return {
    channels: c.channels.map((ch, block) => ({ block, fees: ch.fees.map((_, k) => k) })),
    components: c.components.map((g) => g.items.map(() => row++)),
    results: c.results.map((_, i) => i),
    legalBasis: c.legalBasis.map((_, i) => i),
  };
}

/** "channels[1].deadline.unit" → ['channels', '1', 'deadline', 'unit'] ("[]" gives an empty index). */
export function parsePath(field: string): string[] {
  return field.replace(/\[(\d*)\]/g, '.$1').split('.');
}

/** The editor field an issue's path names. */
export function anchorOf(c: ProcedureContent, field: string): string {
  return fieldFor(parsePath(field.replace(/^(body\.)?content\./, '')), originOf(c));
}

/** Issues with the editor field each one is about. */
export function withAnchors(
  c: ProcedureContent,
  issues: readonly { field: string; message: string }[],
): { field: string; message: string; anchor: string }[] {
  return issues.map((i) => ({ ...i, anchor: anchorOf(c, i.field) }));
}
