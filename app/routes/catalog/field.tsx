import { Form } from 'react-router';
import { FieldCode } from '../../../src/modules/procedures/schema.ts';
import { formatCount } from '../../components/admin-format.ts';
import { ErrorPage } from '../../components/ErrorPage.tsx';
import { fieldId } from '../../components/Field.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { web } from '../../context.ts';
import { translator, useT } from '../../i18n/index.ts';
import { orErrorPage } from '../../lib/backoffice.server.ts';
import { failWith } from '../../lib/http.ts';
import type { Route } from './+types/field.ts';
import { CatalogCrumbs, catalogLinks, ProcedureList } from './catalog-ui.tsx';
import { viCollator } from './catalog.server.ts';

export const links = catalogLinks;

export async function loader({ params, context }: Route.LoaderArgs) {
  const { services, lang } = web(context);
  if (!FieldCode.safeParse(params.code).success) failWith(404);
  const { field, items } = await orErrorPage(services.publicCatalog.byField(params.code));
  return {
    field,
    items: items.sort((a, b) => viCollator.compare(a.name, b.name) || a.code.localeCompare(b.code)),
    description: translator(lang)('pc.field.description', { name: field.name }),
    canonical: `${services.config.publicUrl}/linh-vuc/${field.code}`,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [
        { name: 'description', content: loaderData.description },
        { tagName: 'link', rel: 'canonical', href: loaderData.canonical },
      ]
    : [];

/** /linh-vuc/:code: every published procedure of a field on one page (the 3-click rule, V.2). */
export default function CatalogField({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { field, items } = loaderData;
  return (
    <>
      <PageTitle title={field.name} />
      <CatalogCrumbs items={[{ label: t('pc.fields.title'), to: '/linh-vuc' }, { label: field.name }]} />
      <h1>{field.name}</h1>
      <p className="lead">{t('pc.field.intro', { n: formatCount(items.length) })}</p>
      <Form
        method="get"
        action="/thu-tuc-hanh-chinh"
        role="search"
        aria-label={t('pc.field.searchWithin')}
        className="pc-search"
      >
        <input type="hidden" name="field" value={field.code} />
        <label htmlFor={fieldId('q')} className="field-label">
          {t('pc.field.searchWithin')}
        </label>
        <div className="pc-search-row">
          <input
            id={fieldId('q')}
            name="q"
            type="search"
            className="input"
            maxLength={200}
            spellCheck={false}
            autoComplete="off"
          />
          <button type="submit" className="button button-secondary">
            {t('pc.search.submit')}
          </button>
        </div>
      </Form>
      <ProcedureList items={items} />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
