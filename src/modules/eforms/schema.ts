import { z } from 'zod';
import { EFORM_PREFILLS } from '../../domain/eform.ts';
import type { EformDefinition, EformField } from '../../domain/eform.ts';

/** The contract of an e-form definition (src/domain/eform.ts), each message naming its field. */

const str = (label: string, max: number) =>
  z.string({ error: `${label} phải là chuỗi ký tự` }).max(max, `${label} tối đa ${max} ký tự`);

const base = {
  key: str('Mã trường (key)', 60),
  label: str('Nhãn trường (label)', 300),
  help: str('Hướng dẫn (help)', 1000).optional(),
  required: z.boolean().optional(),
  visibleWhen: z
    .object({
      field: str('Trường điều kiện (visibleWhen.field)', 60),
      in: z.array(str('Giá trị (visibleWhen.in[])', 200)).min(1).max(50),
    })
    .nullish(),
  prefill: z.enum(EFORM_PREFILLS, { error: 'Nguồn điền sẵn (prefill) không hợp lệ' }).nullish(),
};

/** A number property with its own message per check, each naming the property. */
const num = (label: string, o: { int?: boolean; min?: number; max?: number } = {}) => {
  let n = z.number({ error: `${label} phải là số` });
  if (o.int) n = n.int({ error: `${label} phải là số nguyên` });
  if (o.min !== undefined) n = n.min(o.min, { error: `${label} phải từ ${o.min} trở lên` });
  if (o.max !== undefined) n = n.max(o.max, { error: `${label} không được vượt quá ${o.max}` });
  return n;
};

export const EformFieldSchema: z.ZodType<EformField> = z.lazy(() =>
  z.discriminatedUnion(
    'type',
    [
      z.object({
        ...base,
        type: z.enum(['text', 'textarea']),
        minLength: num('Độ dài tối thiểu (minLength)', { int: true, min: 0 }).optional(),
        maxLength: num('Độ dài tối đa (maxLength)', { int: true, min: 1, max: 10000 }).optional(),
        pattern: str('Mẫu (pattern)', 300).optional(),
        patternHint: str('Gợi ý mẫu (patternHint)', 300).optional(),
      }),
      z.object({
        ...base,
        type: z.literal('number'),
        min: num('Giá trị nhỏ nhất (min)').optional(),
        max: num('Giá trị lớn nhất (max)').optional(),
        integer: z.boolean().optional(),
      }),
      z.object({
        ...base,
        type: z.literal('date'),
        notFuture: z.boolean().optional(),
        notPast: z.boolean().optional(),
      }),
      z.object({
        ...base,
        type: z.literal('choice'),
        options: z
          .array(
            z.object({
              value: str('Giá trị (options[].value)', 200),
              label: str('Nhãn (options[].label)', 300),
            }),
          )
          .max(200),
        multiple: z.boolean().optional(),
      }),
      z.object({
        ...base,
        type: z.literal('catalog'),
        catalog: str('Danh mục (catalog)', 60),
        parentField: str('Trường cấp trên (parentField)', 60).optional(),
      }),
      z.object({ ...base, type: z.enum(['id_number', 'phone', 'email', 'checkbox']) }),
      z.object({
        ...base,
        type: z.literal('file'),
        maxBytes: num('Dung lượng tối đa (maxBytes)', { int: true, min: 1, max: 50 * 1024 * 1024 }),
        extensions: z.array(str('Định dạng (extensions[])', 10)).max(20),
        maxFiles: num('Số tệp tối đa (maxFiles)', { int: true, min: 1, max: 20 }).optional(),
      }),
      z.object({
        ...base,
        type: z.literal('group'),
        fields: z.array(EformFieldSchema).max(50),
        minItems: num('Số mục tối thiểu (minItems)', { int: true, min: 0 }).optional(),
        maxItems: num('Số mục tối đa (maxItems)', { int: true, min: 1, max: 100 }).optional(),
        itemLabel: str('Tên mỗi mục (itemLabel)', 100).optional(),
      }),
    ],
    { error: 'Loại trường (type) không hợp lệ' },
  ),
);

export const EformDefinitionSchema: z.ZodType<EformDefinition> = z.object({
  title: str('Tiêu đề tờ khai (title)', 300),
  sections: z
    .array(
      z.object({
        title: str('Tiêu đề phần (sections[].title)', 300),
        fields: z.array(EformFieldSchema).max(100),
      }),
    )
    .max(30),
});

export const EformView = z.object({
  procedureCode: z.string(),
  /** 0: the built-in default form (no version saved yet). */
  version: z.number(),
  definition: EformDefinitionSchema,
  updatedAt: z.string().nullable(),
});
export type EformView = z.infer<typeof EformView>;
