import { z } from 'zod';

/** Guides, FAQs and life events (III.7.1–7.2): editors' content, general or tied to procedures. */

/**
 * Text tidied on the way in. A codec, not a transform: GuideView (a response) extends GuideInput,
 * and the response serializer encodes, which a one-way transform cannot do.
 */
function tidy(input: z.ZodString, output: z.ZodString, decode: (s: string) => string) {
  return z.codec(input, output, { decode, encode: (s) => s });
}

export const GuideKind = z.enum(['guide', 'faq', 'life_event'], {
  error: 'Loại nội dung (kind) phải là guide (hướng dẫn), faq (câu hỏi thường gặp) hoặc life_event (sự kiện)',
});

export const GuideInput = z.object({
  slug: z
    .string({ error: 'Đường dẫn (slug) là bắt buộc' })
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,119}$/,
      'Đường dẫn (slug) chỉ gồm chữ thường không dấu, chữ số và gạch ngang',
    ),
  kind: GuideKind,
  title: tidy(
    z.string({ error: 'Tiêu đề (title) là bắt buộc' }),
    z.string().min(3, 'Tiêu đề (title) tối thiểu 3 ký tự').max(300, 'Tiêu đề (title) tối đa 300 ký tự'),
    (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim(),
  ),
  summary: tidy(z.string(), z.string().max(1000, 'Tóm tắt (summary) tối đa 1.000 ký tự'), (s) =>
    s.normalize('NFC').trim(),
  ).default(''),
  body: tidy(z.string(), z.string().max(50_000, 'Nội dung (body) tối đa 50.000 ký tự'), (s) =>
    s.normalize('NFC').trim(),
  ).default(''),
  procedureCodes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z][0-9A-Za-z.-]{2,39}$/, 'Mã thủ tục (procedureCodes) không hợp lệ'),
    )
    .max(100, 'Tối đa 100 thủ tục liên quan (procedureCodes)')
    .default([]),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
  published: z.boolean().default(false),
});
export type GuideInput = z.infer<typeof GuideInput>;

export const GuideView = GuideInput.extend({ id: z.string(), updatedAt: z.string() });
export type GuideView = z.infer<typeof GuideView>;
