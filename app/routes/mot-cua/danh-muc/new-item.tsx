import { data, Link, redirect } from 'react-router';
import { CatalogParam } from '../../../../src/modules/catalogs/schema.ts';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { failWith } from '../../../lib/http.ts';
import { isTopLevel, orErrorPage } from '../../../lib/backoffice.server.ts';
import type { Route } from './+types/new-item.ts';
import { ItemForm } from './item-form.tsx';
import { itemServiceErrors, readCreateForm } from './item-input.server.ts';
import type { ItemValues } from './item-input.server.ts';
import { parentChoices } from './parents.server.ts';

export const links = adminDataLinks;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'catalogs.manage');
  if (!CatalogParam.safeParse({ catalog: params.catalog }).success) failWith(404);
  const catalog = await orErrorPage(services.catalogs.getCatalog(params.catalog));
  const parent = new URL(request.url).searchParams.get('cha') ?? '';
  return {
    catalog: {
      code: catalog.code,
      name: lang === 'en' ? catalog.nameEn : catalog.name,
    },
    codeExample:
      (await services.catalogs.listItems(catalog.code, { limit: 1, includeInactive: 'true' })).items[0]
        ?.code ?? null,
    parents: await parentChoices(services, catalog.parentCatalog, lang),
    parent,
    canEdit: isTopLevel(auth.grants, 'catalogs.manage'),
  };
}

interface ActionData {
  values: ItemValues;
  errors: FieldErrors;
  formError?: string;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'catalogs.manage');
  const read = readCreateForm(await request.formData(), w.lang);
  if (!read.ok) return data<ActionData>({ values: read.values, errors: read.errors }, { status: 400 });
  try {
    await w.services.catalogs.createItem(w.auth, w.actor, params.catalog, read.input);
  } catch (err) {
    const e = itemServiceErrors(err, w.lang);
    return data<ActionData>({ values: read.values, ...e }, { status: e.formError ? 403 : 400 });
  }
  const code = encodeURIComponent(read.input.code);
  return redirect(`/mot-cua/danh-muc/${params.catalog}?q=${code}&tat-ca=1&tb=created&tb-ma=${code}`);
}

/** /mot-cua/danh-muc/:catalog/them-muc: add an item (top-level administrators only; the service checks). */
export default function NewItem({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { catalog } = loaderData;
  const title = t('cat.newTitle', { catalog: catalog.name });
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to={`/mot-cua/danh-muc/${catalog.code}`}>{t('cat.backTo', { catalog: catalog.name })}</Link>
      </p>
      <h1>{title}</h1>
      {loaderData.canEdit ? null : <Notice kind="warning">{t('cat.readOnly')}</Notice>}
      <ItemForm
        mode="create"
        values={actionData?.values ?? { parentCode: loaderData.parent }}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        parents={loaderData.parents}
        codeExample={loaderData.codeExample}
      />
    </>
  );
}
