import { NotFoundError } from '../../../errors.ts';
import type { PdfDocument } from '../render.ts';
import type { FormEvent, FormFacts } from './common.ts';
import { MAU_01_TITLE, mau01, receiptApplies } from './mau-01.ts';
import { MAU_02_TITLE, mau02, supplementApplies } from './mau-02.ts';
import { MAU_03_TITLE, mau03, refusalApplies } from './mau-03.ts';
import { apologyApplies, MAU_04_TITLE, mau04 } from './mau-04.ts';
import { controlApplies, MAU_05_TITLE, mau05 } from './mau-05.ts';
import { MAU_06_TITLE, mau06 } from './mau-06.ts';
import type { RegisterFacts } from './mau-06.ts';

/**
 * The standard forms of one-stop handling (II.2.5 c, II.12.1) as a rule set keyed by effective date,
 * like the dossier code (dossier-code.ts): the forms in force on a day are those of the latest set
 * switched on by then. Today that is Phụ lục TT 01/2018/TT-VPCP (in force from 06/01/2019).
 *
 * TT 03/2025/TT-VPCP replaces it with seven forms (renamed 04, a new "Thông báo dừng giải quyết hồ
 * sơ", renumbered 06 and 07: ../shared/spec/regulations.md §4, a secondary source). Neither its
 * effective date nor its fields could be read, so its set is a placeholder that is not switched on
 * (`from: null`): to switch it on, set `from` to the first day it applies and add its forms.
 */

/** A form printed for one dossier, at the step where it arises. */
export interface DossierForm {
  kind: 'dossier';
  number: string;
  title: string;
  /** Whether the dossier has reached the step this form belongs to (else the form is 404). */
  applies(f: FormFacts): boolean;
  /** The history action each occurrence of the form prints (`?lan=N`); absent: printed once. */
  repeats?: string;
  /** `occurrence`: the history entry to print, for a form that `repeats` (else its latest). */
  build(f: FormFacts, occurrence?: FormEvent): PdfDocument | Promise<PdfDocument>;
}

/** The register of an agency over a period. */
export interface RegisterForm {
  kind: 'register';
  number: string;
  title: string;
  build(r: RegisterFacts): PdfDocument;
}

export type StandardForm = DossierForm | RegisterForm;

export interface FormSet {
  /** First day (YYYY-MM-DD, in Vietnam) the set applies to; null: not switched on. */
  from: string | null;
  basis: string;
  forms: readonly StandardForm[];
}

export const FORM_SETS: readonly FormSet[] = [
  {
    from: '2019-01-06',
    basis: 'Thông tư 01/2018/TT-VPCP',
    forms: [
      { kind: 'dossier', number: '01', title: MAU_01_TITLE, applies: receiptApplies, build: mau01 },
      {
        kind: 'dossier',
        number: '02',
        title: MAU_02_TITLE,
        applies: supplementApplies,
        repeats: 'request_supplement',
        build: mau02,
      },
      {
        kind: 'dossier',
        number: '03',
        title: MAU_03_TITLE,
        applies: refusalApplies,
        repeats: 'refuse',
        build: mau03,
      },
      { kind: 'dossier', number: '04', title: MAU_04_TITLE, applies: apologyApplies, build: mau04 },
      { kind: 'dossier', number: '05', title: MAU_05_TITLE, applies: controlApplies, build: mau05 },
      { kind: 'register', number: '06', title: MAU_06_TITLE, build: mau06 },
    ],
  },
  // Placeholder, not switched on: see above.
  { from: null, basis: 'Thông tư 03/2025/TT-VPCP', forms: [] },
];

/** The set in force on `day` (YYYY-MM-DD): the latest switched on by then (the first one before any). */
export function formSetOn(day: string, sets: readonly FormSet[] = FORM_SETS): FormSet {
  const active = sets.filter((s): s is FormSet & { from: string } => s.from !== null);
  const set =
    [...active].sort((a, b) => a.from.localeCompare(b.from)).findLast((s) => s.from <= day) ?? active[0];
  if (!set) throw new Error('no standard form set is switched on');
  return set;
}

/** Form `number` of the set in force on `day`, of the kind asked; 404 naming the form when it has none. */
export function standardForm<K extends StandardForm['kind']>(
  day: string,
  number: string,
  kind: K,
  sets: readonly FormSet[] = FORM_SETS,
): Extract<StandardForm, { kind: K }> {
  const set = formSetOn(day, sets);
  const form = set.forms.find((f) => f.number === number && f.kind === kind);
  if (!form) throw new NotFoundError(`Không có biểu mẫu số “${number}” theo ${set.basis}`);
  return form as Extract<StandardForm, { kind: K }>;
}
