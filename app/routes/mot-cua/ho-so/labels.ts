import type { DossierStatus } from '../../../../src/domain/dossier-status.ts';
import type { MessageKey, Translate } from '../../../i18n/index.ts';

/** Words and tones of the dossier screens, shared by the worklists, the receipt form and the dossier page. */

export type Due = 'overdue' | 'near_due' | 'on_time';

export const DUE_KEYS: Record<Due, MessageKey> = {
  overdue: 'ds.due.overdue',
  near_due: 'ds.due.near_due',
  on_time: 'ds.due.on_time',
};

export const DUE_VALUES: readonly Due[] = ['overdue', 'near_due', 'on_time'];

export const statusKey = (s: DossierStatus) => `st.status.${s}` as MessageKey;

/** A status badge's tone: the word carries the meaning, the colour is a second cue. */
export function statusTone(s: DossierStatus): 'ok' | 'off' | 'warn' | 'info' {
  if (s === 'da_tra_ket_qua' || s === 'da_xu_ly_xong' || s === 'duoc_tiep_nhan') return 'ok';
  if (s === 'khong_duoc_tiep_nhan' || s === 'dung_xu_ly' || s === 'cong_dan_yeu_cau_rut') return 'off';
  if (s === 'yeu_cau_bo_sung' || s === 'yeu_cau_nghia_vu_tai_chinh') return 'warn';
  return 'info';
}

export const COPY_TYPES = ['original', 'certified_copy', 'copy', 'electronic'] as const;
export type CopyType = (typeof COPY_TYPES)[number];
export const COPY_TYPE_KEYS: Record<CopyType, MessageKey> = {
  original: 'ds.copy.original',
  certified_copy: 'ds.copy.certified_copy',
  copy: 'ds.copy.copy',
  electronic: 'ds.copy.electronic',
};

export const CHANNEL_KEYS: Record<string, MessageKey> = {
  counter: 'ds.channel.counter',
  online: 'ds.channel.online',
  postal: 'ds.channel.postal',
  interagency: 'ds.channel.interagency',
};

/** History and action words by action code; unknown codes (a future action) show as given. */
const ACTIONS = [
  'submit',
  'receive',
  'accept',
  'refuse',
  'request_supplement',
  'supplement',
  'resume',
  'forward',
  'send_back',
  'coordinate',
  'submit_approval',
  'approve',
  'reject',
  'stop',
  'request_payment',
  'pay',
  'extend',
  'finish',
  'return_result',
  'not_returned',
  'reassign',
  'delegate',
  'recall',
  'withdraw',
  'cancel',
  'restore',
  'amend',
  'comment',
  'assign',
] as const;

export function actionWord(t: Translate, action: string, fallback: string): string {
  return (ACTIONS as readonly string[]).includes(action) ? t(`ds.action.${action}` as MessageKey) : fallback;
}

/** "1.250.000 đồng". */
export function formatVnd(n: number): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** "2,5 MB", "340 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The inline view of an attached file (PDFs and images open in the browser). */
export const fileUrl = (id: string) => `/api/dossier-files/${id}`;
