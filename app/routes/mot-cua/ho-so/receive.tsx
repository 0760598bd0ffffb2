import { data } from 'react-router';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/receive.ts';
import { requireDossiers } from './access.server.ts';
import { fileLimits } from './files.server.ts';
import { ProcedureFactsPanel } from './ProcedureFacts.tsx';
import { ProcedurePicker } from './ProcedurePicker.tsx';
import { receiptAction } from './receipt-action.server.ts';
import type { ReceiptActionData } from './receipt-action.server.ts';
import { procedureChoices, procedureFacts, provinces } from './receipt-data.server.ts';
import { ReceiptForm } from './ReceiptForm.tsx';
import { dossierLinks } from './styles.ts';

export const links = dossierLinks;

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireDossiers(context, request);
  if (!w.canReceive) failWith(403, 'permission');
  const sp = new URL(request.url).searchParams;
  const agencies = await w.services.org.agencyOptions(w.auth, 'dossiers.receive');
  const asked = sp.get('co-quan') ?? '';
  const agencyId = agencies.some((a) => a.id === asked)
    ? asked
    : agencies.length === 1
      ? (agencies[0]?.id ?? '')
      : '';
  const q = (sp.get('tim') ?? '').slice(0, 200);
  const code = (sp.get('thu-tuc') ?? '').trim().slice(0, 40);
  const [choices, facts, provinceList] = await Promise.all([
    agencyId && !code ? procedureChoices(w.services, agencyId, q) : Promise.resolve([]),
    agencyId && code ? procedureFacts(w.services, code, agencyId, w.lang) : Promise.resolve(undefined),
    provinces(w.services),
  ]);
  return {
    agencies: agencies.map((a) => ({ value: a.id, label: a.label })),
    agencyId,
    q,
    code,
    choices,
    facts,
    provinces: provinceList.map((p) => ({ value: p.code, label: p.name })),
    fileLimits: fileLimits(),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = requireDossiers(context, request);
  if (!w.canReceive) failWith(403, 'permission');
  const out = await receiptAction(w, request);
  if (out instanceof Response) return out;
  return data<ReceiptActionData>(out.body, { status: out.status });
}

/**
 * /mot-cua/ho-so/tiep-nhan: receipt at the counter (II.5.1–5.3, II.5.9). Choose the agency and the
 * procedure, check the dossier against its required components, fill in the applicant (or find them),
 * attach the scans, then accept, ask for a supplement or refuse; the new dossier opens with its code.
 */
export default function Receive({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { facts, agencyId, code } = loaderData;
  return (
    <>
      <PageTitle title={t('ds.r.title')} site="backoffice" />
      <Breadcrumb items={[{ label: t('ds.title'), to: '/mot-cua/ho-so' }, { label: t('ds.r.title') }]} />
      <h1>{t('ds.r.title')}</h1>
      {loaderData.agencies.length === 0 ? (
        <Notice kind="warning">{t('ds.r.noAgency')}</Notice>
      ) : (
        <ProcedurePicker
          agencies={loaderData.agencies}
          agencyId={agencyId}
          q={loaderData.q}
          choices={loaderData.choices}
          chosen={facts ? { code: facts.code, name: facts.name } : undefined}
        />
      )}
      {agencyId && code && !facts ? (
        <Notice kind="warning">{t('ds.r.procedureMissing', { code })}</Notice>
      ) : null}
      {facts ? (
        <>
          <ProcedureFactsPanel facts={facts} />
          <ReceiptForm
            agencyId={agencyId}
            facts={facts}
            provinces={loaderData.provinces}
            limits={loaderData.fileLimits}
            state={actionData}
          />
        </>
      ) : null}
    </>
  );
}
