import { Link } from 'react-router';
import { formatDateTime } from '../../../../src/domain/datetime.ts';
import { ProcedureCode } from '../../../../src/modules/procedures/schema.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/index.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/version.ts';
import { requireCatalog } from './access.server.ts';
import { ACTION_KEYS } from './labels.ts';
import { ContentView } from './ProcedureParts.tsx';
import { proceduresAdminLinks } from './styles.ts';

export const links = proceduresAdminLinks;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  if (!ProcedureCode.safeParse(params.code).success || !/^\d{1,15}$/.test(params.id)) failWith(404);
  const entry = await orErrorPage(w.services.procedures.historyEntry(w.auth, params.code, Number(params.id)));
  const content = entry.content;
  if (!content) failWith(404);
  const fields = await w.services.procedureFields.list(w.auth);
  return {
    code: params.code,
    entry: { ...entry, at: formatDateTime(entry.at), content },
    fieldName: fields.find((f) => f.code === content.fieldCode)?.name ?? content.fieldCode,
  };
}

/** /mot-cua/thu-tuc/:code/lich-su/:id: one saved version of a procedure, read-only. */
export default function ProcedureVersion({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { code, entry, fieldName } = loaderData;
  const title = t('pa.versionTitle', { code, n: entry.version });
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to={`/mot-cua/thu-tuc/${encodeURIComponent(code)}#history`}>
          {t('pa.backToProcedure', { code })}
        </Link>
      </p>
      <h1>{title}</h1>
      <dl className="summary-list" data-testid="version-meta">
        <div>
          <dt>{t('pa.h.action')}</dt>
          <dd>{t(ACTION_KEYS[entry.action])}</dd>
        </div>
        <div>
          <dt>{t('pa.h.who')}</dt>
          <dd>{entry.actorFullName ? `${entry.actorFullName} (${entry.actorName})` : entry.actorName}</dd>
        </div>
        <div>
          <dt>{t('pa.h.at')}</dt>
          <dd>{entry.at}</dd>
        </div>
        <div>
          <dt>{t('pa.h.note')}</dt>
          <dd>{entry.note ?? '—'}</dd>
        </div>
      </dl>
      <ContentView content={entry.content} fieldName={fieldName} />
    </>
  );
}
