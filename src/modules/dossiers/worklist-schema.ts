import { z } from 'zod';
import { DOSSIER_STATUSES } from '../../domain/dossier-status.ts';
import { TASKS } from '../../domain/dossier-flow.ts';
import { str, uuid } from './schema-fields.ts';

/** Contracts of the worklists, their counts and the dossier search (II.22, II.23). */

export const WORKLISTS = [
  // Counter (II.22.1)
  'cho_tiep_nhan',
  'cho_chuyen',
  'cho_bo_sung',
  'da_bo_sung_cho_tiep_nhan',
  'cho_tra_ket_qua',
  'dang_xu_ly',
  'tu_choi',
  'tat_ca',
  // Handler (II.22.2, II.8.3)
  'dang_thu_ly',
  'bo_sung_cho_xu_ly',
  'cho_bo_sung_cua_toi',
  'dang_trinh_ky',
  'da_phan_cong',
  // Department head (II.22.3) and agency leader (II.22.4)
  'cho_phan_cong',
  'cho_duyet',
  'cho_ky',
  'da_ky_duyet',
  'tham_gia',
] as const;
export type Worklist = (typeof WORKLISTS)[number];

export const ListQuery = z.object({
  list: z.enum(WORKLISTS, { error: 'Danh sách (list) không hợp lệ' }).default('tat_ca'),
  q: str('Tên người nộp, tổ chức (q)', 200).optional(),
  code: str('Mã hồ sơ (code)', 40).optional(),
  status: z.enum(DOSSIER_STATUSES, { error: 'Trạng thái (status) không hợp lệ' }).optional(),
  procedureCode: str('Thủ tục (procedureCode)', 40).optional(),
  fieldCode: str('Lĩnh vực (fieldCode)', 40).optional(),
  agencyId: uuid('Cơ quan (agencyId)').optional(),
  channel: z.enum(['counter', 'online', 'postal', 'interagency']).optional(),
  due: z.enum(['overdue', 'near_due', 'on_time'], { error: 'Hạn xử lý (due) không hợp lệ' }).optional(),
  receivedFrom: z.iso.date({ error: 'Tiếp nhận từ ngày (receivedFrom) phải có dạng YYYY-MM-DD' }).optional(),
  receivedTo: z.iso.date({ error: 'Tiếp nhận đến ngày (receivedTo) phải có dạng YYYY-MM-DD' }).optional(),
  cursor: str('Con trỏ trang (cursor)', 200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const DossierRow = z.object({
  id: z.string(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  applicantOrg: z.string().nullable(),
  summary: z.string(),
  channel: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  task: z.enum(TASKS),
  stepName: z.string(),
  holderName: z.string().nullable(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  stepDueAt: z.string().nullable(),
  due: z.enum(['overdue', 'near_due', 'on_time']),
  rowVersion: z.number(),
});
export type DossierRow = z.infer<typeof DossierRow>;

export const DossierPage = z.object({ items: z.array(DossierRow), nextCursor: z.string().nullable() });
export type DossierPage = z.infer<typeof DossierPage>;

/** `capped`: the count stopped at the list's cap (10,000 a queue, 1,000 a record), so at least `total`. */
export const CountCell = z.object({
  total: z.number(),
  overdue: z.number(),
  nearDue: z.number(),
  capped: z.boolean(),
});
export type CountCell = z.infer<typeof CountCell>;
export const WorklistCounts = z.object({
  /** The lists this official has (by role), in display order, with their counts. */
  lists: z.array(
    z.object({ list: z.enum(WORKLISTS), label: z.string(), criterion: z.string(), count: CountCell }),
  ),
});
export type WorklistCounts = z.infer<typeof WorklistCounts>;
