import { data, Link } from 'react-router';
import { ProcedureCode } from '../../../../src/modules/procedures/schema.ts';
import { FlashNotice } from '../../../components/FlashNotice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { failWith } from '../../../lib/http.ts';
import { requireCatalog } from '../thu-tuc/access.server.ts';
import { proceduresAdminLinks } from '../thu-tuc/styles.ts';
import type { Route } from './+types/designer.ts';
import { Designer } from './DesignerForm.tsx';
import designerCss from './designer.css?url';
import { designerAction, designerData } from './designer.server.ts';
import type { DesignerActionData } from './designer.server.ts';
import { Preview } from './Preview.tsx';
import { Versions } from './Versions.tsx';

export const links = () => [...proceduresAdminLinks(), { rel: 'stylesheet', href: designerCss }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  return designerData(w, params.code, new URL(request.url).searchParams);
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireCatalog(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  if (!w.canEdit) failWith(403, 'permission');
  const out = await designerAction(w, request, params.code);
  if (out instanceof Response) return out;
  return data<DesignerActionData>(out.body, { status: out.status });
}

const NOTICES: Record<string, MessageKey> = { saved: 'ed.notice.saved' };

/**
 * /mot-cua/thu-tuc/:code/to-khai: the e-form designer (III.1.2, II.2.3). A province editor builds the
 * procedure's form (sections, fields and their properties) with a live preview and saves it as a new
 * version; officials who only review see the form and its versions.
 */
export default function EformDesignerPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { code, name, canEdit, version, viewed } = loaderData;
  const title = t('ed.title', { name });
  const self = `/mot-cua/thu-tuc/${encodeURIComponent(code)}/to-khai`;
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to={`/mot-cua/thu-tuc/${encodeURIComponent(code)}`}>{t('ed.backToProcedure', { code })}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead" data-testid="current-version">
        {version === 0 ? t('ed.defaultInUse') : t('ed.versionInUse', { n: version })}
      </p>
      <FlashNotice notices={NOTICES} hidden={Boolean(actionData)} />
      {viewed ? (
        <div className="panel ed-viewed">
          <Preview
            catalogItems={loaderData.catalogItems}
            definition={viewed.definition}
            prefix="v."
            title={t('ed.viewedTitle', { n: viewed.version })}
            id="viewed-title"
          />
          <p className="toolbar">
            {canEdit ? (
              <Link to={`${self}?tu=${viewed.version}`}>{t('ed.startFrom', { n: viewed.version })}</Link>
            ) : null}
            <Link to={self}>{t('ed.closeView')}</Link>
          </p>
        </div>
      ) : null}
      {canEdit ? (
        <Designer
          key={actionData?.stamp ?? loaderData.stamp}
          initial={actionData?.state ?? loaderData.initial}
          errors={actionData?.errors ?? {}}
          formError={actionData?.formError}
          conflict={actionData?.conflict ?? false}
          startedFrom={loaderData.startedFrom}
          catalogs={loaderData.catalogs}
          catalogItems={loaderData.catalogItems}
          code={code}
          self={self}
        />
      ) : (
        <>
          <p className="notice">{t('ed.readOnly')}</p>
          <Preview
            catalogItems={loaderData.catalogItems}
            definition={loaderData.initial.draft}
            prefix="pv."
            title={t('ed.currentTitle')}
            id="preview-title"
          />
        </>
      )}
      <Versions versions={loaderData.versions} canEdit={canEdit} />
    </>
  );
}
