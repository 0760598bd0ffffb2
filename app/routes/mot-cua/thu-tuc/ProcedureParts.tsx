import type { ReactNode } from 'react';
import type { ProcedureContent } from '../../../../src/domain/procedure.ts';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { useT } from '../../../i18n/index.ts';
import { CHANNEL_KEYS, LEVEL_KEYS, ONLINE_KEYS, STATUS_KEYS, STATUS_TONE, UNIT_KEYS } from './labels.ts';

interface Issue {
  field: string;
  message: string;
  anchor: string;
}

/** The state of a procedure in words: draft, published or withdrawn, and "changes not yet published". */
export function StatusBadges({
  status,
  hasChanges,
  flagCount,
}: {
  status: 'draft' | 'published' | 'withdrawn';
  hasChanges: boolean;
  flagCount: number;
}) {
  const t = useT();
  return (
    <span className="badges">
      <StatusBadge tone={STATUS_TONE[status]}>{t(STATUS_KEYS[status])}</StatusBadge>
      {status !== 'draft' && hasChanges ? (
        <StatusBadge tone="warn">{t('pa.status.changed')}</StatusBadge>
      ) : null}
      {flagCount > 0 ? <StatusBadge tone="warn">{t('pa.flagCount', { n: flagCount })}</StatusBadge> : null}
    </span>
  );
}

/**
 * What an editor should look at: the import's flags (cần xem lại) and what is still missing before
 * publication (II.1.2). Each links to its field in the editor (`editPath`; null on the editor itself).
 */
export function ContentIssues({
  flags,
  issues,
  editPath,
}: {
  flags: Issue[];
  issues: Issue[];
  editPath: string | null;
}) {
  const t = useT();
  if (flags.length === 0 && issues.length === 0) return null;
  const list = (items: Issue[], testId: string) => (
    <ul data-testid={testId}>
      {items.map((i, n) => (
        <li key={`${n}-${i.field}`}>
          <a href={`${editPath ?? ''}#f-${i.anchor}`}>{i.message}</a>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="notice notice-warning issues">
      {flags.length > 0 ? (
        <>
          <h2>{t('pa.flagsTitle', { n: flags.length })}</h2>
          <p>{t('pa.flagsHelp')}</p>
          {list(flags, 'flags')}
        </>
      ) : null}
      {issues.length > 0 ? (
        <>
          <h2>{t('pa.issuesTitle')}</h2>
          {list(issues, 'publication-issues')}
        </>
      ) : null}
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <div>
      <dt>{label}</dt>
      <dd className="break">{empty ? '—' : children}</dd>
    </div>
  );
}

const money = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;

/** Every attribute of a procedure, read-only (the working copy, the published copy or a past version). */
export function ContentView({ content: c, fieldName }: { content: ProcedureContent; fieldName: string }) {
  const t = useT();
  return (
    <div className="content-view">
      <dl className="summary-list">
        <Row label={t('pa.f.name')}>{c.name}</Row>
        <Row label={t('pa.f.field')}>{fieldName}</Row>
        <Row label={t('pa.f.levels')}>{c.levels.map((l) => t(LEVEL_KEYS[l])).join(', ')}</Row>
        <Row label={t('pa.f.applicantTypes')}>{c.applicantTypes.join('; ')}</Row>
        <Row label={t('pa.f.onlineLevel')}>
          {t(ONLINE_KEYS[c.onlineLevel])} · {t('pa.legacy', { n: c.legacyLevel })}
        </Row>
        <Row label={t('pa.f.procedureType')}>{c.procedureType}</Row>
        <Row label={t('pa.f.decision')}>{c.decision}</Row>
        <Row label={t('pa.f.issuingBody')}>{c.issuingBody}</Row>
      </dl>
      <h3>{t('pa.sec.steps')}</h3>
      {c.steps.length === 0 ? <p>—</p> : null}
      {c.steps.map((s, i) => (
        <div key={i}>
          {s.case ? <p className="case">{s.case}</p> : null}
          <ol>
            {s.steps.map((step, k) => (
              <li key={k}>{step}</li>
            ))}
          </ol>
        </div>
      ))}
      <h3>{t('pa.sec.channels')}</h3>
      {c.channels.length === 0 ? <p>—</p> : null}
      <ul>
        {c.channels.map((ch, i) => (
          <li key={i}>
            <strong>{t(CHANNEL_KEYS[ch.channel])}</strong>
            {': '}
            {ch.deadline
              ? `${ch.deadline.value} ${ch.deadline.unit ? t(UNIT_KEYS[ch.deadline.unit]) : t('pa.unit.none')}`
              : t('pa.noDeadline')}
            {ch.deadlineNote ? ` (${ch.deadlineNote})` : ''}
            {'. '}
            {ch.free === true ? t('pa.free.yes') : ch.free === false ? t('pa.free.no') : ''}
            {ch.fees.map((f, k) => (
              <span key={k} className="fee">
                {' '}
                {f.amountVnd !== null ? money(f.amountVnd) : ''} {f.description ?? ''}
              </span>
            ))}
            {ch.description ? <span className="desc">{ch.description}</span> : null}
          </li>
        ))}
      </ul>
      <h3>{t('pa.sec.components')}</h3>
      {c.components.length === 0 ? <p>—</p> : null}
      {c.components.map((g, i) => (
        <div key={i}>
          {g.group ? <p className="case">{g.group}</p> : null}
          <ul>
            {g.items.map((item, k) => (
              <li key={k}>
                {item.name} —{' '}
                <span className="muted">
                  {t('pa.componentCounts', { originals: item.originals, copies: item.copies })}
                  {item.required ? '' : `, ${t('pa.notRequired')}`}
                  {item.electronic ? `, ${t('pa.f.electronic')}` : ''}
                  {item.formCode ? `, ${t('pa.f.formCode')}: ${item.formCode}` : ''}
                  {item.condition ? `, ${item.condition}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h3>{t('pa.sec.results')}</h3>
      <ul>
        {c.results.map((r, i) => (
          <li key={i}>
            {r.name}
            {r.code ? ` (${r.code})` : ''}
          </li>
        ))}
      </ul>
      <h3>{t('pa.sec.conditions')}</h3>
      <p className="pre">{c.conditions ?? '—'}</p>
      <h3>{t('pa.sec.legalBasis')}</h3>
      <ul>
        {c.legalBasis.map((l, i) => (
          <li key={i}>
            {l.number ? `${l.number}: ` : ''}
            {l.title}
          </li>
        ))}
      </ul>
      <h3>{t('pa.sec.agencies')}</h3>
      <dl className="summary-list">
        {(['implementing', 'competent', 'delegated', 'coordinating', 'address'] as const).map((k) => (
          <Row key={k} label={t(`pa.f.${k}`)}>
            {c.agencies[k]}
          </Row>
        ))}
        <Row label={t('pa.f.sourceUrl')}>
          {c.sourceUrl ? (
            <a href={c.sourceUrl} rel="noreferrer noopener">
              {c.sourceUrl}
            </a>
          ) : null}
        </Row>
      </dl>
    </div>
  );
}
