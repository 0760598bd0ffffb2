import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Channel, ChannelTerms, ComponentItem } from '../../../src/domain/procedure.ts';
import type { PublicProcedure } from '../../../src/modules/procedures/schema.ts';
import { formatCount } from '../../components/admin-format.ts';
import { useT } from '../../i18n/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { GuideBody, OnlineBadge } from './catalog-ui.tsx';

/** The sections of the procedure page below "can I do it online" (procedure.tsx). Not a route. */

/** "- Giấy khai sinh" → "Giấy khai sinh": the source's list dashes, which the page's own lists replace. */
const undash = (s: string) => s.replace(/^\s*[-–•]\s+/, '').trim();
/** "* Giấy tờ phải nộp:" → "Giấy tờ phải nộp". */
const groupTitle = (s: string) => s.replace(/^[\s*•-]+/, '').replace(/[\s:]+$/, '');

/** Dossier components grouped, with originals/copies, and the forms to download. */
export function Prepare({ procedure: p }: { procedure: PublicProcedure }) {
  const t = useT();
  const groups = p.content.components.filter((g) => g.items.length > 0);
  const formByCode = new Map(p.forms.map((f) => [f.code, f]));
  // Forms named by the source without a template in the catalog: shown by name, nothing to download.
  const namedOnly = [
    ...new Set(
      groups.flatMap((g) =>
        g.items
          .filter((i) => !i.formCode || !formByCode.has(i.formCode))
          .flatMap((i) => (i.formName ? [i.formName] : [])),
      ),
    ),
  ];
  const headed = groups.length > 1 || groups.some((g) => g.group);
  return (
    <>
      {groups.length === 0 ? <p>{t('pc.proc.prepare.none')}</p> : null}
      {groups.map((g, gi) => (
        <div key={gi} className="pc-group">
          {headed ? <h3>{g.group ? groupTitle(g.group) : t('pc.proc.prepare.general')}</h3> : null}
          <ul className="pc-components">
            {g.items.map((item, ii) => (
              <li key={ii}>
                <ComponentLine item={item} form={item.formCode ? formByCode.get(item.formCode) : undefined} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      {p.forms.length > 0 || namedOnly.length > 0 ? (
        <div className="pc-group">
          <h3>{t('pc.proc.forms.title')}</h3>
          <ul className="pc-forms">
            {p.forms.map((f) => (
              <li key={f.code}>
                {f.url ? (
                  <a href={f.url} download={f.fileName ?? true}>
                    {t('pc.proc.forms.download', { name: f.name })}
                  </a>
                ) : (
                  <>
                    {f.name} <span className="pc-muted">({t('pc.proc.forms.noFile')})</span>
                  </>
                )}
              </li>
            ))}
            {namedOnly.map((name) => (
              <li key={name}>
                {name} <span className="pc-muted">({t('pc.proc.forms.noFile')})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function ComponentLine({
  item,
  form,
}: {
  item: ComponentItem;
  form: PublicProcedure['forms'][number] | undefined;
}) {
  const t = useT();
  const counts = [
    item.originals > 0 ? t('pc.proc.prepare.originals', { n: item.originals }) : null,
    item.copies > 0 ? t('pc.proc.prepare.copies', { n: item.copies }) : null,
    item.electronic ? t('pc.proc.prepare.electronic') : null,
    !item.required && (item.originals > 0 || item.copies > 0) ? t('pc.proc.prepare.optional') : null,
  ].filter((x) => x !== null);
  return (
    <>
      <span className="pc-component-name">{undash(item.name)}</span>
      {counts.length > 0 ? <span className="pc-component-counts">{counts.join(', ')}</span> : null}
      {item.condition ? (
        <span className="pc-muted pc-block">{t('pc.proc.prepare.condition', { text: item.condition })}</span>
      ) : null}
      {form?.url ? (
        <span className="pc-block">
          {t('pc.proc.prepare.form')}{' '}
          <a href={form.url} download={form.fileName ?? true}>
            {t('pc.proc.forms.download', { name: form.name })}
          </a>
        </span>
      ) : form || item.formName ? (
        <span className="pc-block">
          {t('pc.proc.prepare.form')} {form?.name ?? item.formName}
        </span>
      ) : null}
    </>
  );
}

function byOrder(channels: readonly ChannelTerms[], order: readonly Channel[]) {
  return order.flatMap((ch) => channels.filter((x) => x.channel === ch));
}

function feeText(t: Translate, ch: ChannelTerms): string[] {
  const fees = ch.fees.map((f) =>
    [
      f.amountVnd !== null ? t('pc.proc.fees.amount', { amount: formatCount(f.amountVnd) }) : null,
      f.description,
    ]
      .filter(Boolean)
      .join(': '),
  );
  if (ch.free === true) return [t('pc.proc.fees.free'), ...fees.filter(Boolean)];
  return fees.length ? fees : [t('pc.proc.fees.unknown')];
}

/** "15 ngày làm việc"; a number without a unit is shown as such, flagged (never guessed). */
export function deadlineText(t: Translate, ch: ChannelTerms): string {
  const parts: string[] = [];
  if (ch.deadline) {
    const n = String(ch.deadline.value);
    parts.push(ch.deadline.unit ? t(`pc.unit.${ch.deadline.unit}`, { n }) : t('pc.unit.none', { n }));
  }
  if (ch.deadlineNote) parts.push(ch.deadlineNote);
  return parts.length ? parts.join('; ') : t('pc.deadline.unknown');
}

/** One row per channel, in the order given: how the procedure's terms differ by way of applying. */
function ChannelTable({
  channels,
  order,
  caption,
  column,
  cell,
}: {
  channels: readonly ChannelTerms[];
  order: readonly Channel[];
  caption: string;
  column: string;
  cell: (ch: ChannelTerms) => ReactNode;
}) {
  const t = useT();
  return (
    <table className="pc-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('pc.proc.col.channel')}</th>
          <th scope="col">{column}</th>
        </tr>
      </thead>
      <tbody>
        {byOrder(channels, order).map((ch, i) => (
          <tr key={i}>
            <th scope="row">{t(`pc.channel.${ch.channel}`)}</th>
            <td>{cell(ch)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FeeTable({
  channels,
  order,
}: {
  channels: readonly ChannelTerms[];
  order: readonly Channel[];
}) {
  const t = useT();
  return (
    <ChannelTable
      channels={channels}
      order={order}
      caption={t('pc.proc.fees.caption')}
      column={t('pc.proc.col.fee')}
      cell={(ch) =>
        feeText(t, ch).map((line, j) => (
          <span key={j} className="pc-block">
            {line}
          </span>
        ))
      }
    />
  );
}

export function DeadlineTable({
  channels,
  order,
}: {
  channels: readonly ChannelTerms[];
  order: readonly Channel[];
}) {
  const t = useT();
  return (
    <ChannelTable
      channels={channels}
      order={order}
      caption={t('pc.proc.deadline.caption')}
      column={t('pc.proc.col.deadline')}
      cell={(ch) => (
        <>
          {deadlineText(t, ch)}
          {ch.description ? <span className="pc-block pc-muted">{ch.description}</span> : null}
        </>
      )}
    />
  );
}

/** The legal detail: steps, conditions, results, applicants, legal basis, publication. */
export function Detail({ procedure: p, publishedAt }: { procedure: PublicProcedure; publishedAt: string }) {
  const t = useT();
  const c = p.content;
  const source = c.sourceUrl && /^https?:\/\//i.test(c.sourceUrl) ? c.sourceUrl : null;
  const info = (
    [
      ['pc.proc.code', p.code],
      ['pc.proc.decision', c.decision],
      ['pc.proc.issuingBody', c.issuingBody],
      ['pc.proc.type', c.procedureType],
      ['pc.proc.levels', c.levels.map((l) => t(`pc.level.${l}`)).join(', ')],
      ['pc.proc.publishedAt', publishedAt],
      ['pc.proc.version', String(p.version)],
    ] as const
  ).filter((r): r is readonly [(typeof r)[0], string] => Boolean(r[1]));
  return (
    <>
      <h3>{t('pc.proc.steps')}</h3>
      {c.steps.map((s, i) => (
        <div key={i}>
          {s.case ? <h4>{s.case}</h4> : null}
          <ol className="pc-steps">
            {s.steps.map((step, j) => (
              <li key={j}>{undash(step)}</li>
            ))}
          </ol>
        </div>
      ))}
      {c.conditions ? (
        <>
          <h3>{t('pc.proc.conditions')}</h3>
          <div className="pc-prose">
            {c.conditions
              .split(/\n+/)
              .filter((l) => l.trim())
              .map((line, i) => (
                <p key={i}>{line.trim()}</p>
              ))}
          </div>
        </>
      ) : null}
      <h3>{t('pc.proc.results')}</h3>
      <ul>
        {c.results.map((r, i) => (
          <li key={i}>{r.name}</li>
        ))}
      </ul>
      <h3>{t('pc.proc.applicants')}</h3>
      <ul>
        {c.applicantTypes.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      <h3>{t('pc.proc.legal')}</h3>
      <table className="pc-table">
        <caption>{t('pc.proc.legal.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pc.proc.legal.number')}</th>
            <th scope="col">{t('pc.proc.legal.title')}</th>
          </tr>
        </thead>
        <tbody>
          {c.legalBasis.map((d, i) => (
            <tr key={i}>
              <td className="pc-nowrap">{d.number ?? '—'}</td>
              <td>{d.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('pc.proc.info')}</h3>
      <dl className="pc-dl">
        {info.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key).replace(/:$/, '')}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('pc.proc.onlineLevel')}</dt>
          <dd>
            <OnlineBadge level={c.onlineLevel} /> ({t('pc.legacy.short', { n: c.legacyLevel })})
          </dd>
        </div>
      </dl>
      {source ? (
        <p className="pc-source">
          <a href={source} rel="external noopener noreferrer">
            {t('pc.proc.source')}
          </a>
        </p>
      ) : null}
    </>
  );
}

interface RelatedGuide {
  slug: string;
  kind: 'guide' | 'faq' | 'life_event';
  title: string;
  summary: string;
  body: string;
}

/** FAQs (open in place, without JavaScript) and guides or life events naming this procedure. */
export function Related({ guides }: { guides: readonly RelatedGuide[] }) {
  const t = useT();
  const faqs = guides.filter((g) => g.kind === 'faq');
  const others = guides.filter((g) => g.kind !== 'faq');
  return (
    <>
      {faqs.map((g) => (
        <details key={g.slug} className="pc-faq">
          <summary>{g.title}</summary>
          <GuideBody body={g.body} />
          <p>
            <Link to={`/huong-dan/${g.slug}`}>{t('pc.guides.open')}</Link>
          </p>
        </details>
      ))}
      {others.length > 0 ? (
        <ul className="pc-proc-list">
          {others.map((g) => (
            <li key={g.slug}>
              <Link to={g.kind === 'life_event' ? `/su-kien/${g.slug}` : `/huong-dan/${g.slug}`}>
                {g.title}
              </Link>
              {g.summary ? <span className="pc-block pc-muted">{g.summary}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
