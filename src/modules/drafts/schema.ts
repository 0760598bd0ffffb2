import { z } from 'zod';

/**
 * Contracts of online application drafts (III.1.3): what the e-form page posted, kept as one string
 * per control. Nothing is checked against the e-form when saving: a draft may be half filled.
 */

/** Drafts an account may keep at once. */
export const DRAFT_LIMIT = 20;
/** Days after its last save that a draft is still shown (older ones are purged). */
export const DRAFT_KEEP_DAYS = 90;
/** The size of a draft's values as JSON text. */
export const DRAFT_MAX_BYTES = 200_000;
const MAX_CONTROLS = 2_000;

export const DraftValues = z
  .record(
    z.string().max(300, 'Tên ô của tờ khai (values) tối đa 300 ký tự'),
    z
      .string({ error: 'Giá trị các ô của tờ khai (values) phải là chuỗi ký tự' })
      .max(5_000, 'Mỗi ô của tờ khai (values) tối đa 5.000 ký tự'),
    { error: 'Giá trị các ô của tờ khai (values) phải là một đối tượng' },
  )
  .refine((v) => Object.keys(v).length <= MAX_CONTROLS, {
    message: `Tờ khai (values) tối đa ${MAX_CONTROLS} ô`,
  })
  .refine((v) => Buffer.byteLength(JSON.stringify(v)) <= DRAFT_MAX_BYTES, {
    message: `Bản nháp (values) quá lớn: tối đa ${DRAFT_MAX_BYTES / 1000} KB`,
  });

export const DraftInput = z.object({
  procedureCode: z
    .string({ error: 'Thủ tục (procedureCode) là bắt buộc' })
    .trim()
    .min(1, 'Thủ tục (procedureCode) là bắt buộc')
    .max(40, 'Thủ tục (procedureCode) tối đa 40 ký tự'),
  agencyId: z.uuid({ error: 'Cơ quan tiếp nhận (agencyId) không hợp lệ' }).nullish(),
  values: DraftValues,
});
export type DraftInput = z.infer<typeof DraftInput>;

/** An update names the version it was read at (409 when the draft was saved elsewhere since). */
export const DraftUpdate = DraftInput.extend({
  version: z
    .number({ error: 'Phiên bản bản nháp (version) là bắt buộc' })
    .int('Phiên bản bản nháp (version) phải là số nguyên')
    .min(1, 'Phiên bản bản nháp (version) không hợp lệ'),
});
export type DraftUpdate = z.infer<typeof DraftUpdate>;

export const DraftSummary = z.object({
  id: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agencyId: z.string().nullable(),
  eformVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

export const DraftView = DraftSummary.extend({ values: z.record(z.string(), z.string()) });
export type DraftView = z.infer<typeof DraftView>;
