import { z } from 'zod';

/** The contract of a result template (src/domain/result-template.ts), each message naming its field. */

const str = (label: string, max: number) =>
  z.string({ error: `${label} phải là chuỗi ký tự` }).max(max, `${label} tối đa ${max} ký tự`);

export const ResultTemplateSchema = z.object({
  title: str('Tiêu đề (title)', 300),
  body: str('Nội dung (body)', 20000),
  signerTitle: str('Chức danh người ký (signerTitle)', 200),
  signerName: str('Họ tên người ký (signerName)', 200),
});

export const ResultTemplateView = z.object({
  procedureCode: z.string(),
  /** 0: no version saved yet (the starter template). */
  version: z.number(),
  template: ResultTemplateSchema,
  updatedAt: z.string().nullable(),
  placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
});
export type ResultTemplateView = z.infer<typeof ResultTemplateView>;
