import { formatDateTime } from '../../../../src/domain/datetime.ts';
import type { DossierDetail, OfficialChoice } from '../../../../src/modules/dossiers/schema.ts';
import type { DossierOfficial } from './access.server.ts';
import { actionKey } from './action-fields.ts';

/** The dossier as its page shows it: every time already DD/MM/YYYY HH:mm:ss (the same text on server and client). */

const at = (s: string | null) => (s ? formatDateTime(s) : null);
const text = (v: unknown) =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);

export function dossierView(d: DossierDetail) {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusReason: d.statusReason,
    annexLines: d.annexLines,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    agencyName: d.agencyName,
    channel: d.channel,
    stepId: d.stepId,
    stepName: d.stepName,
    holderName: d.holderName,
    holderDepartment: d.holderDepartment,
    holderAgencyName: d.holderAgencyName,
    due: d.due,
    submittedAt: formatDateTime(d.submittedAt),
    receivedAt: at(d.receivedAt),
    appointmentAt: at(d.appointmentAt),
    stepDueAt: at(d.stepDueAt),
    completedAt: at(d.completedAt),
    returnedAt: at(d.returnedAt),
    applicant: d.applicant,
    summary: d.summary,
    components: d.components,
    missingItems: d.missingItems,
    feeAmount: d.feeAmount,
    feePaidAt: at(d.feePaidAt),
    resultDelivery: d.resultDelivery,
    postal: d.postal
      ? ['name', 'phone', 'address', 'communeCode', 'provinceCode']
          .map((k) => text(d.postal?.[k]))
          .filter(Boolean)
      : null,
    recipient: d.recipient
      ? {
          name: text(d.recipient.name),
          idNumber: text(d.recipient.idNumber),
          relation: text(d.recipient.relation),
          feeReceipt: text(d.recipient.feeReceipt),
        }
      : null,
    files: d.files.map((f) => ({ ...f, createdAt: formatDateTime(f.createdAt) })),
    history: d.history.map((h) => ({ ...h, at: formatDateTime(h.at) })),
    actions: d.actions.map((a) => ({ ...a, key: actionKey(a) })),
    rowVersion: d.rowVersion,
  };
}
export type DossierView = ReturnType<typeof dossierView>;

/** The officials the open form's "send to" select offers, with how many dossiers each holds. */
export async function choicesFor(
  w: DossierOfficial,
  d: DossierDetail,
  key: string | null,
): Promise<OfficialChoice[]> {
  const a = key ? d.actions.find((x) => actionKey(x) === key) : undefined;
  if (!a?.needs.includes('assignee')) return [];
  return w.services.dossiers.assignees(w.auth, d.id, a.transitionId);
}
