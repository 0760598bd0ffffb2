/**
 * E-form definitions (tờ khai điện tử, Annex III groups 1 and 4; II.2.3): the fields a procedure asks
 * for, as data. One definition drives the web form, the server-side validation (eform-validate.ts),
 * the printed form and exports. Field keys are stable identifiers ("hoTen", "ngaySinh"); labels and
 * help are what the citizen reads.
 */

export const EFORM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'choice',
  'catalog',
  'id_number',
  'phone',
  'email',
  'checkbox',
  'file',
  'group',
] as const;
export type EformFieldType = (typeof EFORM_FIELD_TYPES)[number];

/** Show a field only when another field (same level, or top level) has one of these values. */
export interface EformCondition {
  field: string;
  /** Shown when the other field's value is one of these (a checkbox: "true" / "false"). */
  in: string[];
}

interface FieldBase {
  key: string;
  label: string;
  /** Inline help shown under the field (III.1.2). */
  help?: string | undefined;
  required?: boolean | undefined;
  visibleWhen?: EformCondition | null | undefined;
  /** Where the value is prefilled from (III.1.1, once-only): the applicant's profile or earlier dossiers. */
  prefill?: EformPrefill | null | undefined;
}

/** Profile attributes a field may be prefilled from. */
export const EFORM_PREFILLS = [
  'fullName',
  'birthDate',
  'gender',
  'idNumber',
  'phone',
  'email',
  'address',
  'communeCode',
  'provinceCode',
  'orgName',
  'taxCode',
] as const;
export type EformPrefill = (typeof EFORM_PREFILLS)[number];

export type EformField =
  | (FieldBase & {
      type: 'text' | 'textarea';
      minLength?: number | undefined;
      maxLength?: number | undefined;
      pattern?: string | undefined;
      patternHint?: string | undefined;
    })
  | (FieldBase & {
      type: 'number';
      min?: number | undefined;
      max?: number | undefined;
      integer?: boolean | undefined;
    })
  | (FieldBase & { type: 'date'; notFuture?: boolean | undefined; notPast?: boolean | undefined })
  | (FieldBase & {
      type: 'choice';
      options: { value: string; label: string }[];
      multiple?: boolean | undefined;
    })
  /** A choice from a shared catalog (province, commune, ethnic_group, nationality…); commune may depend on a province field. */
  | (FieldBase & { type: 'catalog'; catalog: string; parentField?: string | undefined })
  | (FieldBase & { type: 'id_number' | 'phone' | 'email' | 'checkbox' })
  | (FieldBase & { type: 'file'; maxBytes: number; extensions: string[]; maxFiles?: number | undefined })
  /** A repeating group: each item has the same fields, validated item by item. */
  | (FieldBase & {
      type: 'group';
      fields: EformField[];
      minItems?: number | undefined;
      maxItems?: number | undefined;
      itemLabel?: string | undefined;
    });

export interface EformDefinition {
  title: string;
  /** Sections in display order, each with its fields. */
  sections: { title: string; fields: EformField[] }[];
}

/** Every field of a definition with its path ("nguoiKhai.hoTen" inside groups: "thanhVien[].hoTen"). */
export function walkFields(def: EformDefinition): { path: string; field: EformField }[] {
  const out: { path: string; field: EformField }[] = [];
  const walk = (fields: readonly EformField[], prefix: string) => {
    for (const f of fields) {
      const path = `${prefix}${f.key}`;
      out.push({ path, field: f });
      if (f.type === 'group') walk(f.fields, `${path}[].`);
    }
  };
  for (const s of def.sections) walk(s.fields, '');
  return out;
}

export interface EformDefinitionProblem {
  path: string;
  message: string;
}

const KEY = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;

/** What an editor must fix before an e-form can be used: keys, references, options, limits. */
export function eformDefinitionProblems(def: EformDefinition): EformDefinitionProblem[] {
  const problems: EformDefinitionProblem[] = [];
  if (def.sections.length === 0) problems.push({ path: 'sections', message: 'Tờ khai cần ít nhất một phần' });
  const check = (
    fields: readonly EformField[],
    prefix: string,
    outer: ReadonlySet<string>,
    depth: number,
  ) => {
    const keys = new Set<string>();
    for (const f of fields) {
      const path = `${prefix}${f.key}`;
      if (!KEY.test(f.key))
        problems.push({
          path,
          message: `Mã trường “${f.key}” chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái`,
        });
      if (keys.has(f.key)) problems.push({ path, message: `Mã trường “${f.key}” bị trùng` });
      keys.add(f.key);
      if (!f.label.trim()) problems.push({ path, message: 'Trường cần có nhãn' });
    }
    const known = new Set([...outer, ...keys]);
    for (const f of fields) {
      const path = `${prefix}${f.key}`;
      if (f.visibleWhen && !known.has(f.visibleWhen.field))
        problems.push({
          path,
          message: `Điều kiện hiển thị dựa trên trường không có: “${f.visibleWhen.field}”`,
        });
      if (f.visibleWhen?.field === f.key)
        problems.push({ path, message: 'Điều kiện hiển thị không được dựa trên chính trường này' });
      if (f.type === 'choice' && f.options.length === 0)
        problems.push({ path, message: 'Trường lựa chọn cần ít nhất một phương án' });
      if (f.type === 'catalog' && f.parentField && !known.has(f.parentField))
        problems.push({ path, message: `Trường cấp trên không có: “${f.parentField}”` });
      if (f.type === 'file' && (f.maxBytes <= 0 || f.extensions.length === 0))
        problems.push({ path, message: 'Trường tệp cần dung lượng tối đa và định dạng cho phép' });
      if (f.type === 'group') {
        if (depth >= 2) problems.push({ path, message: 'Nhóm lặp lồng nhau tối đa hai cấp' });
        if (f.fields.length === 0) problems.push({ path, message: 'Nhóm lặp cần ít nhất một trường' });
        check(f.fields, `${path}[].`, known, depth + 1);
      }
    }
  };
  const top = new Set<string>();
  def.sections.forEach((s, i) => {
    if (!s.title.trim()) problems.push({ path: `sections[${i}]`, message: 'Phần cần có tiêu đề' });
    for (const f of s.fields) {
      if (top.has(f.key)) problems.push({ path: f.key, message: `Mã trường “${f.key}” bị trùng` });
      top.add(f.key);
    }
  });
  check(
    def.sections.flatMap((s) => s.fields),
    '',
    new Set(),
    1,
  );
  return problems.filter(
    (p, i, all) => all.findIndex((q) => q.path === p.path && q.message === p.message) === i,
  );
}
