import { data, Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/new.ts';
import { requireCatalog } from './access.server.ts';
import { saveEditor } from './editor-action.server.ts';
import type { EditorActionData } from './editor-action.server.ts';
import { editorChoices } from './editor-data.server.ts';
import { emptyValues } from './editor-values.ts';
import { ProcedureEditor } from './Editor.tsx';
import { proceduresAdminLinks } from './styles.ts';

export const links = proceduresAdminLinks;

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  if (!w.canEdit) failWith(403, 'permission');
  return editorChoices(w.services, w.auth, null);
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = requireCatalog(context, request);
  const out = await saveEditor(w, request, undefined);
  if (out instanceof Response) return out;
  return data<EditorActionData>(out.body, { status: out.status });
}

/** /mot-cua/thu-tuc/them: a new procedure (a draft until a reviewer publishes it). */
export default function NewProcedure({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const title = t('pa.newTitle');
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to="/mot-cua/thu-tuc">{t('pa.backToList')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('pa.newIntro')}</p>
      <ProcedureEditor
        mode="create"
        values={actionData?.values ?? emptyValues()}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        fields={loaderData.fields}
        forms={loaderData.forms}
        back="/mot-cua/thu-tuc"
      />
    </>
  );
}
