import type { Content } from 'pdfmake/interfaces.d.ts';
import { formatDate, formatDateTime } from '../../domain/datetime.ts';
import type { EformDefinition, EformField } from '../../domain/eform.ts';
import { isVisible } from '../../domain/eform-validate.ts';
import {
  BLANK,
  dataTable,
  documentTitle,
  labelValues,
  nationalHeading,
  placeAndDate,
  sectionHeading,
  signatureBlock,
} from './blocks.ts';
import type { LabelValue } from './blocks.ts';
import type { PdfDocument } from './render.ts';

/**
 * The filled e-form as a printable document (III.1.3, II.12.2): the national heading, the form's title,
 * the dossier's facts when there is one, every visible field as "label: value" in the form's order,
 * then the place and date and the declarant's signature. Pure: catalog and file names come looked up.
 */

/** What is known of the dossier the form belongs to; absent before submission. */
export interface FormFacts {
  code?: string | null | undefined;
  procedureName: string;
  agencyName?: string | null | undefined;
  /** ISO instant. */
  submittedAt?: string | null | undefined;
  applicant?: string | null | undefined;
}

export interface EformNames {
  /** Names of catalog items by `catalogKey(catalog, code)`. */
  catalog: ReadonlyMap<string, string>;
  /** Names of attached files by id. */
  files: ReadonlyMap<string, string>;
}

export const catalogKey = (catalog: string, code: string) => `${catalog}\u0000${code}`;

type Data = Record<string, unknown>;
const asData = (v: unknown): Data => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : {});
const asText = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]);

/** Every catalog code the data refers to (visible or not), to look their names up in one query. */
export function catalogCodes(def: EformDefinition, data: Data): { catalog: string; code: string }[] {
  const out = new Map<string, { catalog: string; code: string }>();
  const walk = (fields: readonly EformField[], scope: Data) => {
    for (const f of fields) {
      if (f.type === 'group') asList(scope[f.key]).forEach((item) => walk(f.fields, asData(item)));
      const code = f.type === 'catalog' ? asText(scope[f.key]) : '';
      if (f.type === 'catalog' && code) out.set(catalogKey(f.catalog, code), { catalog: f.catalog, code });
    }
  };
  for (const s of def.sections) walk(s.fields, data);
  return [...out.values()];
}

/** One field's value as printed; '' when nothing was filled in (printed as BLANK). */
export function printedValue(
  f: Exclude<EformField, { type: 'group' }>,
  raw: unknown,
  names: EformNames,
): string {
  switch (f.type) {
    case 'checkbox':
      // Never answered (a form filled on paper): blank, not a "Không" nobody said.
      if (raw === undefined || raw === null) return '';
      return raw === true || raw === 'true' || raw === 'on' ? 'Có' : 'Không';
    case 'date': {
      const v = asText(raw);
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
    }
    case 'number':
      return typeof raw === 'number' ? new Intl.NumberFormat('vi-VN').format(raw) : asText(raw);
    case 'choice':
      return asList(raw)
        .map(asText)
        .filter(Boolean)
        .map((v) => f.options.find((o) => o.value === v)?.label ?? v)
        .join('; ');
    case 'catalog': {
      const code = asText(raw);
      return code ? (names.catalog.get(catalogKey(f.catalog, code)) ?? code) : '';
    }
    case 'file':
      return asList(raw)
        .map(asText)
        .filter(Boolean)
        .map((id) => names.files.get(id) ?? id)
        .join('; ');
    case 'text':
    case 'textarea':
    case 'id_number':
    case 'phone':
    case 'email':
      return asText(raw);
  }
}

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

type GroupField = Extract<EformField, { type: 'group' }>;

// A group of a few one-line fields reads best as a table; others as numbered items.
const asTable = (g: GroupField) =>
  g.fields.length <= 4 && g.fields.every((f) => f.type !== 'group' && f.type !== 'textarea');

function groupContent(g: GroupField, raw: unknown, top: Data, names: EformNames): Content[] {
  const given = asList(raw).map(asData);
  // An empty group still prints one blank item, for the hand.
  const items = given.length ? given : [{}];
  const title: Content = { text: `${g.label}:`, margin: [0, 2, 0, 2] };
  if (asTable(g)) {
    const subs = g.fields as Exclude<EformField, { type: 'group' }>[];
    return [
      title,
      dataTable(
        ['STT', ...subs.map((f) => f.label)],
        items.map((item, i) => [
          String(i + 1),
          ...subs.map((f) =>
            isVisible(f.visibleWhen, item, top) ? printedValue(f, item[f.key], names) : '—',
          ),
        ]),
        [28, ...subs.map(() => '*')],
      ),
    ];
  }
  return [
    title,
    ...items.flatMap((item, i): Content[] => [
      { text: `${upperFirst(g.itemLabel ?? 'mục')} ${i + 1}`, italics: true, margin: [12, 2, 0, 2] },
      ...fieldsContent(g.fields, item, top, names, 24),
    ]),
  ];
}

function fieldsContent(
  fields: readonly EformField[],
  scope: Data,
  top: Data,
  names: EformNames,
  indent = 0,
): Content[] {
  const out: Content[] = [];
  let run: LabelValue[] = [];
  const flush = () => {
    if (run.length) out.push(labelValues(run, indent));
    run = [];
  };
  for (const f of fields) {
    if (!isVisible(f.visibleWhen, scope, top)) continue;
    if (f.type === 'group') {
      flush();
      out.push({ stack: groupContent(f, scope[f.key], top, names), margin: [indent, 0, 0, 0] });
    } else run.push({ label: f.label, value: printedValue(f, scope[f.key], names) });
  }
  flush();
  return out;
}

function factsContent(facts: FormFacts): Content {
  const rows: LabelValue[] = [];
  if (facts.code) rows.push({ label: 'Mã hồ sơ', value: facts.code });
  rows.push({ label: 'Thủ tục hành chính', value: facts.procedureName });
  if (facts.agencyName) rows.push({ label: 'Cơ quan tiếp nhận', value: facts.agencyName });
  if (facts.submittedAt) rows.push({ label: 'Ngày nộp', value: formatDateTime(facts.submittedAt) });
  if (facts.applicant) rows.push({ label: 'Người nộp hồ sơ', value: facts.applicant });
  return { stack: [labelValues(rows)], fontSize: 11, margin: [0, 0, 0, 6] };
}

/** The printed form. `signedAt`: the date by the signature (the submission's), null to leave it blank. */
export function eformDocument(input: {
  definition: EformDefinition;
  data: Data;
  facts: FormFacts;
  names: EformNames;
  signedAt: Date | null;
  signer?: string | null | undefined;
}): PdfDocument {
  const { definition: def, data, names } = input;
  const content: Content[] = [
    nationalHeading(),
    documentTitle(def.title, input.facts.code ? null : '(Bản khai chưa nộp)'),
    factsContent(input.facts),
  ];
  for (const s of def.sections) {
    const body = fieldsContent(s.fields, data, data, names);
    if (body.length) content.push(sectionHeading(s.title), ...body);
  }
  // The date and the signature stay together, on the page of the last field if they fit.
  content.push({
    stack: [
      placeAndDate(null, input.signedAt),
      signatureBlock('NGƯỜI KHAI', '(Ký, ghi rõ họ tên)', input.signer),
    ],
    unbreakable: true,
  });
  return { title: input.facts.code ? `${def.title} — ${input.facts.code}` : def.title, content };
}

export { BLANK };
