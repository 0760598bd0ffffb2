import { DEADLINE_UNITS } from '../../../../src/domain/procedure.ts';
import { CreateProcedure, UpdateProcedure } from '../../../../src/modules/procedures/schema.ts';
import type { ProcedureContentInput } from '../../../../src/modules/procedures/schema.ts';
import type { Lang } from '../../../context.ts';
import { translator } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { blankChannel, CASE_MARK } from './editor-values.ts';
import type { ChannelValues, ComponentValues, EditorValues } from './editor-values.ts';
import { fieldFor } from './editor-paths.ts';
import type { Origin } from './editor-paths.ts';
import { readRows } from './rows.server.ts';

/**
 * Reads the procedure editor's form: the typed values (to show again), the content for the service,
 * and the problems named by form field. Numbers are read here with their own messages; everything
 * else is checked by the zod contracts (CreateProcedure, UpdateProcedure), whose paths are mapped
 * back to the row and field the official typed in.
 */

const TOP = [
  'code',
  'version',
  'note',
  'name',
  'fieldCode',
  'applicantTypes',
  'onlineLevel',
  'legacyLevel',
  'procedureType',
  'decision',
  'issuingBody',
  'steps',
  'conditions',
  'implementing',
  'competent',
  'delegated',
  'coordinating',
  'address',
  'sourceUrl',
] as const;

const COMPONENT_TEXT = ['group', 'code', 'name', 'formCode', 'formName', 'formNameFor'] as const;
const COMPONENT_MORE = ['originals', 'copies', 'condition'] as const;

export function readValues(form: FormData): EditorValues {
  const top = textFields(form, TOP);
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const channels: ChannelValues[] = readRows(form, 'ch', 'channel', false).map((n) => {
    const channel = text(`ch-${n}-channel`);
    const base = blankChannel(channel === 'online' || channel === 'postal' ? channel : 'counter');
    return {
      ...base,
      offered: form.has(`ch-${n}-offered`),
      deadlineValue: text(`ch-${n}-deadlineValue`),
      deadlineUnit: text(`ch-${n}-deadlineUnit`),
      deadlineNote: text(`ch-${n}-deadlineNote`),
      free: text(`ch-${n}-free`),
      fees: readRows(form, `ch-${n}-fee`, 'amount', true, ['description']).map((k) => ({
        amount: text(`ch-${n}-fee-${k}-amount`),
        description: text(`ch-${n}-fee-${k}-description`),
      })),
      description: text(`ch-${n}-description`),
    };
  });
  const components: ComponentValues[] = readRows(form, 'comp', 'name', true, [
    'group',
    'formCode',
    'condition',
  ]).map((i) => {
    const row = Object.fromEntries(
      [...COMPONENT_TEXT, ...COMPONENT_MORE].map((f) => [f, text(`comp-${i}-${f}`)]),
    ) as Record<(typeof COMPONENT_TEXT)[number] | (typeof COMPONENT_MORE)[number], string>;
    return {
      ...row,
      groupStart: form.get(`comp-${i}-groupStart`) === '1',
      electronic: form.has(`comp-${i}-electronic`),
      required: form.has(`comp-${i}-required`),
    };
  });
  return {
    ...top,
    levels: form.getAll('levels').filter((v): v is string => typeof v === 'string'),
    channels,
    components,
    results: readRows(form, 'res', 'name', true, ['code']).map((i) => ({
      code: text(`res-${i}-code`),
      name: text(`res-${i}-name`),
    })),
    legalBasis: readRows(form, 'lb', 'title', true, ['number']).map((i) => ({
      number: text(`lb-${i}-number`),
      title: text(`lb-${i}-title`),
    })),
  };
}

const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const orNull = (v: string) => (v.trim() === '' ? null : v);

/** The steps typed one a line, "# case" lines starting a new case. */
export function parseSteps(text: string): { case: string | null; steps: string[] }[] {
  const out: { case: string | null; steps: string[] }[] = [];
  for (const line of lines(text)) {
    if (line.startsWith(CASE_MARK))
      out.push({ case: line.slice(CASE_MARK.length).trim() || null, steps: [] });
    else {
      if (out.length === 0) out.push({ case: null, steps: [] });
      out.at(-1)?.steps.push(line);
    }
  }
  return out;
}

/** The content the form describes, where each list element came from, and the numbers that are not numbers. */
export function toContent(
  v: EditorValues,
  lang: Lang,
): { content: ProcedureContentInput; origin: Origin; errors: FieldErrors } {
  const t = translator(lang);
  const errors: FieldErrors = {};
  const origin: Origin = { channels: [], components: [], results: [], legalBasis: [] };
  const count = (name: string, raw: string): number => {
    const s = raw.trim();
    if (s === '') return 0;
    if (/^\d{1,3}$/.test(s)) return Number(s);
    errors[name] = t('pa.err.count');
    return 0;
  };
  if (v.fieldCode === '') errors.fieldCode = t('pa.err.fieldCode');
  if (v.onlineLevel === '') errors.onlineLevel = t('pa.err.onlineLevel');
  if (v.legacyLevel === '') errors.legacyLevel = t('pa.err.legacyLevel');

  const channels: ProcedureContentInput['channels'] = [];
  v.channels.forEach((ch, n) => {
    if (!ch.offered) return;
    let deadline: { value: number; unit: (typeof DEADLINE_UNITS)[number] | null } | null = null;
    const raw = ch.deadlineValue.trim().replace(',', '.');
    if (raw !== '') {
      const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
      if (Number.isNaN(value)) errors[`ch-${n}-deadlineValue`] = t('pa.err.deadline');
      const unit = (DEADLINE_UNITS as readonly string[]).includes(ch.deadlineUnit)
        ? (ch.deadlineUnit as (typeof DEADLINE_UNITS)[number])
        : null;
      deadline = { value: Number.isNaN(value) ? 1 : value, unit };
    }
    const fees: { amountVnd: number | null; description: string | null }[] = [];
    const feeRows: number[] = [];
    ch.fees.forEach((f, k) => {
      let amountVnd: number | null = null;
      const amount = f.amount.replace(/[\s.,]/g, '').replace(/(đ|đồng|vnd)$/i, '');
      if (amount !== '') {
        if (/^\d{1,13}$/.test(amount)) amountVnd = Number(amount);
        else errors[`ch-${n}-fee-${k}-amount`] = t('pa.err.amount');
      }
      fees.push({ amountVnd, description: orNull(f.description) });
      feeRows.push(k);
    });
    channels.push({
      channel: ch.channel,
      deadline,
      deadlineNote: orNull(ch.deadlineNote),
      free: ch.free === 'yes' ? true : ch.free === 'no' ? false : null,
      fees,
      description: orNull(ch.description),
    });
    origin.channels.push({ block: n, fees: feeRows });
  });

  const components: ProcedureContentInput['components'] = [];
  v.components.forEach((row, r) => {
    const group = orNull(row.group.trim());
    const item = {
      code: orNull(row.code),
      name: row.name,
      formCode: orNull(row.formCode.trim()),
      formName:
        row.formCode.trim() !== '' && row.formNameFor === row.formCode.trim() ? orNull(row.formName) : null,
      originals: count(`comp-${r}-originals`, row.originals),
      copies: count(`comp-${r}-copies`, row.copies),
      electronic: row.electronic,
      required: row.required,
      condition: orNull(row.condition),
    };
    const last = components.at(-1);
    if (last && (last.group ?? null) === group && !row.groupStart) {
      last.items.push(item);
      origin.components.at(-1)?.push(r);
    } else {
      components.push({ group, items: [item] });
      origin.components.push([r]);
    }
  });

  const content: ProcedureContentInput = {
    name: v.name,
    fieldCode: v.fieldCode,
    levels: v.levels as ProcedureContentInput['levels'],
    procedureType: v.procedureType,
    decision: v.decision,
    issuingBody: v.issuingBody,
    applicantTypes: lines(v.applicantTypes),
    onlineLevel: v.onlineLevel as ProcedureContentInput['onlineLevel'],
    legacyLevel: Number(v.legacyLevel) as ProcedureContentInput['legacyLevel'],
    steps: parseSteps(v.steps),
    channels,
    components,
    results: v.results.map((res, i) => {
      origin.results.push(i);
      return { code: res.code, name: res.name };
    }),
    conditions: v.conditions,
    legalBasis: v.legalBasis.map((l, i) => {
      origin.legalBasis.push(i);
      return { number: l.number, title: l.title };
    }),
    agencies: {
      implementing: v.implementing,
      competent: v.competent,
      delegated: v.delegated,
      coordinating: v.coordinating,
      address: v.address,
    },
    sourceUrl: v.sourceUrl.trim() === '' ? null : v.sourceUrl.trim(),
  };
  return { content, origin, errors };
}

export type ReadEditor =
  | {
      ok: true;
      values: EditorValues;
      origin: Origin;
      code: string;
      version: number;
      note: string | null;
      content: CreateProcedure['content'];
    }
  | { ok: false; values: EditorValues; errors: FieldErrors; origin: Origin };

/** Checks the form with the create (`mode` 'create') or update contract. */
export function readEditor(form: FormData, mode: 'create' | 'edit', lang: Lang): ReadEditor {
  const values = readValues(form);
  const { content, origin, errors: own } = toContent(values, lang);
  const issues: { path: (string | number)[]; message: string }[] = [];
  let out:
    { code: string; version: number; note: string | null; content: CreateProcedure['content'] } | undefined;
  if (mode === 'create') {
    const parsed = CreateProcedure.safeParse({ code: values.code, content });
    if (parsed.success)
      out = { code: parsed.data.code, version: 0, note: null, content: parsed.data.content };
    else
      for (const i of parsed.error.issues)
        issues.push({ path: i.path as (string | number)[], message: i.message });
  } else {
    const parsed = UpdateProcedure.safeParse({ version: Number(values.version), content, note: values.note });
    if (parsed.success)
      out = {
        code: values.code,
        version: parsed.data.version,
        note: parsed.data.note,
        content: parsed.data.content,
      };
    else
      for (const i of parsed.error.issues)
        issues.push({ path: i.path as (string | number)[], message: i.message });
  }
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const [head, ...rest] = issue.path;
    const field = head === 'content' ? fieldFor(rest, origin) : String(head ?? 'name');
    errors[field] ??= issue.message;
  }
  Object.assign(errors, own);
  if (!out || Object.keys(errors).length > 0) return { ok: false, values, errors, origin };
  return { ok: true, values, origin, ...out };
}
