/**
 * Checking what a citizen filled in against an e-form definition (eform.ts): every field type rejects
 * bad values with a Vietnamese message naming the field by its label and its path, hidden fields are
 * dropped, repeating groups are checked item by item. Pure: catalog codes are checked through the
 * `isCatalogCode` callback the caller loads (province, commune…).
 */
import { parseVnDate } from './datetime.ts';
import type { EformCondition, EformDefinition, EformField } from './eform.ts';

export interface EformProblem {
  /** "formData.hoTen", "formData.thanhVien[1].ngaySinh". */
  field: string;
  message: string;
}

export interface EformCheckOptions {
  /** True when `code` is an active item of `catalog` (and, when given, a child of `parent`). */
  isCatalogCode?: (catalog: string, code: string, parent: string | null) => boolean;
  /** Today in Vietnam (YYYY-MM-DD), for dates that may not be in the future or the past. */
  today?: string;
  /** Prefix of every problem's field. */
  root?: string;
}

const PHONE = /^(\+84|0)\d{9,10}$/;
const ID_NUMBER = /^(\d{9}|\d{12}|[A-Z]\d{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const asText = (v: unknown): string | null =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

export function isVisible(
  cond: EformCondition | null | undefined,
  scope: Record<string, unknown>,
  top: Record<string, unknown>,
): boolean {
  if (!cond) return true;
  const raw = cond.field in scope ? scope[cond.field] : top[cond.field];
  const values = Array.isArray(raw) ? raw.map(asText) : [asText(raw)];
  return values.some((v) => v !== null && cond.in.includes(v));
}

/** The value to keep for one field, or a problem. `undefined` value: nothing to keep. */
function checkValue(
  f: Exclude<EformField, { type: 'group' }>,
  raw: unknown,
  name: string,
  opts: EformCheckOptions,
  scope: Record<string, unknown>,
): { value?: unknown; problem?: string } {
  const text = asText(raw);
  switch (f.type) {
    case 'text':
    case 'textarea': {
      if (text === null) return { problem: `${name} phải là chuỗi ký tự` };
      if (f.minLength && text.length < f.minLength)
        return { problem: `${name} phải có ít nhất ${f.minLength} ký tự` };
      const max = f.maxLength ?? (f.type === 'text' ? 500 : 5000);
      if (text.length > max) return { problem: `${name} tối đa ${max} ký tự` };
      if (f.pattern && !new RegExp(`^(?:${f.pattern})$`, 'u').test(text))
        return { problem: `${name} không đúng định dạng${f.patternHint ? `: ${f.patternHint}` : ''}` };
      return { value: text };
    }
    case 'number': {
      const n =
        typeof raw === 'number'
          ? raw
          : text !== null && /^-?\d+([.,]\d+)?$/.test(text)
            ? Number(text.replace(',', '.'))
            : NaN;
      if (!Number.isFinite(n)) return { problem: `${name} phải là số` };
      if (f.integer && !Number.isInteger(n)) return { problem: `${name} phải là số nguyên` };
      if (f.min !== undefined && n < f.min) return { problem: `${name} không được nhỏ hơn ${f.min}` };
      if (f.max !== undefined && n > f.max) return { problem: `${name} không được lớn hơn ${f.max}` };
      return { value: n };
    }
    case 'date': {
      const iso = text === null ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : parseVnDate(text);
      if (
        !iso ||
        Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
        new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso
      ) {
        return { problem: `${name} phải là ngày hợp lệ dạng DD/MM/YYYY` };
      }
      if (f.notFuture && opts.today && iso > opts.today)
        return { problem: `${name} không được sau ngày hôm nay` };
      if (f.notPast && opts.today && iso < opts.today)
        return { problem: `${name} không được trước ngày hôm nay` };
      return { value: iso };
    }
    case 'choice': {
      const picked = f.multiple ? (Array.isArray(raw) ? raw.map(asText) : [text]) : [text];
      if (picked.some((p) => p === null || !f.options.some((o) => o.value === p)))
        return { problem: `${name}: lựa chọn không hợp lệ` };
      return { value: f.multiple ? picked : picked[0] };
    }
    case 'catalog': {
      if (text === null) return { problem: `${name}: lựa chọn không hợp lệ` };
      const parent = f.parentField ? asText(scope[f.parentField]) : null;
      if (opts.isCatalogCode && !opts.isCatalogCode(f.catalog, text, parent)) {
        return {
          problem: parent
            ? `${name} không thuộc danh mục hoặc không thuộc đơn vị cấp trên đã chọn`
            : `${name} không có trong danh mục`,
        };
      }
      return { value: text };
    }
    case 'id_number': {
      const v = text?.toUpperCase().replace(/\s/g, '') ?? '';
      if (!ID_NUMBER.test(v))
        return { problem: `${name} phải là số CCCD 12 chữ số, CMND 9 chữ số hoặc số hộ chiếu` };
      return { value: v };
    }
    case 'phone': {
      const v = text?.replace(/[\s.-]/g, '') ?? '';
      if (!PHONE.test(v)) return { problem: `${name} gồm 10 chữ số, ví dụ 0912345678` };
      return { value: v };
    }
    case 'email': {
      if (text === null || text.length > 254 || !EMAIL.test(text))
        return { problem: `${name} không đúng định dạng, ví dụ ten@example.vn` };
      return { value: text.toLowerCase() };
    }
    case 'checkbox': {
      if (raw === true || text === 'true' || text === 'on' || text === '1') return { value: true };
      if (raw === false || text === 'false' || text === '0' || text === '') return { value: false };
      return { problem: `${name} không hợp lệ` };
    }
    case 'file': {
      const ids = Array.isArray(raw) ? raw : [raw];
      if (!ids.every((x) => typeof x === 'string' && /^[0-9a-f-]{36}$/i.test(x)))
        return { problem: `${name}: tệp đính kèm không hợp lệ` };
      if (f.maxFiles && ids.length > f.maxFiles) return { problem: `${name}: tối đa ${f.maxFiles} tệp` };
      return { value: ids };
    }
  }
}

function checkFields(
  fields: readonly EformField[],
  data: Record<string, unknown>,
  top: Record<string, unknown>,
  path: string,
  opts: EformCheckOptions,
  problems: EformProblem[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!isVisible(f.visibleWhen, data, top)) continue;
    const at = `${path}${f.key}`;
    const name = `${f.label} (${at})`;
    const raw = data[f.key];
    if (f.type === 'group') {
      const items = raw === undefined || raw === null ? [] : raw;
      if (!Array.isArray(items)) {
        problems.push({ field: at, message: `${name} phải là danh sách` });
        continue;
      }
      const min = f.minItems ?? (f.required ? 1 : 0);
      if (items.length < min)
        problems.push({ field: at, message: `${name}: cần ít nhất ${min} ${f.itemLabel ?? 'mục'}` });
      if (f.maxItems !== undefined && items.length > f.maxItems)
        problems.push({ field: at, message: `${name}: tối đa ${f.maxItems} ${f.itemLabel ?? 'mục'}` });
      out[f.key] = items.map((item: unknown, i) =>
        checkFields(
          f.fields,
          item && typeof item === 'object' ? (item as Record<string, unknown>) : {},
          top,
          `${at}[${i}].`,
          opts,
          problems,
        ),
      );
      continue;
    }
    if (isEmpty(raw) && f.type !== 'checkbox') {
      if (f.required) problems.push({ field: at, message: `${name} là bắt buộc` });
      continue;
    }
    if (f.type === 'checkbox' && f.required && !(raw === true || raw === 'true' || raw === 'on')) {
      problems.push({ field: at, message: `${name} cần được xác nhận` });
      continue;
    }
    const r = checkValue(f, raw, name, opts, data);
    if (r.problem) problems.push({ field: at, message: r.problem });
    else if (r.value !== undefined) out[f.key] = r.value;
  }
  return out;
}

/**
 * The cleaned data (only visible, known fields; dates as YYYY-MM-DD, numbers as numbers) and every
 * problem, in the definition's order.
 */
export function checkEformData(
  def: EformDefinition,
  data: Record<string, unknown>,
  opts: EformCheckOptions = {},
): { values: Record<string, unknown>; problems: EformProblem[] } {
  const problems: EformProblem[] = [];
  const root = opts.root ?? 'formData.';
  const values: Record<string, unknown> = {};
  for (const section of def.sections)
    Object.assign(values, checkFields(section.fields, data, data, root, opts, problems));
  return { values, problems };
}
