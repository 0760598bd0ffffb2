import { useEffect, useState } from 'react';
import { data, Form, Link, redirect } from 'react-router';
import { CHANNELS } from '../../../../src/domain/procedure.ts';
import { foldVietnamese } from '../../../../src/domain/text.ts';
import { ProcedureCode } from '../../../../src/modules/procedures/schema.ts';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { translator, useT } from '../../../i18n/index.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/agencies.ts';
import { requireCatalog } from './access.server.ts';
import { agencyRows, readAgencies } from './agencies-input.server.ts';
import { CHANNEL_KEYS } from './labels.ts';
import { proceduresAdminLinks } from './styles.ts';

export const links = proceduresAdminLinks;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  const p = await orErrorPage(w.services.procedures.get(w.auth, params.code));
  return {
    canEdit: w.canEdit,
    p: { code: p.code, name: p.name, version: p.version },
    rows: await agencyRows(w.services, w.auth, p),
  };
}

interface ActionData {
  errors: FieldErrors;
  formError?: string | undefined;
  conflict?: boolean;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const w = requireCatalog(context, request);
  const t = translator(w.lang);
  if (!ProcedureCode.safeParse(params.code).success) failWith(404);
  const form = await request.formData();
  const version = Number(form.get('version'));
  if (!Number.isInteger(version) || version < 1) failWith(400);
  const p = await orErrorPage(w.services.procedures.get(w.auth, params.code));
  const rows = await agencyRows(w.services, w.auth, p);
  const { agencies, missing } = readAgencies(form, rows);
  if (missing.length > 0) {
    const errors: FieldErrors = {};
    for (const r of missing) errors[`a-${r.id}`] = t('pa.err.agencyChannels', { name: r.name });
    return data<ActionData>({ errors }, { status: 400 });
  }
  try {
    await w.services.procedures.setAgencies(w.auth, w.actor, p.code, { version, agencies });
  } catch (err) {
    const e = asAppError(err);
    if (e?.code === 'validation_failed' && e.fields)
      return data<ActionData>(
        { errors: {}, formError: e.fields.map((f) => f.message).join(' ') },
        { status: 400 },
      );
    if (e?.code === 'version_conflict' || e?.code === 'forbidden')
      return data<ActionData>(
        { errors: {}, formError: errorMessage(e, w.lang), conflict: e.code === 'version_conflict' },
        { status: e.status },
      );
    throw err;
  }
  return redirect(`/mot-cua/thu-tuc/${encodeURIComponent(p.code)}?tb=agencies`);
}

/** /mot-cua/thu-tuc/:code/co-quan: which agencies carry the procedure out, and through which channels. */
export default function ProcedureAgencies({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { p, rows, canEdit } = loaderData;
  const [hydrated, setHydrated] = useState(false);
  const [q, setQ] = useState('');
  useEffect(() => setHydrated(true), []);
  const errors = actionData?.errors ?? {};
  const self = `/mot-cua/thu-tuc/${encodeURIComponent(p.code)}`;
  const folded = foldVietnamese(q.trim());
  const communes = rows.filter((r) => r.level === 'commune').length;
  const tickCommunes = (on: boolean) => {
    document
      .querySelectorAll<HTMLInputElement>('input[data-level="commune"]')
      .forEach((el) => (el.checked = on));
  };
  const title = t('pa.agenciesTitle', { code: p.code });
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <p>
        <Link to={self}>{t('pa.backToProcedure', { code: p.code })}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{p.name}</p>
      <p>{t('pa.agenciesIntro')}</p>
      <ErrorSummary errors={errors} order={rows.map((r) => `a-${r.id}`)} formError={actionData?.formError} />
      {actionData?.conflict ? (
        <p>
          <a href={`${self}/co-quan`}>{t('pa.conflictReloadPage')}</a>
        </p>
      ) : null}
      <Form method="post" className="form">
        <CsrfField />
        <input type="hidden" name="version" value={p.version} />
        {communes > 0 ? (
          <CheckboxField
            name="allCommunes"
            value="1"
            label={t('pa.allCommunes', { n: communes })}
            hint={t('pa.allCommunesHint')}
          />
        ) : null}
        {hydrated ? (
          <div className="toolbar agency-tools">
            <label htmlFor="agency-filter">{t('pa.agencyFilter')}</label>
            <input
              id="agency-filter"
              type="search"
              className="input"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              autoComplete="off"
            />
            {communes > 0 ? (
              <>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => tickCommunes(true)}
                >
                  {t('pa.tickCommunes')}
                </button>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => tickCommunes(false)}
                >
                  {t('pa.untickCommunes')}
                </button>
              </>
            ) : null}
          </div>
        ) : null}
        <div className="table-wrap">
          <table className="data-table agency-table" data-testid="agencies">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pa.agency')}</th>
                {CHANNELS.map((c) => (
                  <th key={c} scope="col" className="check">
                    {t(CHANNEL_KEYS[c])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const error = errors[`a-${r.id}`];
                const hidden = folded !== '' && !foldVietnamese(`${r.name} ${r.code}`).includes(folded);
                return (
                  <tr key={r.id} hidden={hidden} className={error ? 'field-error' : undefined}>
                    <th scope="row" style={{ paddingLeft: `${0.6 + r.depth * 1.25}rem` }}>
                      {error ? (
                        <p className="field-message" id={`f-a-${r.id}-error`}>
                          {error}
                        </p>
                      ) : null}
                      <span className="checkbox">
                        <input
                          id={`f-a-${r.id}`}
                          type="checkbox"
                          name="agency"
                          value={r.id}
                          defaultChecked={r.selected}
                          data-level={r.level}
                          aria-describedby={error ? `f-a-${r.id}-error` : undefined}
                        />
                        <label htmlFor={`f-a-${r.id}`}>
                          {r.name} <span className="muted">{r.code}</span>
                        </label>
                      </span>
                    </th>
                    {CHANNELS.map((c) => (
                      <td key={c} className="check">
                        <input
                          id={`ch-${r.id}-${c}`}
                          type="checkbox"
                          name={`ch-${r.id}`}
                          value={c}
                          defaultChecked={r.channels.includes(c)}
                          aria-label={t('pa.agencyChannel', { channel: t(CHANNEL_KEYS[c]), agency: r.name })}
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {canEdit ? <SubmitButton>{t('pa.saveAgencies')}</SubmitButton> : <p>{t('pa.readOnly')}</p>}
      </Form>
    </>
  );
}
