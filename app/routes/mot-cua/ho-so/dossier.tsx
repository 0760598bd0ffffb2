import { data } from 'react-router';
import type { ShouldRevalidateFunctionArgs } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { Breadcrumb } from '../../../components/Breadcrumb.tsx';
import { ProcessDiagram } from '../../../components/process/ProcessDiagram.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { isUuid, orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/dossier.ts';
import { requireDossiers } from './access.server.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { dossierAction } from './dossier-action.server.ts';
import type { DossierActionData } from './dossier-action.server.ts';
import { choicesFor, dossierView } from './dossier-view.server.ts';
import { DossierFacts } from './DossierFacts.tsx';
import { DossierHeader } from './DossierHeader.tsx';
import { fileLimits } from './files.server.ts';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { StandardForms } from './StandardForms.tsx';
import { dossierLinks } from './styles.ts';

export const links = dossierLinks;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireDossiers(context, request);
  if (!isUuid(params.id)) failWith(404);
  const [d, process] = await orErrorPage(
    Promise.all([
      w.services.dossiers.detail(w.auth, params.id),
      w.services.dossiers.process(w.auth, params.id),
    ]),
  );
  const open = new URL(request.url).searchParams.get('thao-tac');
  const [choices, forms, resultTemplate] = await Promise.all([
    choicesFor(w, d, open),
    w.services.printing.standardFormsOf(d),
    w.services.resultTemplates.hasTemplate(d.procedureCode),
  ]);
  return {
    dossier: dossierView(d),
    process,
    open,
    choices: choices.map((c) => ({ id: c.id, fullName: c.fullName, department: c.department, load: c.load })),
    fileLimits: fileLimits(),
    forms: forms.map((f) => ({
      number: f.number,
      occurrences: f.occurrences?.map((x) => ({ lan: x.lan, at: formatDateTime(x.at) })) ?? null,
    })),
    resultTemplate,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireDossiers(context, request);
  if (!isUuid(params.id)) failWith(404);
  const out = await dossierAction(w, request, params.id);
  if (out instanceof Response) return out;
  return data<DossierActionData>(out.body, { status: out.status });
}

/** After a conflict (409) the page must show the fresh dossier, which React Router skips by default for 4xx. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate;
}

/**
 * /mot-cua/ho-so/:id: one dossier. Its code, status and what Annex I shows with it, the due time; the
 * applicant, components and files; the history (II.18.1); and what the official may do now, one form
 * per action (`?thao-tac=`), posting with the version shown (a 409 shows the fresh dossier).
 */
export default function Dossier({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const d = loaderData.dossier;
  return (
    <>
      <PageTitle title={t('ds.d.title', { code: d.code })} site="backoffice" />
      <Breadcrumb items={[{ label: t('ds.title'), to: '/mot-cua/ho-so' }, { label: d.code }]} />
      {actionData?.conflict ? (
        <div className="error-summary" role="alert" data-testid="conflict">
          <h2 className="error-summary-title">{t('ds.act.conflictTitle')}</h2>
          <p>{actionData.formError}</p>
          <p>{t('ds.act.conflictFresh')}</p>
        </div>
      ) : null}
      <DossierHeader dossier={d} notice={!actionData} />
      <p>
        <a href={`/mot-cua/ho-so/${d.id}/to-khai.pdf`} data-testid="form-pdf">
          {t('print.formPdf')}
        </a>
      </p>
      {loaderData.resultTemplate ? (
        <p>
          <a
            href={`/mot-cua/ho-so/${d.id}/du-thao-ket-qua.pdf`}
            data-testid="draft-result"
            aria-describedby="draft-result-hint"
          >
            {t('rt.draft')}
          </a>
          <span id="draft-result-hint" className="field-hint">
            {' '}
            {t('rt.draftHint')}
          </span>
        </p>
      ) : null}
      <StandardForms dossierId={d.id} forms={loaderData.forms} />
      <div className="ds-grid">
        <div>
          <ActionPanel
            dossier={d}
            open={loaderData.open}
            choices={loaderData.choices}
            limits={loaderData.fileLimits}
            state={actionData?.conflict ? undefined : actionData}
            resultTemplate={loaderData.resultTemplate}
          />
          <DossierFacts dossier={d} />
        </div>
        <HistoryTimeline history={d.history} />
      </div>
      <ProcessDiagram
        definition={loaderData.process}
        current={d.stepId}
        title={t('ds.d.processTitle', { step: d.stepName })}
      />
      {d.actions.length === 0 ? <Notice>{t('ds.d.noActions')}</Notice> : null}
    </>
  );
}
