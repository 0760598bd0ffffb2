import { z } from 'zod';

/** Contracts of the citizen's document store (V.8, III.1.1). Every message names its field. */

export const DocumentView = z.object({
  id: z.uuid(),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  /** result: an e-result issued by an agency; verified: accepted by an agency at receipt; own: uploaded by the owner. */
  source: z.enum(['result', 'verified', 'own']),
  agencyName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  dossierCode: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentUploadQuery = z.object({
  fileName: z
    .string({ error: 'Tên tệp (fileName) là bắt buộc' })
    .min(1, 'Tên tệp (fileName) là bắt buộc')
    .max(200),
  title: z.string().trim().max(300, 'Tên giấy tờ (title) tối đa 300 ký tự').optional(),
});

/** The rules of the form field a stored document is reused in (the field's formats and size). */
export const ReuseBody = z.object({
  field: z.string().max(200).optional(),
  maxBytes: z.number().int().positive().optional(),
  extensions: z.array(z.string().max(10)).max(20).optional(),
});
export type ReuseBody = z.infer<typeof ReuseBody>;
