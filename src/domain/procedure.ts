/**
 * An administrative procedure (thủ tục hành chính) as the catalog stores it: every attribute of
 * TT 22/2019 Annex II.1.2, in plain data. The JSON contract (zod) is in modules/procedures/schema.ts;
 * the national database's shape (LayThuTuc) is translated in modules/procedures/dvcqg.ts.
 */
import { foldVietnamese } from './text.ts';

export const CHANNELS = ['counter', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Units a legal deadline is counted in (the legal-time engine counts each differently). */
export const DEADLINE_UNITS = ['working_hours', 'working_days', 'calendar_days', 'months'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** Toàn trình (whole process online), một phần (part of it), or not online (NĐ 42/2022). */
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/** Levels of government that carry a procedure out, as the national database labels them. */
export const IMPLEMENTING_LEVELS = ['ministry', 'province', 'commune', 'other'] as const;
export type ImplementingLevel = (typeof IMPLEMENTING_LEVELS)[number];

/** Coarse applicant kinds for the portal's filter, derived from the detailed applicant types. */
export const APPLICANT_KINDS = ['citizen', 'business', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export interface Deadline {
  value: number;
  /** Null when the source gives a number without a unit (flagged for an editor, never guessed). */
  unit: DeadlineUnit | null;
}

export interface Fee {
  amountVnd: number | null;
  description: string | null;
}

export interface ChannelTerms {
  channel: Channel;
  deadline: Deadline | null;
  /** Text as published when the deadline is not a plain number ("Trong ngày", "Không có thông tin"). */
  deadlineNote: string | null;
  /** True: no fee; false: fees apply; null: the source does not say. */
  free: boolean | null;
  fees: Fee[];
  description: string | null;
}

export interface ComponentItem {
  code: string | null;
  name: string;
  /** Code of a form template (form_templates.code) and the template's name as published. */
  formCode: string | null;
  formName: string | null;
  originals: number;
  copies: number;
  /** Accepted as an electronic copy (bản điện tử). */
  electronic: boolean;
  required: boolean;
  /** When the item is only needed in some cases. */
  condition: string | null;
}

export interface ComponentGroup {
  /** Case the group applies to ("Trường hợp đăng ký lại"), null for the general case. */
  group: string | null;
  items: ComponentItem[];
}

export interface StepCase {
  case: string | null;
  steps: string[];
}

export interface LegalDocument {
  number: string | null;
  title: string;
}

export interface ProcedureContent {
  name: string;
  fieldCode: string;
  levels: ImplementingLevel[];
  procedureType: string | null;
  decision: string | null;
  issuingBody: string | null;
  applicantTypes: string[];
  onlineLevel: OnlineLevel;
  legacyLevel: 1 | 2 | 3 | 4;
  steps: StepCase[];
  channels: ChannelTerms[];
  components: ComponentGroup[];
  results: { code: string | null; name: string }[];
  conditions: string | null;
  legalBasis: LegalDocument[];
  agencies: {
    implementing: string | null;
    competent: string | null;
    delegated: string | null;
    coordinating: string | null;
    address: string | null;
  };
  sourceUrl: string | null;
}

export interface ContentIssue {
  field: string;
  message: string;
}

/**
 * What is missing before a procedure may be published: every attribute of II.1.2 must be there
 * (steps, channels, dossier components, deadline, results, legal basis). Fees and conditions may be
 * absent ("nếu có"). Field paths name the attribute in the JSON contract.
 */
export function publicationIssues(c: ProcedureContent): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) issues.push({ field, message });
  };
  need(c.applicantTypes.length > 0, 'applicantTypes', 'Chưa có đối tượng thực hiện (applicantTypes)');
  need(
    c.steps.some((s) => s.steps.length > 0),
    'steps',
    'Chưa có trình tự thực hiện (steps)',
  );
  need(c.channels.length > 0, 'channels', 'Chưa có cách thức thực hiện (channels)');
  need(
    c.components.some((g) => g.items.length > 0),
    'components',
    'Chưa có thành phần hồ sơ (components)',
  );
  need(
    c.channels.length === 0 || c.channels.some((ch) => ch.deadline !== null || ch.deadlineNote !== null),
    'channels[].deadline',
    'Chưa có thời hạn giải quyết ở cách thức thực hiện nào (channels[].deadline)',
  );
  need(c.results.length > 0, 'results', 'Chưa có kết quả thực hiện (results)');
  need(c.legalBasis.length > 0, 'legalBasis', 'Chưa có căn cứ pháp lý (legalBasis)');
  return issues;
}

/** Which coarse kinds of applicant the detailed types cover ("Hợp tác xã" → business). */
export function applicantKinds(types: readonly string[]): ApplicantKind[] {
  const kinds = new Set<ApplicantKind>();
  for (const t of types) {
    const f = foldVietnamese(t).trim();
    // "Tổ chức (không bao gồm doanh nghiệp, HTX)" is an organisation; "Đảng viên" is a person.
    if (/^(to chuc|co quan)/.test(f)) kinds.add('organisation');
    else if (/doanh nghiep|hop tac xa|ho kinh doanh/.test(f)) kinds.add('business');
    else kinds.add('citizen');
  }
  return APPLICANT_KINDS.filter((k) => kinds.has(k));
}

/** Channels offered, in the canonical order. */
export function channelsOf(c: ProcedureContent): Channel[] {
  const set = new Set(c.channels.map((ch) => ch.channel));
  return CHANNELS.filter((ch) => set.has(ch));
}

/**
 * Readable URL segment: the name without the leading "Thủ tục", folded and hyphenated, then the code
 * ("dang-ky-khai-sinh-1-001193"); the code keeps it unique and stable when names are close.
 */
export function procedureSlug(name: string, code: string): string {
  const words = foldVietnamese(name.replace(/^\s*thủ tục\s+/i, ''))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let base = '';
  for (const w of words) {
    if ((base + w).length > 70) break;
    base = base ? `${base}-${w}` : w;
  }
  const tail = foldVietnamese(code)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return base ? `${base}-${tail}` : tail;
}

/** A field code from its name, for fields the source names without a code ("Hộ tịch" → "ho-tich"). */
export function fieldCodeFromName(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Text searched when a citizen types words (III.10.1: by name and by content of the service). */
export function searchTexts(
  code: string,
  c: ProcedureContent,
  fieldName: string,
): { name: string; body: string } {
  const body = [
    fieldName,
    c.applicantTypes.join(' '),
    c.results.map((r) => r.name).join(' '),
    c.components.flatMap((g) => g.items.map((i) => i.name)).join(' '),
    c.agencies.implementing ?? '',
  ]
    .join(' ')
    .slice(0, 4000);
  return { name: foldVietnamese(`${c.name} ${code}`), body: foldVietnamese(body) };
}
