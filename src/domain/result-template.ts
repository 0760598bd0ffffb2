import type { EformDefinition } from './eform.ts';
import { walkFields } from './eform.ts';

/**
 * Result templates (mẫu kết quả: the licence, certificate or decision an agency issues for a procedure):
 * a title, a body of plain text with placeholders `{{name}}` bound to the dossier's data and to its
 * e-form's values (`{{form.<key>}}`), the signer's title and name. The body's structure is simple on
 * purpose (an editor writes it in a text box): blank lines separate paragraphs, and a line starting
 * with "- " written "Label: value" prints as a label/value line. Pure: parsing, checking, filling.
 */

export interface ResultTemplate {
  title: string;
  body: string;
  signerTitle: string;
  /** Empty: left for the signer to write by hand. */
  signerName: string;
}

/** The dossier's own placeholders, with what each stands for (shown to editors). */
export const DOSSIER_PLACEHOLDERS = {
  'hoSo.ma': 'Mã hồ sơ',
  'nguoiNop.hoTen': 'Họ và tên người nộp (hoặc tên tổ chức)',
  'nguoiNop.soGiayTo': 'Số giấy tờ tùy thân của người nộp',
  'nguoiNop.diaChi': 'Địa chỉ của người nộp',
  'thuTuc.ten': 'Tên thủ tục hành chính',
  'coQuan.ten': 'Tên cơ quan giải quyết',
  'hoSo.ngayTiepNhan': 'Ngày tiếp nhận (DD/MM/YYYY)',
  'hoSo.ngayHenTra': 'Ngày hẹn trả kết quả (DD/MM/YYYY)',
  'hoSo.ngayHoanThanh': 'Ngày hoàn thành (DD/MM/YYYY)',
  'nguoiKy.chucDanh': 'Chức danh người ký',
} as const;
export type DossierPlaceholder = keyof typeof DOSSIER_PLACEHOLDERS;

export interface Placeholder {
  name: string;
  description: string;
}

/**
 * Every placeholder a template of this procedure may use: the dossier's, then one per e-form field a
 * value can be printed from in a sentence (top level, not a group: a group's items have no one value).
 */
export function availablePlaceholders(form: EformDefinition): Placeholder[] {
  const own = Object.entries(DOSSIER_PLACEHOLDERS).map(([name, description]) => ({ name, description }));
  const fields = walkFields(form)
    .filter(({ path, field }) => !path.includes('[]') && field.type !== 'group')
    .map(({ path, field }) => ({ name: `form.${path}`, description: field.label }));
  return [...own, ...fields];
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The placeholder names a text uses, in order of first use (trimmed inside the braces). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? '').trim()))];
}

export interface TemplateProblem {
  field: keyof ResultTemplate;
  message: string;
}

const LABELS: Record<keyof ResultTemplate, string> = {
  title: 'Tiêu đề (title)',
  body: 'Nội dung (body)',
  signerTitle: 'Chức danh người ký (signerTitle)',
  signerName: 'Họ tên người ký (signerName)',
};

/** What is wrong with a template, each problem naming its field and, for a placeholder, the placeholder. */
export function templateProblems(t: ResultTemplate, known: ReadonlySet<string>): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  if (!t.title.trim()) out.push({ field: 'title', message: `${LABELS.title} không được để trống` });
  if (!t.body.trim()) out.push({ field: 'body', message: `${LABELS.body} không được để trống` });
  if (!t.signerTitle.trim())
    out.push({ field: 'signerTitle', message: `${LABELS.signerTitle} không được để trống` });
  for (const field of ['title', 'body'] as const) {
    // Braces left open or closed alone are a typo the printout would show as is.
    const rest = t[field].replace(PLACEHOLDER, '');
    if (rest.includes('{{') || rest.includes('}}'))
      out.push({ field, message: `${LABELS[field]} có cặp ngoặc {{ }} chưa đóng hoặc thừa` });
    for (const name of placeholdersIn(t[field]))
      if (!known.has(name))
        out.push({ field, message: `${LABELS[field]} dùng trường không có: {{${name}}}` });
  }
  return out;
}

/** The template's text with every placeholder replaced; an unknown or empty value prints as `blank`. */
export function fillText(text: string, values: ReadonlyMap<string, string>, blank: string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values.get(name.trim())?.trim() || blank);
}

export type ResultBlock =
  { kind: 'paragraph'; text: string } | { kind: 'line'; label: string; value: string };

/**
 * The filled body as blocks: paragraphs (lines of one paragraph joined by a space) and "- Label: value"
 * lines. Filled before splitting, so a value holding ": " never turns a paragraph into a line.
 */
export function bodyBlocks(body: string, values: ReadonlyMap<string, string>, blank: string): ResultBlock[] {
  const out: ResultBlock[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push({ kind: 'paragraph', text: para.join(' ') });
    para = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const source = raw.trim();
    const labelled = /^- ([^:{}]+?):\s*(.*)$/.exec(source);
    if (labelled) {
      flush();
      out.push({
        kind: 'line',
        label: (labelled[1] ?? '').trim(),
        value: fillText(labelled[2] ?? '', values, blank),
      });
    } else if (source) para.push(fillText(source, values, blank));
    else flush();
  }
  flush();
  return out;
}
