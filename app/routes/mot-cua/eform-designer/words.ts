import type { EformFieldType, EformPrefill } from '../../../../src/domain/eform.ts';
import type { MessageKey } from '../../../i18n/index.ts';

/** The name of each field type and prefill source, as the designer shows them. */
export const TYPE_KEYS = {
  text: 'ed.type.text',
  textarea: 'ed.type.textarea',
  number: 'ed.type.number',
  date: 'ed.type.date',
  choice: 'ed.type.choice',
  catalog: 'ed.type.catalog',
  id_number: 'ed.type.id_number',
  phone: 'ed.type.phone',
  email: 'ed.type.email',
  checkbox: 'ed.type.checkbox',
  file: 'ed.type.file',
  group: 'ed.type.group',
} as const satisfies Record<EformFieldType, MessageKey>;

export const PREFILL_KEYS = {
  fullName: 'ed.prefill.fullName',
  birthDate: 'ed.prefill.birthDate',
  gender: 'ed.prefill.gender',
  idNumber: 'ed.prefill.idNumber',
  phone: 'ed.prefill.phone',
  email: 'ed.prefill.email',
  address: 'ed.prefill.address',
  communeCode: 'ed.prefill.communeCode',
  provinceCode: 'ed.prefill.provinceCode',
  orgName: 'ed.prefill.orgName',
  taxCode: 'ed.prefill.taxCode',
} as const satisfies Record<EformPrefill, MessageKey>;
