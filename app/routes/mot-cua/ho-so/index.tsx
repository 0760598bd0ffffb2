import { Link } from 'react-router';
import { formatCount } from '../../../components/admin-format.ts';
import { CursorPager } from '../../../components/KeysetPager.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { asAppError } from '../../../lib/errors.ts';
import { redirectTo } from '../../../lib/http.ts';
import { pageAfter } from '../../../lib/paging.server.ts';
import type { Route } from './+types/index.ts';
import { requireDossiers } from './access.server.ts';
import type { DossierOfficial } from './access.server.ts';
import { DossierTable } from './DossierTable.tsx';
import { readListQuery, rowView } from './list.server.ts';
import { RegisterForm } from './RegisterForm.tsx';
import { registerForm } from './register.server.ts';
import { ScanBox } from './ScanBox.tsx';
import { scannedCode } from './scanned-code.ts';
import { SearchForm } from './SearchForm.tsx';
import { SEARCH_FIELDS } from './search-fields.ts';
import { dossierLinks } from './styles.ts';
import { WorklistTabs } from './WorklistTabs.tsx';
import { ExportForm } from '../xuat-du-lieu/ExportForm.tsx';

export const links = dossierLinks;

/** The dossier with this code, when the caller may read it (what the scanner box opens). */
async function byCode(w: DossierOfficial, code: string): Promise<string | null> {
  try {
    return await w.services.dossiers.idByCode(w.auth, code);
  } catch (err) {
    if (asAppError(err)?.code === 'forbidden') return null;
    throw err;
  }
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireDossiers(context, request);
  const t = translator(w.lang);
  const sp = new URL(request.url).searchParams;
  const scan = scannedCode(sp.get('ma') ?? '');
  let scanError: string | undefined;
  if (scan) {
    const id = await byCode(w, scan);
    if (id) redirectTo(`/mot-cua/ho-so/${id}`);
    scanError = t('ds.scan.notFound', { code: scan });
  }
  const [counts, fields, register] = await Promise.all([
    w.services.dossiers.counts(w.auth),
    w.services.publicCatalog.fields(),
    registerForm(w, sp),
  ]);
  const { list, values, errors, query } = readListQuery(
    sp,
    counts.lists.map((l) => l.list),
    w.lang,
  );
  const { cursor: _cursor, ...rest } = query;
  const { page, pageError } = await pageAfter(w.lang, query.cursor, (cursor) =>
    w.services.dossiers.list(w.auth, cursor ? { ...rest, cursor } : rest),
  );
  return {
    canReceive: w.canReceive,
    scan,
    scanError,
    lists: counts.lists.map((l) => ({ list: l.list, count: l.count })),
    list,
    values,
    errors,
    searching: SEARCH_FIELDS.some((f) => values[f] !== ''),
    fields: fields.map((f) => ({ value: f.code, label: f.name })),
    rows: page.items.map(rowView),
    next: page.nextCursor,
    pageError,
    register,
  };
}

/**
 * /mot-cua/ho-so: the official's worklists with their counts (II.22), the selected list as a table,
 * search over it (II.23), keyset pages, and the box a barcode scanner types a dossier code into.
 */
export default function Worklists({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { list, rows } = loaderData;
  const listName = t(`ds.list.${list}` as MessageKey);
  return (
    <>
      <PageTitle title={`${listName} | ${t('ds.title')}`} site="backoffice" />
      <div className="ds-top">
        <h1>{t('ds.title')}</h1>
        {loaderData.canReceive ? (
          <Link className="button button-primary" to="/mot-cua/ho-so/tiep-nhan">
            {t('ds.receiveNew')}
          </Link>
        ) : null}
      </div>
      <ScanBox value={loaderData.scan} error={loaderData.scanError} />
      <WorklistTabs lists={loaderData.lists} current={list} />
      <h2 className="ds-list-title">{listName}</h2>
      <details className="ds-search" open={loaderData.searching}>
        <summary>{t('ds.searchLabel')}</summary>
        <SearchForm
          list={list}
          values={loaderData.values}
          errors={loaderData.errors}
          fields={loaderData.fields}
        />
      </details>
      <ExportForm kind="dossiers" criteria={{ ds: list, ...loaderData.values }} />
      {loaderData.pageError ? <Notice kind="warning">{loaderData.pageError}</Notice> : null}
      {rows.length === 0 ? (
        <p data-testid="no-dossiers">{t(loaderData.searching ? 'ds.noneFound' : 'ds.none')}</p>
      ) : (
        <DossierTable
          rows={rows}
          caption={t('ds.caption', { list: listName, n: formatCount(rows.length) })}
        />
      )}
      <CursorPager param="sau" next={loaderData.next} />
      <RegisterForm {...loaderData.register} />
    </>
  );
}
