import type { ActionKind, StepKind } from '../../../src/domain/process.ts';
import { ROLE_CODES } from '../../../src/domain/permissions.ts';
import type { RoleCode } from '../../../src/domain/permissions.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Dictionary keys of the words of process definitions (vi-processes.ts / en-processes.ts). */

export const KIND_KEYS: Record<StepKind, MessageKey> = {
  receive: 'pr.kind.receive',
  work: 'pr.kind.work',
  return: 'pr.kind.return',
  end: 'pr.kind.end',
};

export const ACTION_KEYS: Record<ActionKind, MessageKey> = {
  forward: 'pr.action.forward',
  send_back: 'pr.action.send_back',
  request_supplement: 'pr.action.request_supplement',
  coordinate: 'pr.action.coordinate',
  submit_approval: 'pr.action.submit_approval',
  approve: 'pr.action.approve',
  reject: 'pr.action.reject',
  request_payment: 'pr.action.request_payment',
  extend: 'pr.action.extend',
  finish: 'pr.action.finish',
  return_result: 'pr.action.return_result',
};

export const ROLE_KEYS: Record<RoleCode, MessageKey> = {
  quan_tri_he_thong: 'pr.role.quan_tri_he_thong',
  bien_tap_vien: 'pr.role.bien_tap_vien',
  can_bo_mot_cua: 'pr.role.can_bo_mot_cua',
  lanh_dao_phong: 'pr.role.lanh_dao_phong',
  can_bo_thu_ly: 'pr.role.can_bo_thu_ly',
  lanh_dao_don_vi: 'pr.role.lanh_dao_don_vi',
  can_bo_kiem_soat_tthc: 'pr.role.can_bo_kiem_soat_tthc',
  nhan_vien_buu_chinh: 'pr.role.nhan_vien_buu_chinh',
};

export const isRoleCode = (v: string): v is RoleCode => (ROLE_CODES as readonly string[]).includes(v);

export type VersionStatus = 'draft' | 'published' | 'retired';

export const VERSION_STATUS_KEYS: Record<VersionStatus, MessageKey> = {
  draft: 'pr.status.draft',
  published: 'pr.status.published',
  retired: 'pr.status.retired',
};
