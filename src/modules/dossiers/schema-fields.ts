import { z } from 'zod';

/** Field schemas of the dossier contracts whose messages name the field (schema.ts, worklist-schema.ts). */

export const str = (label: string, max: number) =>
  z
    .string({ error: `${label} phải là chuỗi ký tự` })
    .trim()
    .max(max, `${label} tối đa ${max} ký tự`);
export const required = (label: string, max: number) => str(label, max).min(1, `${label} là bắt buộc`);
export const uuid = (label: string) => z.uuid({ error: `${label} không hợp lệ` });
