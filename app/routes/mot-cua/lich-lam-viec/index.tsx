import { data, Form, Link, redirect, useLocation, useSearchParams } from 'react-router';
import { toIsoDay } from '../../../../src/domain/calendar.ts';
import { formatDate } from '../../../../src/domain/datetime.ts';
import { allows } from '../../../../src/domain/permissions.ts';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { adminDataLinks } from '../../../components/admin-styles.ts';
import { CsrfField } from '../../../components/CsrfField.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Field } from '../../../components/Field.tsx';
import { withParam } from '../../../components/KeysetPager.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmitButton } from '../../../components/SubmitButton.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { useT } from '../../../i18n/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { safeNext, textFields } from '../../../lib/forms.ts';
import type { Route } from './+types/index.ts';
import { DayList } from './day-list.tsx';
import { DAY_FIELDS, NATIONAL } from './day-fields.ts';
import type { DayValues } from './day-fields.ts';
import { dayServiceErrors, readDayForm } from './day-input.server.ts';
import { agenciesInScope, isTopLevel, isUuid } from '../../../lib/backoffice.server.ts';
import { KIND_LABEL, YearGrid } from './year-grid.tsx';
import { TryAppointment, WorkHoursSection } from './work-hours.tsx';
import type { HoursValues } from './work-hours-fields.ts';
import { hoursServiceErrors, readHoursForm, tryAppointment } from './work-hours.server.ts';
import type { DayMark } from './year-grid.tsx';

export const links = adminDataLinks;

const BASE = '/mot-cua/lich-lam-viec';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { services, auth, lang } = requireOfficial(context, request, 'calendar.manage');
  const sp = new URL(request.url).searchParams;
  const thisYear = Number(toIsoDay(new Date()).slice(0, 4));
  const asked = Number(sp.get('nam') ?? thisYear);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const agencies = await agenciesInScope(services, auth, 'calendar.manage');
  const agency = agencies.find((a) => a.id === sp.get('co-quan')) ?? null;
  const [cal, hours, tried] = await Promise.all([
    services.calendar.year(year, agency?.id),
    services.legalTime.workHours(agency?.id ?? null),
    tryAppointment(services, agency?.id ?? null, sp, lang),
  ]);
  const national = isTopLevel(auth.grants, 'calendar.manage');
  // The agency's ancestors from the top: the deeper the agency, the more its entry for a date counts.
  const lineage = agency ? agency.path.split('/').filter(Boolean) : [];
  const pathOf = (id: string) => `/${lineage.slice(0, lineage.indexOf(id) + 1).join('/')}/`;
  const levelOf = (id: string | null) => (id ? lineage.indexOf(id) + 1 : 0);
  const effective = new Map<string, (typeof cal.days)[number]>();
  for (const d of cal.days) {
    const current = effective.get(d.day);
    if (!current || levelOf(d.agencyId) >= levelOf(current.agencyId)) effective.set(d.day, d);
  }
  const marks: DayMark[] = [...effective.values()].map((d) => ({
    day: d.day,
    kind: d.kind,
    name: d.name,
    own: d.agencyId !== null,
  }));
  return {
    year,
    thisYear,
    agency: agency ? { id: agency.id, name: agency.name } : null,
    agencies: agencies.map((a) => ({ value: a.id, label: a.label })),
    national,
    summary: cal.summary,
    hours,
    tried,
    marks,
    days: cal.days.map((d) => ({
      id: d.id,
      day: d.day,
      date: formatDate(d.day),
      weekday: (new Date(`${d.day}T00:00:00Z`).getUTCDay() + 6) % 7,
      kind: d.kind,
      name: d.name,
      note: d.note,
      provisional: d.provisional,
      agencyName: d.agencyName,
      applies: effective.get(d.day)?.id === d.id,
      canDelete: d.agencyId ? allows(auth.grants, 'calendar.manage', pathOf(d.agencyId)) : national,
    })),
  };
}

interface ActionData {
  values: DayValues;
  errors: FieldErrors;
  formError?: string;
  /** The working-hours form's own values and errors (it shares the page with the add-a-day form). */
  hours?: { values: HoursValues; errors: FieldErrors; formError?: string };
}

export async function action({ request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'calendar.manage');
  const form = await request.formData();
  const { intent, id, back } = textFields(form, ['intent', 'id', 'back']);
  if (intent === 'delete') {
    const to = safeNext(back, BASE);
    try {
      if (isUuid(id)) await w.services.calendar.remove(w.auth, w.actor, id);
    } catch (err) {
      const e = dayServiceErrors(err, w.lang);
      return data<Partial<ActionData>>(e, { status: 403 });
    }
    return redirect(`${to.startsWith(BASE) ? to : BASE}${to.includes('?') ? '&' : '?'}tb=deleted`);
  }
  if (intent === 'hours' || intent === 'hours-reset') return hoursAction(w, form, intent);
  const read = readDayForm(form, w.lang);
  if (!read.ok) return data<ActionData>({ values: read.values, errors: read.errors }, { status: 400 });
  try {
    await w.services.calendar.create(w.auth, w.actor, read.input);
  } catch (err) {
    const e = dayServiceErrors(err, w.lang);
    return data<ActionData>({ values: read.values, ...e }, { status: e.formError ? 403 : 400 });
  }
  const params = new URLSearchParams({ nam: read.input.day.slice(0, 4) });
  if (read.input.agencyId) params.set('co-quan', read.input.agencyId);
  params.set('tb', 'added');
  params.set('tb-ma', formatDate(read.input.day));
  return redirect(`${BASE}?${params.toString()}`);
}

/** Saves or drops working hours (work-hours.server.ts reads the form); back to the same scope. */
async function hoursAction(w: ReturnType<typeof requireOfficial>, form: FormData, intent: string) {
  const read = readHoursForm(form, w.lang);
  const agencyId = isUuid(read.values.scope) ? read.values.scope : null;
  const back = `${BASE}?${agencyId ? `co-quan=${agencyId}&` : ''}tb=${intent === 'hours' ? 'hours-saved' : 'hours-reset'}#gio-lam-viec`;
  if (intent === 'hours' && !read.ok)
    return data<Partial<ActionData>>(
      { hours: { values: read.values, errors: read.errors } },
      { status: 400 },
    );
  try {
    if (intent === 'hours' && read.ok) await w.services.legalTime.saveWorkHours(w.auth, w.actor, read.input);
    else if (agencyId) await w.services.legalTime.removeWorkHours(w.auth, w.actor, agencyId);
  } catch (err) {
    const e = hoursServiceErrors(err, w.lang);
    return data<Partial<ActionData>>(
      { hours: { values: read.values, ...e } },
      { status: e.formError ? 403 : 400 },
    );
  }
  return redirect(back);
}

const NOTICES: Record<string, MessageKey> = {
  added: 'cal.notice.added',
  deleted: 'cal.notice.deleted',
  'hours-saved': 'lt.notice.saved',
  'hours-reset': 'lt.notice.reset',
};

/** /mot-cua/lich-lam-viec: the working calendar of a year (national, or as it applies to an agency). */
export default function WorkingCalendar({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const location = useLocation();
  const [params] = useSearchParams();
  const { year, agency, summary, national } = loaderData;
  const notice = NOTICES[params.get('tb') ?? ''];
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const scopeOptions = [
    ...(national ? [{ value: NATIONAL, label: t('cal.national') }] : []),
    ...loaderData.agencies,
  ];
  const yearOptions = Array.from({ length: 7 }, (_, i) => loaderData.thisYear - 3 + i);
  if (!yearOptions.includes(year)) yearOptions.push(year);
  const yearLink = (y: number) => withParam(location.pathname, params, 'nam', String(y));
  const title = t('cal.title');
  return (
    <>
      <PageTitle title={title} site="backoffice" />
      <h1>{title}</h1>
      <p className="lead">{t('cal.intro')}</p>
      <p>
        <a href="#them-ngay">{t('cal.addJump')}</a>
      </p>
      {notice && !actionData ? (
        <Notice kind="success">{t(notice, { date: params.get('tb-ma') ?? '' })}</Notice>
      ) : null}
      <Form method="get" className="filters" aria-label={t('cal.choose')}>
        <div className="filters-grid">
          <SelectField
            name="nam"
            label={t('cal.year')}
            defaultValue={String(year)}
            options={yearOptions.sort((a, b) => a - b).map((y) => ({ value: String(y), label: String(y) }))}
            required
          />
          <SelectField
            name="co-quan"
            label={t('cal.agency')}
            defaultValue={agency?.id ?? NATIONAL}
            options={[{ value: NATIONAL, label: t('cal.national') }, ...loaderData.agencies]}
            required
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t('cal.show')}
          </button>
          <Link to={yearLink(year - 1)}>{t('cal.prevYear', { year: year - 1 })}</Link>
          <Link to={yearLink(year + 1)}>{t('cal.nextYear', { year: year + 1 })}</Link>
        </div>
      </Form>
      <h2 id="summary-title">
        {t('cal.summaryTitle', { year, scope: agency ? agency.name : t('cal.national') })}
      </h2>
      <dl className="stat-list" aria-labelledby="summary-title" data-testid="summary">
        <div>
          <dt>{t('cal.workingDays')}</dt>
          <dd>{summary.workingDays}</dd>
        </div>
        <div>
          <dt>{t('cal.holidays')}</dt>
          <dd>{summary.holidays}</dd>
        </div>
        <div>
          <dt>{t('cal.daysOff')}</dt>
          <dd>{summary.daysOff}</dd>
        </div>
        <div>
          <dt>{t('cal.makeupDays')}</dt>
          <dd>{summary.makeupWorkdays}</dd>
        </div>
      </dl>
      {summary.provisional ? <Notice kind="warning">{t('cal.provisionalNote')}</Notice> : null}
      <h2>{t('cal.yearView', { year })}</h2>
      <YearGrid year={year} marks={loaderData.marks} />
      <DayList days={loaderData.days} year={year} back={withParam(location.pathname, params, 'tb', null)} />
      <WorkHoursSection
        hours={loaderData.hours}
        scope={agency?.id ?? NATIONAL}
        scopeName={agency ? agency.name : t('cal.national')}
        canEdit={agency !== null || national}
        values={actionData?.hours?.values}
        errors={actionData?.hours?.errors}
        formError={actionData?.hours?.formError}
      />
      <TryAppointment
        tried={loaderData.tried}
        hidden={{ nam: String(year), ...(agency ? { 'co-quan': agency.id } : {}) }}
        scopeName={agency ? agency.name : t('cal.national')}
      />
      <section className="panel narrow" aria-labelledby="add-title" id="them-ngay">
        <h2 id="add-title">{t('cal.addTitle')}</h2>
        <ErrorSummary errors={errors} order={DAY_FIELDS} formError={actionData?.formError} />
        {scopeOptions.length === 0 ? (
          <p>{t('cal.noScope')}</p>
        ) : (
          <Form method="post" className="form" noValidate>
            <CsrfField />
            <Field
              name="day"
              label={t('cal.field.day')}
              hint={t('cal.field.dayHint')}
              error={errors.day}
              defaultValue={values?.day}
              autoComplete="off"
              required
            />
            <SelectField
              name="kind"
              label={t('cal.field.kind')}
              error={errors.kind}
              defaultValue={values?.kind ?? 'holiday'}
              options={(['holiday', 'day_off', 'makeup_workday'] as const).map((k) => ({
                value: k,
                label: t(`${KIND_LABEL[k]}.long` as MessageKey),
              }))}
              required
            />
            <Field
              name="name"
              label={t('cal.field.name')}
              hint={t('cal.field.nameHint')}
              error={errors.name}
              defaultValue={values?.name}
              autoComplete="off"
              required
            />
            <TextAreaField
              name="note"
              label={t('cal.field.note')}
              hint={t('cal.field.noteHint')}
              error={errors.note}
              defaultValue={values?.note}
              rows={2}
              spellCheck={false}
            />
            <SelectField
              name="scope"
              label={t('cal.field.scope')}
              hint={t(national ? 'cal.field.scopeHint' : 'cal.field.scopeHintAgency')}
              error={errors.scope}
              defaultValue={values?.scope ?? agency?.id ?? scopeOptions[0]?.value}
              options={scopeOptions}
              required
            />
            <CheckboxField
              name="provisional"
              value="1"
              label={t('cal.field.provisional')}
              hint={t('cal.field.provisionalHint')}
              defaultChecked={values?.provisional === '1'}
            />
            <SubmitButton name="intent" value="add">
              {t('cal.add')}
            </SubmitButton>
          </Form>
        )}
      </section>
    </>
  );
}
