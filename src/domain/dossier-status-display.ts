/**
 * What the portal and back office show with each status (TT 22/2019 Annex I, column "Trạng thái chi
 * tiết/Thông tin chi tiết"): the reason for a supplement, refusal or stop; the competent agency, the
 * current position, department and handler; the due date and how long overdue; the return date.
 */
import { annexRowsShowing } from './annex-i.ts';
import { toIsoDay } from './calendar.ts';
import { formatDate } from './datetime.ts';
import { STATUS_INFO } from './dossier-status.ts';
import type { DossierStatus } from './dossier-status.ts';

export const STATUS_FACTS = [
  'reason',
  'agency',
  'position',
  'department',
  'handler',
  'dueAt',
  'returnedAt',
] as const;
export type StatusFact = (typeof STATUS_FACTS)[number];

export interface DisplayField {
  fact: StatusFact;
  /** Vietnamese label of the line. */
  label: string;
  /** Annex I rows that require this information with the status; empty: shown when known. */
  requiredAt: readonly string[];
}

export interface StatusDisplaySpec {
  fields: readonly DisplayField[];
  /** A fixed line shown with the status (I.return.1: "Đang trả kết quả"). */
  note: string | null;
}

const field = (fact: StatusFact, label: string, requiredAt: readonly string[] = []): DisplayField => ({
  fact,
  label,
  requiredAt,
});
const HANDLER_ROWS = ['I.process.2', 'I.process.3.1', 'I.process.3.3', 'I.process.3.4'];

/** The information shown with each status, in display order. */
export const STATUS_DISPLAY: Readonly<Record<DossierStatus, StatusDisplaySpec>> = {
  moi_dang_ky: { fields: [], note: null },
  duoc_tiep_nhan: { fields: [], note: null },
  khong_duoc_tiep_nhan: {
    fields: [field('reason', 'Lý do từ chối tiếp nhận', ['I.receive.1.2', 'I.receive.2.1'])],
    note: null,
  },
  dang_xu_ly: {
    fields: [
      field('agency', 'Cơ quan có thẩm quyền giải quyết', ['I.process.1']),
      field('position', 'Vị trí hiện tại', HANDLER_ROWS),
      field('department', 'Phòng ban', HANDLER_ROWS),
      field('handler', 'Người xử lý hiện tại', HANDLER_ROWS),
      field('dueAt', 'Hạn xử lý, thời gian quá hạn', ['I.process.3.5']),
    ],
    note: null,
  },
  yeu_cau_bo_sung: {
    fields: [
      field('reason', 'Lý do, nội dung cần bổ sung', ['I.receive.1.1', 'I.receive.2.1', 'I.process.3.2.1']),
    ],
    note: null,
  },
  da_bo_sung: { fields: [], note: null },
  yeu_cau_nghia_vu_tai_chinh: { fields: [], note: null },
  cong_dan_yeu_cau_rut: { fields: [field('reason', 'Lý do rút hồ sơ')], note: null },
  dung_xu_ly: { fields: [field('reason', 'Lý do không giải quyết', ['I.process.3.2.2'])], note: null },
  da_xu_ly_xong: { fields: [], note: 'Đang trả kết quả' },
  da_tra_ket_qua: { fields: [field('returnedAt', 'Ngày trả kết quả', ['I.return.2'])], note: null },
};

export const OVERDUE_UNITS = ['days', 'working_days', 'hours', 'working_hours'] as const;
export type OverdueUnit = (typeof OVERDUE_UNITS)[number];
export interface Overdue {
  value: number;
  unit: OverdueUnit;
}
const UNIT_WORD: Readonly<Record<OverdueUnit, string>> = {
  days: 'ngày',
  working_days: 'ngày làm việc',
  hours: 'giờ',
  working_hours: 'giờ làm việc',
};

/** What is known about the dossier; absent, null or blank values count as unknown. */
export interface StatusFacts {
  reason?: string | null;
  agency?: string | null;
  position?: string | null;
  department?: string | null;
  handler?: string | null;
  /** Due date (YYYY-MM-DD: the whole day) or instant. */
  dueAt?: Date | string | null;
  returnedAt?: Date | string | null;
  /** How long overdue as the legal-time engine counts it (null: not overdue); otherwise from `now`. */
  overdue?: Overdue | null;
  /** Now, to compute how long overdue: whole calendar days in Vietnam, hours on the due day itself. */
  now?: Date | string;
}

export interface StatusDisplay {
  status: DossierStatus;
  label: string;
  dvcqgCode: number;
  /** Vietnamese lines to show under the status, in order. */
  lines: string[];
  /** Facts Annex I requires with this status (at `step`, when given) that are unknown. */
  missing: StatusFact[];
  overdue: Overdue | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS;

/** How long past `due` the instant `now` is, or null when it is not past. */
export function overdueSince(due: Date | string, now: Date | string): Overdue | null {
  const nowAt = new Date(now);
  if (typeof due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due)) {
    const days = dayNumber(toIsoDay(nowAt)) - dayNumber(toIsoDay(due));
    return days > 0 ? { value: days, unit: 'days' } : null;
  }
  const dueAt = new Date(due);
  if (nowAt.getTime() <= dueAt.getTime()) return null;
  const days = dayNumber(toIsoDay(nowAt)) - dayNumber(toIsoDay(dueAt));
  if (days >= 1) return { value: days, unit: 'days' };
  return { value: Math.ceil((nowAt.getTime() - dueAt.getTime()) / 3_600_000), unit: 'hours' };
}

/** "Hạn xử lý 15/08/2019 - Quá hạn 3 ngày" (Annex I, I.process.3.5). */
export function dueLine(due: Date | string, overdue: Overdue | null): string {
  const base = `Hạn xử lý ${formatDate(due)}`;
  return overdue ? `${base} - Quá hạn ${overdue.value} ${UNIT_WORD[overdue.unit]}` : base;
}

function checkedDate(value: Date | string): Date | string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return toIsoDay(value);
  if (Number.isNaN(new Date(value).getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return value;
}

const known = (v: unknown): boolean =>
  v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

/**
 * The lines to show with `status`, and the required facts that are missing. `step` narrows the
 * requirement to one Annex I row (e.g. I.process.1: only the competent agency is known yet).
 */
export function statusDisplay(status: DossierStatus, facts: StatusFacts = {}, step?: string): StatusDisplay {
  if (step !== undefined && !annexRowsShowing(status).some((r) => r.id === step))
    throw new RangeError(`Annex I row ${step} does not show status ${status}`);
  const spec = STATUS_DISPLAY[status];
  const lines: string[] = [];
  const missing: StatusFact[] = [];
  let overdue: Overdue | null = null;
  for (const f of spec.fields) {
    const value = facts[f.fact];
    const required = step === undefined ? f.requiredAt.length > 0 : f.requiredAt.includes(step);
    if (!known(value)) {
      if (required) missing.push(f.fact);
      continue;
    }
    if (f.fact === 'dueAt') {
      const due = checkedDate(value as Date | string);
      if (facts.overdue !== undefined)
        overdue = facts.overdue && facts.overdue.value > 0 ? facts.overdue : null;
      else if (facts.now !== undefined) overdue = overdueSince(due, facts.now);
      lines.push(dueLine(due, overdue));
    } else if (f.fact === 'returnedAt') {
      lines.push(`${f.label}: ${formatDate(checkedDate(value as Date | string))}`);
    } else {
      lines.push(`${f.label}: ${String(value).trim()}`);
    }
  }
  if (spec.note) lines.push(spec.note);
  return {
    status,
    label: STATUS_INFO[status].label,
    dvcqgCode: STATUS_INFO[status].dvcqgCode,
    lines,
    missing,
    overdue,
  };
}
