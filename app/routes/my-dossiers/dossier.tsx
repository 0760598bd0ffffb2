import { data, Form, Link, useSearchParams } from 'react-router';
import { CsrfField } from '../../components/CsrfField.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useLang, useT } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { FileUploads } from '../mot-cua/ho-so/FileUploads.tsx';
import { HistoryTimeline } from '../mot-cua/ho-so/HistoryTimeline.tsx';
import { fileUrl, formatSize, statusKey, statusTone } from '../mot-cua/ho-so/labels.ts';
import type { Route } from './+types/dossier.ts';
import { applicantGate, detailData, myAction, web } from './my-dossiers.server.ts';
import type { MyAction, MyActionData } from './my-dossiers.server.ts';
import { myLinks, SignInFirst } from './my-ui.tsx';

export const links = myLinks;

export const meta: Route.MetaFunction = () => [{ name: 'robots', content: 'noindex' }];

const NO_STORE = { headers: { 'cache-control': 'no-store' } };

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const gate = applicantGate(web(context), request);
  if (!gate.ok) return data({ gate, d: null }, NO_STORE);
  return data({ gate: null, d: await detailData(gate.w, params.id) }, NO_STORE);
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function action({ request, context, params }: Route.ActionArgs) {
  const gate = applicantGate(web(context), request);
  if (!gate.ok) return data(null, { status: 401 });
  const out = await myAction(gate.w, request, params.id);
  if (out instanceof Response) return out;
  return data(out.body, { status: out.status });
}

// A refused or stale action still shows the dossier as it is now.
export const shouldRevalidate = () => true;

const DONE: Record<string, MessageKey> = {
  supplement: 'my.done.supplement',
  cancel: 'my.done.cancel',
  restore: 'my.done.restore',
  withdraw: 'my.done.withdraw',
  amend: 'dr.done.amend',
};

type Detail = NonNullable<Route.ComponentProps['loaderData']['d']>;

function Fact({ label, value, vi }: { label: string; value: string | null; vi?: 'vi' | undefined }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd lang={vi}>{value ?? '—'}</dd>
    </div>
  );
}

function ActionForms({ d, a }: { d: Detail; a: MyActionData | undefined }) {
  const t = useT();
  const simple = (act: MyAction, hint: MessageKey, label: MessageKey) => (
    <Form method="post" className="my-action" key={act}>
      <CsrfField />
      <input type="hidden" name="rowVersion" value={d.rowVersion} />
      <input type="hidden" name="key" value={act} />
      <p>{t(hint)}</p>
      <SubmitButton name="intent" value="do" variant={act === 'cancel' ? 'secondary' : 'primary'}>
        {t(label)}
      </SubmitButton>
    </Form>
  );
  return (
    <section aria-labelledby="my-actions-title" className="section">
      <h2 id="my-actions-title">{t('my.d.actions')}</h2>
      {d.actions.map((act) => {
        if (act === 'supplement')
          return (
            <Form method="post" encType="multipart/form-data" className="my-action" key={act}>
              <h3>{t('my.a.supplement')}</h3>
              <p>{t('my.a.supplementHint')}</p>
              <CsrfField />
              <input type="hidden" name="rowVersion" value={d.rowVersion} />
              <input type="hidden" name="key" value="supplement" />
              <FileUploads
                key={JSON.stringify(a?.uploads ?? [])}
                id="files"
                label={t('my.a.files')}
                uploads={a?.action === 'supplement' || !a?.action ? (a?.uploads ?? []) : []}
                limits={d.limits}
                error={a?.fileError}
              />
              <div className="field">
                <label htmlFor="note" className="field-label">
                  {t('my.a.note')} <span className="field-optional">{t('form.optional')}</span>
                </label>
                <textarea id="note" name="note" className="input" rows={3} defaultValue={a?.note ?? ''} />
              </div>
              <SubmitButton name="intent" value="do">
                {t('my.a.sendSupplement')}
              </SubmitButton>
            </Form>
          );
        if (act === 'cancel') return simple(act, 'my.a.cancelHint', 'my.a.cancel');
        if (act === 'restore') return simple(act, 'my.a.restoreHint', 'my.a.restore');
        return (
          <Form method="post" className="my-action" key={act}>
            <h3>{t('my.a.withdraw')}</h3>
            <CsrfField />
            <input type="hidden" name="rowVersion" value={d.rowVersion} />
            <input type="hidden" name="key" value="withdraw" />
            <div className="field">
              <label htmlFor="reason" className="field-label">
                {t('my.a.reason')}
              </label>
              <p id="reason-hint" className="field-hint">
                {t('my.a.withdrawHint')}
              </p>
              <textarea
                id="reason"
                name="reason"
                className="input"
                rows={3}
                required
                aria-describedby="reason-hint"
                defaultValue={a?.action === 'withdraw' ? a.reason : ''}
              />
            </div>
            <SubmitButton name="intent" value="do" variant="secondary">
              {t('my.a.withdraw')}
            </SubmitButton>
          </Form>
        );
      })}
    </section>
  );
}

/** /ho-so-cua-toi/:id: the applicant's dossier, its Annex I lines, history, results and what they may do now. */
export default function MyDossier({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const vi = useLang() === 'vi' ? undefined : 'vi';
  const [params] = useSearchParams();
  const { gate, d } = loaderData;
  if (!d) return <SignInFirst signIn={gate?.signIn ?? '/dang-nhap'} official={gate?.official ?? false} />;
  const a = actionData ?? undefined;
  const done = DONE[params.get('tb') ?? ''];
  return (
    <div className="my-page">
      <PageTitle title={`${d.code} — ${t('my.title')}`} />
      <p className="no-print">
        <Link to="/ho-so-cua-toi">{t('my.back')}</Link>
      </p>
      <h1>
        {t('my.code')} <span className="my-code">{d.code}</span>
      </h1>
      {done && !a ? <Notice kind="success">{t(done)}</Notice> : null}
      {a?.formError ? (
        <div className="notice notice-warning" role="alert" data-testid="my-error">
          {a.formError}
        </div>
      ) : null}
      <p data-testid="my-status">
        {t('my.status')}: <StatusBadge tone={statusTone(d.status)}>{t(statusKey(d.status))}</StatusBadge>
      </p>
      {d.annexLines.length ? (
        <ul lang={vi} data-testid="annex-lines">
          {d.annexLines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="my-facts-title" className="section">
        <h2 id="my-facts-title">{t('my.d.facts')}</h2>
        <dl className="my-facts">
          <Fact label={t('my.procedure')} value={d.procedureName} vi={vi} />
          <Fact label={t('my.d.agency')} value={d.agencyName} vi={vi} />
          <Fact label={t('my.submitted')} value={d.submittedAt} />
          <Fact label={t('my.d.received')} value={d.receivedAt} />
          <Fact label={t('my.appointment')} value={d.appointmentAt} />
          {d.returnedAt ? <Fact label={t('my.d.returned')} value={d.returnedAt} /> : null}
          <Fact label={t('my.where')} value={`${d.stepName} — ${d.holderAgencyName}`} vi={vi} />
        </dl>
        <p className="no-print">
          <a href={`/ho-so-cua-toi/${d.id}/to-khai.pdf`} data-testid="form-pdf">
            {t('print.formPdf')}
          </a>{' '}
          <span className="muted">({t('print.formPdfHint')})</span>
        </p>
      </section>
      {d.form.length ? (
        <section aria-labelledby="my-form-title" className="section" data-testid="form-data">
          <h2 id="my-form-title">{t('dr.form')}</h2>
          <dl className="my-facts">
            {d.form.map((l) => (
              <Fact key={l.label} label={l.label} value={l.value} vi={vi} />
            ))}
          </dl>
        </section>
      ) : null}
      {d.status === 'yeu_cau_bo_sung' && d.missingItems.length ? (
        <section aria-labelledby="my-missing-title" className="section" data-testid="missing-items">
          <h2 id="my-missing-title">{t('my.d.missing')}</h2>
          {d.statusReason ? (
            <p lang={vi}>
              {t('my.d.reason')}: {d.statusReason}
            </p>
          ) : null}
          <ul lang={vi}>
            {d.missingItems.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.results.length ? (
        <section aria-labelledby="my-results-title" className="section">
          <h2 id="my-results-title">{t('my.d.results')}</h2>
          <ul className="ds-files" data-testid="results">
            {d.results.map((f) => (
              <li key={f.id}>
                <a href={fileUrl(f.id)} download={f.fileName}>
                  {t('my.d.download', { name: f.fileName })}
                </a>{' '}
                <span className="muted">({formatSize(f.size)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.amendUrl ? (
        <section aria-labelledby="my-amend-title" className="section">
          <h2 id="my-amend-title">{t('dr.amend')}</h2>
          <p>{t('dr.amendHint')}</p>
          <p>
            <Link to={d.amendUrl} className="button button-primary" data-testid="amend">
              {t('dr.amend')}
            </Link>
          </p>
        </section>
      ) : null}
      {d.actions.length ? <ActionForms d={d} a={a} /> : null}
      <HistoryTimeline history={d.history} />
    </div>
  );
}
