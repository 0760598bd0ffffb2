import { useEffect, useState } from 'react';
import { data, Link, useRevalidator } from 'react-router';
import type { ShouldRevalidateFunctionArgs } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { plainValues } from '../../../components/process/plain-form.ts';
import { PlainForms, stepRowId, transitionRowId } from '../../../components/process/PlainForms.tsx';
import { ProblemList } from '../../../components/process/ProblemList.tsx';
import { ProcessDiagram } from '../../../components/process/ProcessDiagram.tsx';
import { ProcessEditor } from '../../../components/process/ProcessEditor.tsx';
import { processDiagramLinks } from '../../../components/process/styles.ts';
import { useProcessWords } from '../../../components/process/words.ts';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { isUuid, orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import { proceduresAdminLinks } from '../thu-tuc/styles.ts';
import type { Route } from './+types/editor.ts';
import { requireProcesses } from './access.server.ts';
import { processChoices } from './choices.server.ts';
import { editorAction, MINUTES_PER_DAY } from './editor-action.server.ts';
import type { EditorActionData } from './editor-action.server.ts';
import { NewDraftForm, ProcessMeta, PublishForms, PublishRefused } from './EditorParts.tsx';

export const links = () => [...proceduresAdminLinks(), ...processDiagramLinks()];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireProcesses(context, request);
  if (!isUuid(params.id)) failWith(404);
  const p = await orErrorPage(w.services.processes.get(w, params.id));
  const { choices, names } = await processChoices(w, p.agencyId);
  return {
    p: {
      ...p,
      updatedAt: formatDateTime(p.updatedAt),
      publishedAt: p.publishedAt ? formatDateTime(p.publishedAt) : null,
    },
    // The service decides; the page offers the designer only where it would accept the changes.
    canEdit: p.agencyId === null ? w.canEditShared : choices.agencies.some((a) => a.id === p.agencyId),
    choices,
    names,
    minutesPerDay: MINUTES_PER_DAY,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireProcesses(context, request);
  if (!isUuid(params.id)) failWith(404);
  const out = await editorAction(w, request, params.id);
  if (out instanceof Response) return out;
  return data<EditorActionData>(out.body, { status: out.status });
}

/** A save from the designer answers its own fetcher; re-reading the page would reset the drawing. */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formData?.get('intent') === 'save-json') return false;
  return defaultShouldRevalidate;
}

const NOTICES: Record<string, MessageKey> = {
  created: 'pr.notice.created',
  imported: 'pr.notice.imported',
  saved: 'pr.notice.saved',
  published: 'pr.notice.published',
};

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * /mot-cua/quy-trinh/:id: one version of a procedure's process (TT 22/2019 II.3.1–3.4, II.24.1).
 * A draft opens in the designer when JavaScript runs; without it, the same page shows the diagram,
 * its problems and tables of plain fields that save the draft. Other versions are shown read-only.
 */
export default function ProcessEditorPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const hydrated = useHydrated();
  const revalidator = useRevalidator();
  const [reloads, setReloads] = useState(0);
  const { p, canEdit, choices, names, minutesPerDay } = loaderData;
  const words = useProcessWords(names, minutesPerDay);
  const editable = canEdit && p.status === 'draft';
  const title = t(editable ? 'pr.editorTitle' : 'pr.viewTitle', { name: p.procedureName });
  const diagramTitle = p.definition.name || title;
  const form = actionData?.intent === 'save-form' ? actionData : undefined;
  const other =
    actionData && 'formError' in actionData && actionData.intent !== 'save-form' ? actionData : undefined;
  const versions = `/mot-cua/thu-tuc/${encodeURIComponent(p.procedureCode)}/quy-trinh`;
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to={versions}>{t('pr.backToVersions')}</Link>
      </p>
      <h1>{title}</h1>
      <ProcessMeta
        code={p.procedureCode}
        version={p.version}
        status={p.status}
        agencyName={p.agencyName}
        deadline={p.legalDeadline}
        budget={words.budget}
      />
      <p className="toolbar">
        <a href={`/mot-cua/quy-trinh/${p.id}/xuat`} download>
          {t('pr.export')}
        </a>
      </p>
      <FlashNotice notices={NOTICES} hidden={Boolean(actionData)} />
      {other?.problems ? (
        <PublishRefused message={other.formError} problems={other.problems} />
      ) : other ? (
        <ErrorSummary errors={{}} order={[]} formError={other.formError} />
      ) : null}
      {other?.conflict ? (
        <p>
          <a href={`/mot-cua/quy-trinh/${p.id}`}>{t('pr.reload')}</a>
        </p>
      ) : null}
      {!editable ? (
        <>
          <ProcessDiagram
            definition={p.definition}
            title={diagramTitle}
            names={names}
            minutesPerDay={minutesPerDay}
          />
          {canEdit ? <NewDraftForm /> : null}
        </>
      ) : hydrated ? (
        <ProcessEditor
          key={`${p.id}:${p.rowVersion}:${reloads}`}
          initial={p.definition}
          serverProblems={p.problems}
          rowVersion={p.rowVersion}
          legalDeadline={p.legalDeadline}
          minutesPerDay={minutesPerDay}
          choices={choices}
          names={names}
          title={diagramTitle}
          onReload={() => {
            setReloads((n) => n + 1);
            void revalidator.revalidate();
          }}
          footer={(s) => <PublishForms rowVersion={s.rowVersion} dirty={s.dirty} />}
        />
      ) : (
        <>
          <ProcessDiagram
            definition={p.definition}
            title={diagramTitle}
            names={names}
            minutesPerDay={minutesPerDay}
          />
          <ProblemList
            problems={p.problems}
            hrefOf={(x) =>
              x.stepId
                ? `#${stepRowId(x.stepId)}`
                : x.transitionId
                  ? `#${transitionRowId(x.transitionId)}`
                  : undefined
            }
          />
          <h2>{t('pr.plainTitle')}</h2>
          <ErrorSummary
            errors={form?.errors}
            order={Object.keys(form?.errors ?? {})}
            formError={form?.formError}
          />
          {form?.conflict ? (
            <p data-testid="conflict">
              {t('pr.conflict')} <a href={`/mot-cua/quy-trinh/${p.id}`}>{t('pr.reload')}</a>
            </p>
          ) : null}
          <PlainForms
            values={form?.values ?? plainValues(p.definition, minutesPerDay)}
            rowVersion={p.rowVersion}
            errors={form?.errors ?? {}}
            choices={choices}
            words={words}
            minutesPerDay={minutesPerDay}
          />
          <PublishForms rowVersion={p.rowVersion} dirty={false} />
        </>
      )}
    </>
  );
}
