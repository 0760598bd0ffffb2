import { z } from 'zod';
import { SubmitBody } from './schema.ts';

/**
 * The applicant changes an online dossier before the counter receives it: what a submission carries
 * except the procedure and the agency (which issued the code), and the version the applicant saw.
 */
export const AmendBody = SubmitBody.pick({
  applicant: true,
  formData: true,
  fileIds: true,
  resultDelivery: true,
  postal: true,
}).extend({
  rowVersion: z
    .number({ error: 'Phiên bản hồ sơ (rowVersion) là bắt buộc' })
    .int('Phiên bản hồ sơ (rowVersion) phải là số nguyên')
    .min(1, 'Phiên bản hồ sơ (rowVersion) không hợp lệ'),
});
export type AmendBody = z.infer<typeof AmendBody>;
