import { CHANNELS } from '../../../../src/domain/procedure.ts';
import type { Channel, ProcedureContent } from '../../../../src/domain/procedure.ts';

/**
 * The procedure editor's form as plain strings (what the browser sends back), so a refused form is
 * shown again exactly as typed. Lists are edited as rows; blank rows are added when rendering.
 */

export interface FeeValues {
  amount: string;
  description: string;
}

export interface ChannelValues {
  channel: Channel;
  offered: boolean;
  deadlineValue: string;
  deadlineUnit: string;
  deadlineNote: string;
  /** 'yes' free of charge, 'no' fees apply, '' not stated. */
  free: string;
  fees: FeeValues[];
  description: string;
}

export interface ComponentValues {
  group: string;
  /** Starts a group of its own even when the case reads the same as the row above (kept from the source). */
  groupStart: boolean;
  /** The national code of the paper (kept, not edited). */
  code: string;
  name: string;
  formCode: string;
  /** The published name of the form, and the form code it belongs to (dropped when the code changes). */
  formName: string;
  formNameFor: string;
  originals: string;
  copies: string;
  electronic: boolean;
  required: boolean;
  condition: string;
}

export interface EditorValues {
  code: string;
  version: string;
  note: string;
  name: string;
  fieldCode: string;
  levels: string[];
  applicantTypes: string;
  onlineLevel: string;
  legacyLevel: string;
  procedureType: string;
  decision: string;
  issuingBody: string;
  steps: string;
  channels: ChannelValues[];
  components: ComponentValues[];
  results: { code: string; name: string }[];
  conditions: string;
  legalBasis: { number: string; title: string }[];
  implementing: string;
  competent: string;
  delegated: string;
  coordinating: string;
  address: string;
  sourceUrl: string;
}

/** Blank rows shown after the filled ones, so rows can be added without JavaScript. */
export const EXTRA_COMPONENTS = 3;
export const EXTRA_ROWS = 2;
export const EXTRA_FEES = 1;

/** Lines starting with this mark name a case ("# Trường hợp đăng ký lại"); the steps below belong to it. */
export const CASE_MARK = '#';

export function blankChannel(channel: Channel): ChannelValues {
  return {
    channel,
    offered: false,
    deadlineValue: '',
    deadlineUnit: '',
    deadlineNote: '',
    free: '',
    fees: [],
    description: '',
  };
}

export function blankComponent(): ComponentValues {
  return {
    group: '',
    groupStart: false,
    code: '',
    name: '',
    formCode: '',
    formName: '',
    formNameFor: '',
    originals: '',
    copies: '',
    electronic: false,
    required: true,
    condition: '',
  };
}

export function emptyValues(): EditorValues {
  return {
    code: '',
    version: '',
    note: '',
    name: '',
    fieldCode: '',
    levels: [],
    applicantTypes: '',
    onlineLevel: '',
    legacyLevel: '',
    procedureType: '',
    decision: '',
    issuingBody: '',
    steps: '',
    channels: CHANNELS.map(blankChannel),
    components: [],
    results: [],
    conditions: '',
    legalBasis: [],
    implementing: '',
    competent: '',
    delegated: '',
    coordinating: '',
    address: '',
    sourceUrl: '',
  };
}

const s = (v: string | null | undefined) => v ?? '';

/** The steps as text: one step a line, each case introduced by a "# case" line. */
export function stepsText(steps: ProcedureContent['steps']): string {
  const lines: string[] = [];
  for (const c of steps) {
    if (c.case !== null) lines.push(`${CASE_MARK} ${c.case}`);
    lines.push(...c.steps);
  }
  return lines.join('\n');
}

/** The form of a stored procedure: its offered channels in order, then the ones it does not offer. */
export function valuesOf(code: string, version: number, c: ProcedureContent): EditorValues {
  const offered: ChannelValues[] = c.channels.map((ch) => ({
    channel: ch.channel,
    offered: true,
    deadlineValue: ch.deadline ? String(ch.deadline.value) : '',
    deadlineUnit: s(ch.deadline?.unit),
    deadlineNote: s(ch.deadlineNote),
    free: ch.free === null ? '' : ch.free ? 'yes' : 'no',
    fees: ch.fees.map((f) => ({
      amount: f.amountVnd === null ? '' : String(f.amountVnd),
      description: s(f.description),
    })),
    description: s(ch.description),
  }));
  const missing = CHANNELS.filter((ch) => !c.channels.some((o) => o.channel === ch)).map(blankChannel);
  return {
    code,
    version: String(version),
    note: '',
    name: c.name,
    fieldCode: c.fieldCode,
    levels: [...c.levels],
    applicantTypes: c.applicantTypes.join('\n'),
    onlineLevel: c.onlineLevel,
    legacyLevel: String(c.legacyLevel),
    procedureType: s(c.procedureType),
    decision: s(c.decision),
    issuingBody: s(c.issuingBody),
    steps: stepsText(c.steps),
    channels: [...offered, ...missing],
    components: c.components.flatMap((g) =>
      g.items.map((i, k) => ({
        group: s(g.group),
        groupStart: k === 0,
        code: s(i.code),
        name: i.name,
        formCode: s(i.formCode),
        formName: s(i.formName),
        formNameFor: s(i.formCode),
        originals: String(i.originals),
        copies: String(i.copies),
        electronic: i.electronic,
        required: i.required,
        condition: s(i.condition),
      })),
    ),
    results: c.results.map((r) => ({ code: s(r.code), name: r.name })),
    conditions: s(c.conditions),
    legalBasis: c.legalBasis.map((l) => ({ number: s(l.number), title: l.title })),
    implementing: s(c.agencies.implementing),
    competent: s(c.agencies.competent),
    delegated: s(c.agencies.delegated),
    coordinating: s(c.agencies.coordinating),
    address: s(c.agencies.address),
    sourceUrl: s(c.sourceUrl),
  };
}

/** Every field name of the form in screen order (the error summary lists problems in this order). */
export function fieldOrder(v: EditorValues): string[] {
  const out = ['code', 'name', 'fieldCode', 'levels', 'applicantTypes', 'onlineLevel', 'legacyLevel'];
  out.push('procedureType', 'decision', 'issuingBody', 'steps');
  v.channels.forEach((ch, n) => {
    out.push(`ch-${n}-offered`, `ch-${n}-deadlineValue`, `ch-${n}-deadlineUnit`, `ch-${n}-deadlineNote`);
    out.push(`ch-${n}-free`);
    for (let k = 0; k < ch.fees.length + EXTRA_FEES; k++)
      out.push(`ch-${n}-fee-${k}-amount`, `ch-${n}-fee-${k}-description`);
    out.push(`ch-${n}-description`);
  });
  for (let i = 0; i < v.components.length + EXTRA_COMPONENTS; i++)
    for (const f of [
      'group',
      'name',
      'formCode',
      'originals',
      'copies',
      'electronic',
      'required',
      'condition',
    ])
      out.push(`comp-${i}-${f}`);
  for (let i = 0; i < v.results.length + EXTRA_ROWS; i++) out.push(`res-${i}-name`, `res-${i}-code`);
  out.push('conditions');
  for (let i = 0; i < v.legalBasis.length + EXTRA_ROWS; i++) out.push(`lb-${i}-number`, `lb-${i}-title`);
  out.push('implementing', 'competent', 'delegated', 'coordinating', 'address', 'sourceUrl', 'note');
  return out;
}
