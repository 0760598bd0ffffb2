import { data, Link } from 'react-router';
import { ProcedureCode } from '../../../../src/modules/procedures/schema.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/edit.ts';
import { requireCatalog } from './access.server.ts';
import { saveEditor } from './editor-action.server.ts';
import type { EditorActionData } from './editor-action.server.ts';
import { editorChoices } from './editor-data.server.ts';
import { withAnchors } from './editor-paths.ts';
import { valuesOf } from './editor-values.ts';
import { ProcedureEditor } from './Editor.tsx';
import { ContentIssues } from './ProcedureParts.tsx';
import { proceduresAdminLinks } from './styles.ts';

export const links = proceduresAdminLinks;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  if (!w.canEdit) failWith(403, 'permission');
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  const p = await orErrorPage(w.services.procedures.get(w.auth, params.code));
  return {
    ...(await editorChoices(w.services, w.auth, p.content.fieldCode)),
    code: p.code,
    name: p.name,
    values: valuesOf(p.code, p.version, p.content),
    flags: withAnchors(p.content, p.flags),
    publicationIssues: withAnchors(p.content, p.publicationIssues),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireCatalog(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  const out = await saveEditor(w, request, params.code);
  if (out instanceof Response) return out;
  return data<EditorActionData>(out.body, { status: out.status });
}

/** /mot-cua/thu-tuc/:code/sua: the working draft of a procedure (published only when a reviewer publishes it). */
export default function EditProcedure({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { code, name } = loaderData;
  const title = t('pa.editTitle', { code });
  const self = `/mot-cua/thu-tuc/${encodeURIComponent(code)}`;
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to={self}>{t('pa.backToProcedure', { code })}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{name}</p>
      <ContentIssues flags={loaderData.flags} issues={loaderData.publicationIssues} editPath={null} />
      <ProcedureEditor
        mode="edit"
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        conflict={actionData?.conflict}
        fields={loaderData.fields}
        forms={loaderData.forms}
        back={self}
      />
    </>
  );
}
