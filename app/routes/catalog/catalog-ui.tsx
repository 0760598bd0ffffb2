import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Channel, OnlineLevel } from '../../../src/domain/procedure.ts';
import { Breadcrumb } from '../../components/Breadcrumb.tsx';
import { FieldHint, fieldId } from '../../components/Field.tsx';
import type { Crumb } from '../../components/Breadcrumb.tsx';
import { useT } from '../../i18n/index.ts';
import catalogCss from '../../styles/catalog.css?url';

/**
 * Pieces shared by the public catalog pages (search, procedure, fields, agencies, guides, life
 * events): their stylesheet, the online-level badge, the channel list, the breadcrumb from the home
 * page, procedure lists and the plain-text body of guides. Not a route (routes.ts lists the routes).
 */

/** `links` of every catalog page (and the home page): the catalog stylesheet. */
export function catalogLinks() {
  return [{ rel: 'stylesheet', href: catalogCss }];
}

/** The keyword box of the catalog search (home page and search page): label, hint, input, button. */
export function SearchBox({ defaultValue }: { defaultValue?: string | undefined }) {
  const t = useT();
  return (
    <>
      <label htmlFor={fieldId('q')} className="field-label">
        {t('pc.search.q')}
      </label>
      <FieldHint id={fieldId('q')} hint={t('pc.search.qHint')} />
      <div className="pc-search-row">
        <input
          id={fieldId('q')}
          name="q"
          type="search"
          className="input"
          defaultValue={defaultValue}
          maxLength={200}
          aria-describedby={`${fieldId('q')}-hint`}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" className="button button-primary">
          {t('pc.search.submit')}
        </button>
      </div>
    </>
  );
}

/** Online level as a badge (colour + words, never colour alone). */
export function OnlineBadge({ level }: { level: OnlineLevel }) {
  const t = useT();
  return <span className={`pc-badge pc-badge-${level}`}>{t(`pc.online.${level}`)}</span>;
}

/** The ways of applying, in the order the portal offers them (online first). */
export const APPLY_ORDER: readonly Channel[] = ['online', 'postal', 'counter'];

/** "Cách nộp: Trực tuyến, Bưu chính, Trực tiếp". */
export function ChannelList({ channels }: { channels: readonly Channel[] }) {
  const t = useT();
  const ordered = APPLY_ORDER.filter((c) => channels.includes(c));
  if (ordered.length === 0) return null;
  return (
    <span className="pc-channels">
      {t('pc.channels')}{' '}
      {ordered.map((c, i) => (
        <span key={c}>
          {i > 0 ? ', ' : null}
          {t(`pc.channel.${c}`)}
        </span>
      ))}
    </span>
  );
}

/** Breadcrumb starting at the home page; the last crumb is this page. */
export function CatalogCrumbs({ items }: { items: readonly Crumb[] }) {
  const t = useT();
  return <Breadcrumb items={[{ label: t('nav.home'), to: '/' }, ...items]} />;
}

export interface ProcedureLinkItem {
  code: string;
  slug: string;
  name: string;
  onlineLevel: OnlineLevel;
}

/** A list of procedures, each a link to its page with its online badge. */
export function ProcedureList({
  items,
  className,
}: {
  items: readonly ProcedureLinkItem[];
  className?: string;
}) {
  const t = useT();
  if (items.length === 0) return <p>{t('pc.noProcedures')}</p>;
  return (
    <ul className={`pc-proc-list ${className ?? ''}`}>
      {items.map((p) => (
        <li key={p.code}>
          <Link to={`/thu-tuc-hanh-chinh/${p.slug}`}>{p.name}</Link> <OnlineBadge level={p.onlineLevel} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A guide's body as plain text: paragraphs separated by a blank line, lines starting with "- " form
 * a list. React escapes every string, so nothing typed by an editor becomes markup.
 */
export function GuideBody({ body }: { body: string }) {
  const blocks = body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <div className="pc-prose">
      {blocks.map((block, i) => (
        <Block key={i} text={block} />
      ))}
    </div>
  );
}

function Block({ text }: { text: string }) {
  const out: ReactNode[] = [];
  let para: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (para.length) out.push(<p key={`p${out.length}`}>{para.join(' ')}</p>);
    if (list.length)
      out.push(
        <ul key={`u${out.length}`}>
          {list.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>,
      );
    para = [];
    list = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('- ')) {
      if (para.length) flush();
      list.push(line.slice(2).trim());
    } else {
      if (list.length) flush();
      para.push(line);
    }
  }
  flush();
  return <>{out}</>;
}
