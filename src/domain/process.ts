/**
 * A process definition (quy trình xử lý, TT 22/2019 II.3.1–3.4): the steps a dossier of one procedure
 * goes through at one agency, who acts at each, each step's budget in working minutes, and the
 * actions that move a dossier from step to step. Plain data, versioned per procedure (and per agency
 * when an agency's variant differs); validation is in process-validation.ts.
 */
import type { DossierStatus } from './dossier-status.ts';

/** Step kinds: where a dossier enters, is worked on, and leaves the process. */
export const STEP_KINDS = [
  /** Entry: the one-stop counter receives (at the desk, by post, or a dossier submitted online). */
  'receive',
  /** Work: assignment, handling, appraisal, coordination, approval. */
  'work',
  /** The counter returns the result to the applicant. */
  'return',
  /** End states: result returned, or processing stopped. */
  'end',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Who acts at a step. Ids are agencies/departments/roles/groups/officials of the platform. */
export type StepActor =
  | { kind: 'department'; departmentId: string }
  | { kind: 'role'; role: string }
  | { kind: 'group'; groupId: string }
  | { kind: 'officials'; officialIds: string[] };

/** Actions an official can take; each implies the status the dossier then shows. */
export const ACTION_KINDS = [
  'forward',
  'send_back',
  'request_supplement',
  'coordinate',
  'submit_approval',
  'approve',
  'reject',
  'request_payment',
  'extend',
  'finish',
  'return_result',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** The status each action leaves the dossier in (Annex I). */
export const ACTION_STATUS: Readonly<Record<ActionKind, DossierStatus>> = {
  forward: 'dang_xu_ly',
  send_back: 'dang_xu_ly',
  request_supplement: 'yeu_cau_bo_sung',
  coordinate: 'dang_xu_ly',
  submit_approval: 'dang_xu_ly',
  approve: 'dang_xu_ly',
  reject: 'dung_xu_ly',
  request_payment: 'yeu_cau_nghia_vu_tai_chinh',
  extend: 'dang_xu_ly',
  finish: 'da_xu_ly_xong',
  return_result: 'da_tra_ket_qua',
};

export interface ProcessStep {
  /** Stable within a definition: "s1", "tiep-nhan"… (letters, digits, dashes). */
  id: string;
  name: string;
  kind: StepKind;
  actor: StepActor | null;
  /** Working minutes allowed at this step (II.3.2: to the minute). 0 for entry and end steps. */
  budgetMinutes: number;
  /** Entry step used for dossiers received online through the portal (II.3.4). */
  onlineEntry?: boolean;
  /** Position in the designer, in diagram units. */
  x: number;
  y: number;
}

export interface ProcessTransition {
  id: string;
  from: string;
  to: string;
  action: ActionKind;
  /** Label shown on the button and the arrow; defaults to the action's name. */
  label?: string;
  /** For `coordinate`: the department or agency consulted. */
  coordinateWith?: { kind: 'department' | 'agency'; id: string } | null;
}

export interface ProcessDefinition {
  name: string;
  steps: ProcessStep[];
  transitions: ProcessTransition[];
}
