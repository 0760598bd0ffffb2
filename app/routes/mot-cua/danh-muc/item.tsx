import { data, Form, Link, redirect, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { CatalogParam } from '../../../../src/modules/catalogs/schema.ts';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { failWith } from '../../../lib/http.ts';
import { isTopLevel, orErrorPage } from '../../../lib/backoffice.server.ts';
import type { Route } from './+types/item.ts';
import { ItemForm } from './item-form.tsx';
import { itemServiceErrors, readEditForm } from './item-input.server.ts';
import type { ItemValues } from './item-input.server.ts';
import { parentChoices } from './parents.server.ts';

export const links = adminDataLinks;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'catalogs.manage');
  if (!CatalogParam.safeParse({ catalog: params.catalog }).success) failWith(404);
  const catalog = await orErrorPage(services.catalogs.getCatalog(params.catalog));
  const item = await orErrorPage(services.catalogs.getItem(catalog.code, params.code));
  return {
    catalog: { code: catalog.code, name: lang === 'en' ? catalog.nameEn : catalog.name },
    parents: await parentChoices(services, catalog.parentCatalog, lang),
    canEdit: isTopLevel(auth.grants, 'catalogs.manage'),
    item: {
      code: item.code,
      active: item.active,
      updatedAt: formatDateTime(item.updatedAt),
      values: {
        name: item.name,
        parentCode: item.parentCode ?? '',
        sortOrder: String(item.sortOrder),
        extra: Object.keys(item.extra).length > 0 ? JSON.stringify(item.extra, null, 2) : '',
      },
    },
  };
}

interface ActionData {
  values?: ItemValues;
  errors: FieldErrors;
  formError?: string;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'catalogs.manage');
  const form = await request.formData();
  const { intent } = textFields(form, ['intent']);
  const self = `/mot-cua/danh-muc/${params.catalog}/muc/${encodeURIComponent(params.code)}`;
  try {
    if (intent === 'retire' || intent === 'restore') {
      if (intent === 'retire')
        await w.services.catalogs.deactivateItem(w.auth, w.actor, params.catalog, params.code);
      else
        await w.services.catalogs.updateItem(w.auth, w.actor, params.catalog, params.code, { active: true });
      return redirect(`${self}?tb=${intent === 'retire' ? 'retired' : 'restored'}`);
    }
    const read = readEditForm(form, w.lang);
    if (!read.ok) return data<ActionData>({ values: read.values, errors: read.errors }, { status: 400 });
    try {
      await w.services.catalogs.updateItem(w.auth, w.actor, params.catalog, params.code, read.input);
    } catch (err) {
      const e = itemServiceErrors(err, w.lang);
      return data<ActionData>({ values: read.values, ...e }, { status: e.formError ? 403 : 400 });
    }
    return redirect(`${self}?tb=updated`);
  } catch (err) {
    const e = itemServiceErrors(err, w.lang);
    return data<ActionData>(e, { status: 403 });
  }
}

const NOTICES: Record<string, MessageKey> = {
  retired: 'cat.notice.retired',
  restored: 'cat.notice.restored',
  updated: 'cat.notice.updated',
};

/** /mot-cua/danh-muc/:catalog/muc/:code: edit an item, retire or restore it (never deleted). */
export default function CatalogItem({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { catalog, item, canEdit } = loaderData;
  const notice = NOTICES[params.get('tb') ?? ''];
  const title = t('cat.itemTitle', { code: item.code });
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to={`/mot-cua/danh-muc/${catalog.code}`}>{t('cat.backTo', { catalog: catalog.name })}</Link>
      </p>
      <h1>{title}</h1>
      {notice && !actionData ? <Notice kind="success">{t(notice, { code: item.code })}</Notice> : null}
      <dl className="summary-list">
        <div>
          <dt>{t('cat.col.status')}</dt>
          <dd>
            <span className={item.active ? 'status status-active' : 'status status-retired'}>
              {t(item.active ? 'cat.status.active' : 'cat.status.retired')}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('cat.col.updated')}</dt>
          <dd>{item.updatedAt}</dd>
        </div>
      </dl>
      {canEdit ? (
        <>
          <ItemForm
            mode="edit"
            values={actionData?.values ?? item.values}
            errors={actionData?.errors ?? {}}
            formError={actionData?.formError}
            parents={loaderData.parents}
            codeExample={null}
          />
          <section className="panel narrow" aria-labelledby="retire-title">
            <h2 id="retire-title">{t(item.active ? 'cat.retireTitle' : 'cat.restoreTitle')}</h2>
            <p>{t(item.active ? 'cat.retireHelp' : 'cat.restoreHelp')}</p>
            <Form method="post">
              <CsrfField />
              <SubmitButton name="intent" value={item.active ? 'retire' : 'restore'} variant="secondary">
                {t(item.active ? 'cat.retire' : 'cat.restore')}
              </SubmitButton>
            </Form>
          </section>
        </>
      ) : (
        <>
          <Notice kind="warning">{t('cat.readOnly')}</Notice>
          <dl className="summary-list">
            <div>
              <dt>{t('cat.field.name')}</dt>
              <dd>{item.values.name}</dd>
            </div>
            <div>
              <dt>{t('cat.field.extra')}</dt>
              <dd>
                <code>{item.values.extra || '—'}</code>
              </dd>
            </div>
          </dl>
        </>
      )}
    </>
  );
}
