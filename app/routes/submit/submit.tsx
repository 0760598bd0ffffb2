import { useState } from 'react';
import { Form, Link, useLocation } from 'react-router';
import type { EformCondition, EformDefinition, EformField } from '../../../src/domain/eform.ts';
import { CsrfField } from '../../components/CsrfField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { web } from '../../context.ts';
import { useT } from '../../i18n/index.ts';
import type { Route } from './+types/submit.ts';
import { EformFields } from './EformFields.tsx';
import { PrintDraftForm } from './PrintDraftForm.tsx';
import { ModeFields, ModeNotices, SaveDraft } from './DraftControls.tsx';
import { submitAction, submitPage, submitted } from './submit.server.ts';
import type { SubmitPageData } from './submit.server.ts';
import { filesOf, itemCount, itemName, pickedOf } from './submit-values.ts';
import type { FlatValues } from './submit-values.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const w = web(context);
  const done = new URL(request.url).searchParams.get('daNop');
  const page = await submitPage(w, params.code, {}, new URL(request.url));
  return { ...page, done: done ? await submitted(w, done) : null };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  return submitAction(web(context), params.code, request);
}

export const meta: Route.MetaFunction = () => [{ name: 'robots', content: 'noindex' }];

const POSTAL = ['postal.name', 'postal.phone', 'postal.provinceCode', 'postal.communeCode', 'postal.address'];

/** Control names in the order of the page, for the error summary. */
function order(def: EformDefinition, values: FlatValues): string[] {
  const out = ['agencyId', 'delivery', ...POSTAL];
  const walk = (fields: readonly EformField[], prefix: string) => {
    for (const f of fields) {
      const name = `${prefix}${f.key}`;
      out.push(name);
      if (f.type === 'group')
        for (let i = 0; i < itemCount(f, values, name); i++) walk(f.fields, itemName(name, i, ''));
    }
  };
  def.sections.forEach((s) => walk(s.fields, ''));
  return out;
}

/** What a value reads as on the review step: the option's label, "Có"/"Không", the text. */
function shown(f: EformField, name: string, d: SubmitPageData, yes: string, no: string): string {
  const v = d.values[name] ?? '';
  if (f.type === 'checkbox') return v === 'on' ? yes : no;
  if (f.type === 'choice')
    return (f.multiple ? pickedOf(d.values, name) : [v])
      .map((x) => f.options.find((o) => o.value === x)?.label ?? x)
      .join(', ');
  if (f.type === 'catalog') return d.options[name]?.find((o) => o.value === v)?.label ?? v;
  return v;
}

function Review({ d }: { d: SubmitPageData }) {
  const t = useT();
  const items = (fields: readonly EformField[], prefix: string): { label: string; value: string }[] =>
    fields.flatMap((f) => {
      const name = `${prefix}${f.key}`;
      if (f.type === 'file')
        return [
          {
            label: f.label,
            value:
              filesOf(d.values, name)
                .map((x) => x.name)
                .join(', ') || t('doc.noFiles'),
          },
        ];
      if (f.type === 'group')
        return Array.from({ length: itemCount(f, d.values, name) }, (_, i) =>
          items(f.fields, itemName(name, i, '')).map((x) => ({
            ...x,
            label: `${t('sb.item', { label: f.itemLabel ?? f.label, n: i + 1 })}: ${x.label}`,
          })),
        ).flat();
      return [{ label: f.label, value: shown(f, name, d, t('sb.yes'), t('sb.no')) }];
    });
  const postal = d.values.delivery === 'postal';
  return (
    <>
      <h2>{t('sb.review')}</h2>
      <p>{t('sb.reviewIntro')}</p>
      <h3>{t('sb.where')}</h3>
      <SummaryList
        items={[
          { label: t('sb.agency'), value: d.agencies.find((a) => a.value === d.values.agencyId)?.label },
          { label: t('sb.delivery'), value: t(postal ? 'sb.delivery.postal' : 'sb.delivery.counter') },
          ...(postal
            ? [
                { label: t('sb.postal.name'), value: d.values['postal.name'] },
                { label: t('sb.postal.phone'), value: d.values['postal.phone'] },
                {
                  label: t('sb.postal.address'),
                  value: [
                    d.values['postal.address'],
                    d.options['postal.communeCode']?.find((o) => o.value === d.values['postal.communeCode'])
                      ?.label,
                    d.options['postal.provinceCode']?.find((o) => o.value === d.values['postal.provinceCode'])
                      ?.label,
                  ]
                    .filter(Boolean)
                    .join(', '),
                },
              ]
            : []),
        ]}
      />
      {d.definition.sections.map((s) => (
        <section key={s.title}>
          <h3>{s.title}</h3>
          <SummaryList items={items(s.fields, '')} />
        </section>
      ))}
      <Form method="post" className="form">
        <CsrfField />
        {Object.entries(d.values).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <ModeFields d={d} />
        <div className="form-actions">
          <SubmitButton name="intent" value="submit">
            {t(d.amend ? 'dr.amendSubmit' : 'sb.submit')}
          </SubmitButton>
          <SubmitButton name="intent" value="edit" variant="secondary">
            {t('sb.back')}
          </SubmitButton>
        </div>
      </Form>
      {/* Its own form: forms cannot nest, and the PDF downloads with or without JavaScript (III.1.3). */}
      <PrintDraftForm code={d.procedure.code} values={d.values} />
    </>
  );
}

function EditForm({ d }: { d: SubmitPageData }) {
  const t = useT();
  const [live, setLive] = useState<FlatValues | null>(null);
  const values = d.values;
  const visible = live
    ? (cond: EformCondition, scope: string) => {
        const raw = live[`${scope}${cond.field}`] ?? live[cond.field];
        const all = d.definition.sections.flatMap((s) => s.fields);
        const isBox = all.some((f) => f.key === cond.field && f.type === 'checkbox');
        if (isBox) return cond.in.includes(raw === 'on' ? 'true' : 'false');
        return (raw ?? '').split('\n').some((v) => cond.in.includes(v));
      }
    : undefined;
  const read = (form: HTMLFormElement) => {
    const out: FlatValues = {};
    new FormData(form).forEach((v, k) => {
      if (typeof v === 'string') out[k] = k in out ? `${out[k]}\n${v}` : v;
    });
    setLive(out);
  };
  const all = d.definition.sections.flatMap((s) => s.fields);
  const postal = (live ?? values).delivery === 'postal';
  const e = d.errors;
  const names = order(d.definition, values);
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="form"
      noValidate
      onChange={(ev) => read(ev.currentTarget)}
      ref={(el) => {
        if (el && !live) read(el);
      }}
    >
      <CsrfField />
      <ModeFields d={d} />
      <button
        type="submit"
        name="intent"
        value="review"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden
      >
        {t('sb.check')}
      </button>
      <ErrorSummary
        errors={e}
        order={names}
        formError={
          [d.formError, ...Object.entries(e).flatMap(([k, m]) => (names.includes(k) || !m ? [] : [m]))]
            .filter(Boolean)
            .join(' ') || undefined
        }
      />
      {d.signedIn ? <Notice>{t('sb.prefilled')}</Notice> : null}
      <fieldset className="fieldset">
        <legend>{t('sb.where')}</legend>
        {d.amend ? (
          <div className="field">
            <p className="field-label">{t('sb.agency')}</p>
            <p>{d.agencies[0]?.label}</p>
            <p className="field-hint">{t('dr.amendAgency')}</p>
            <input type="hidden" name="agencyId" value={values.agencyId} />
          </div>
        ) : (
          <SelectField
            name="agencyId"
            label={t('sb.agency')}
            hint={t('sb.agencyHint')}
            required
            options={d.agencies}
            placeholder={d.agencies.length > 1 ? t('sb.choose') : undefined}
            defaultValue={values.agencyId}
            error={e.agencyId}
          />
        )}
        <SelectField
          name="delivery"
          label={t('sb.delivery')}
          required
          options={[
            { value: 'counter', label: t('sb.delivery.counter') },
            { value: 'postal', label: t('sb.delivery.postal') },
          ]}
          defaultValue={values.delivery}
          error={e.delivery ?? e.resultDelivery}
        />
        <div hidden={live ? !postal : undefined}>
          {live ? null : <p className="field-hint">{t('sb.postalNote')}</p>}
          <Field
            name="postal.name"
            label={t('sb.postal.name')}
            defaultValue={values['postal.name']}
            error={e['postal.name'] ?? e.postal}
          />
          <Field
            name="postal.phone"
            type="tel"
            label={t('sb.postal.phone')}
            defaultValue={values['postal.phone']}
            error={e['postal.phone']}
          />
          <SelectField
            name="postal.provinceCode"
            label={t('sb.postal.province')}
            options={d.options['postal.provinceCode'] ?? []}
            placeholder={t('sb.choose')}
            defaultValue={values['postal.provinceCode']}
            error={e['postal.provinceCode']}
          />
          <button type="submit" name="intent" value="refresh" className="button button-secondary">
            {t('sb.refresh')}
          </button>
          <SelectField
            name="postal.communeCode"
            label={t('sb.postal.commune')}
            hint={t('sb.refreshHint')}
            options={d.options['postal.communeCode'] ?? []}
            placeholder={t('sb.choose')}
            defaultValue={values['postal.communeCode']}
            error={e['postal.communeCode']}
          />
          <Field
            name="postal.address"
            label={t('sb.postal.address')}
            defaultValue={values['postal.address']}
            error={e['postal.address']}
          />
        </div>
      </fieldset>
      {d.definition.sections.map((s) => (
        <fieldset key={s.title} className="fieldset">
          <legend>{s.title}</legend>
          <EformFields
            fields={s.fields}
            prefix=""
            values={values}
            errors={e}
            options={d.options}
            visible={visible}
            all={all}
            documents={d.documents}
          />
        </fieldset>
      ))}
      <div className="form-actions">
        <SubmitButton name="intent" value="review">
          {t('sb.check')}
        </SubmitButton>
      </div>
      <SaveDraft d={d} />
    </Form>
  );
}

/** /nop-ho-so/:code: online submission of a procedure's application (III.1, III.15.2). */
export default function SubmitPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const d = actionData ?? loaderData;
  const done = actionData ? null : loaderData.done;
  // Signing in comes back to the draft or the dossier being changed (?nhap, ?sua).
  const here = `/nop-ho-so/${encodeURIComponent(params.code)}${useLocation().search}`;
  const key = `${d.step}:${Object.keys(d.errors).join(',')}:${JSON.stringify(d.values)}`;
  const title = d.amend ? t('dr.amendTitle', { code: d.amend.code }) : t('sb.title');
  return (
    <div className="container page">
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className="lead">{d.procedure.name}</p>
      {done ? (
        <Notice kind="success">
          <h2>{t('sb.done')}</h2>
          <p>{t('sb.doneBody')}</p>
          <SummaryList
            items={[
              { label: t('sb.code'), value: done.code, testId: 'dossier-code' },
              { label: t('sb.status'), value: done.statusLabel, testId: 'dossier-status' },
            ]}
          />
          <p>
            <Link to="/tra-cuu-ho-so">{t('sb.track')}</Link>
          </p>
        </Notice>
      ) : !d.signedIn ? (
        <Notice kind="warning">
          <p>{t(d.official ? 'sb.official' : 'sb.signIn')}</p>
          <p>
            <Link to={`/dang-nhap?next=${encodeURIComponent(here)}`}>{t('sb.signInLink')}</Link>
          </p>
        </Notice>
      ) : d.agencies.length === 0 ? (
        <Notice kind="warning">{t('sb.noAgency')}</Notice>
      ) : d.amend && !d.amend.open ? (
        <ModeNotices d={d} />
      ) : (
        <>
          <ModeNotices d={d} />
          {d.step === 'review' ? <Review d={d} /> : <EditForm key={key} d={d} />}
        </>
      )}
    </div>
  );
}
