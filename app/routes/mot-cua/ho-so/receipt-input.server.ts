import { ReceiveBody } from '../../../../src/modules/dossiers/schema.ts';
import type { Lang } from '../../../context.ts';
import { fieldMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { compField, TEXT_FIELDS } from './receipt-fields.ts';
import type { ReceiptValues, UploadedFile } from './receipt-fields.ts';

/** Reading the receipt form: what was typed, the service's body, and its problems next to their fields. */

const MAX_COMPONENTS = 100;

export function readValues(form: FormData): { values: ReceiptValues; componentCount: number } {
  const values: ReceiptValues = {};
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  for (const f of TEXT_FIELDS) values[f] = text(f);
  let componentCount = 0;
  while (componentCount < MAX_COMPONENTS && form.has(compField(componentCount, 'name'))) {
    for (const part of ['name', 'received', 'copyType', 'count'] as const)
      values[compField(componentCount, part)] = text(compField(componentCount, part));
    componentCount++;
  }
  return { values, componentCount };
}

const opt = (v: string | undefined) => {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
};

/** The body ReceiveBody checks: empty optional fields left out, the missing items one per line. */
export function receiveInput(
  values: ReceiptValues,
  componentCount: number,
  uploads: readonly UploadedFile[],
  decision: string,
): unknown {
  const v = (k: string) => values[k] ?? '';
  const postal = v('delivery') === 'postal';
  return {
    procedureCode: v('procedureCode'),
    agencyId: v('agencyId'),
    channel: v('channel') || 'counter',
    applicant: {
      kind: v('kind'),
      idNumber: v('idNumber').trim().toUpperCase(),
      fullName: v('fullName'),
      orgName: v('kind') === 'organisation' ? opt(v('orgName')) : null,
      phone: opt(v('phone')?.replace(/[\s.-]/g, '')),
      email: opt(v('email')),
      address: opt(v('address')),
      communeCode: opt(v('communeCode')),
    },
    summary: v('summary'),
    components: Array.from({ length: componentCount }, (_, i) => ({
      name: v(compField(i, 'name')),
      copyType: v(compField(i, 'copyType')),
      count: v(compField(i, 'count')).trim() === '' ? Number.NaN : Number(v(compField(i, 'count'))),
      received: v(compField(i, 'received')) === 'on',
    })),
    fileIds: uploads.map((u) => u.id),
    resultDelivery: postal ? 'postal' : 'counter',
    postal: postal
      ? {
          name: v('pName'),
          phone: v('pPhone').replace(/[\s.-]/g, ''),
          provinceCode: v('pProvince'),
          communeCode: v('pCommune'),
          address: v('pAddress'),
        }
      : null,
    decision,
    reason: opt(v('reason')),
    missingItems: v('missingItems')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  };
}

const POSTAL_FIELD: Record<string, string> = {
  name: 'pName',
  phone: 'pPhone',
  provinceCode: 'pProvince',
  communeCode: 'pCommune',
  address: 'pAddress',
};

/** The form field a problem belongs to, from a zod path or the service's field name ("applicant.phone"). */
export function receiptFieldOf(path: readonly PropertyKey[]): string {
  const [head, second, third] = path.map(String);
  if (head === 'applicant') return second ?? 'idNumber';
  if (head === 'postal') return POSTAL_FIELD[second ?? ''] ?? 'pName';
  if (head === 'components' && second !== undefined && /^\d+$/.test(second)) {
    const part = third === 'copyType' || third === 'count' ? third : 'received';
    return compField(Number(second), part);
  }
  if (head === 'resultDelivery') return 'delivery';
  if (head === 'fileIds' || head === 'file' || head === 'fileName') return 'files';
  return head ?? 'form';
}

/** Problems by form field (first message each); those about the agency or procedure go to the whole form. */
export function receiptErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  lang: Lang,
): { errors: FieldErrors; formError: string | undefined } {
  const errors: FieldErrors = {};
  let formError: string | undefined;
  for (const issue of issues) {
    const field = receiptFieldOf(issue.path);
    if (field === 'agencyId' || field === 'procedureCode' || field === 'decision' || field === 'form')
      formError ??= issue.message;
    else errors[field] ??= fieldMessage(field, issue.message, lang);
  }
  return { errors, formError };
}

export function parseReceive(input: unknown) {
  return ReceiveBody.safeParse(input);
}
