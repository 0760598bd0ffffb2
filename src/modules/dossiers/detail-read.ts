import { sql } from 'kysely';
import type { Executor } from '../../db/tx.ts';
import { NotFoundError } from '../../errors.ts';
import type { DossierRecord } from './store.ts';

/** Names of the dossier's agency and of the agency, official and department holding it. */
export interface PlaceNames {
  agency: string;
  holder_agency: string;
  holder: string | null;
  department: string | null;
}

/** A history event as the full view reads it, with the current names of its actor and new holder. */
export interface EventRead {
  seq: number;
  at: Date;
  actor_name: string;
  actor_id: string | null;
  actor_full_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  from_step: string | null;
  to_step: string;
  reason: string | null;
  files: string[];
  holder_name: string | null;
}

export interface FileRead {
  id: string;
  kind: string;
  component: string | null;
  file_name: string;
  media_type: string;
  size: number;
  created_at: Date;
}

export interface DetailRead {
  row: DossierRecord;
  names: PlaceNames;
  events: EventRead[];
  files: FileRead[];
  /** Names of the files the events refer to, by id (a file may have left the dossier since). */
  eventFileNames: Map<string, string>;
}

/** The names Annex I shows, as columns of a select over `dossiers as d` (split them with namesOf). */
export const placeNameColumns = [
  sql<string>`(select name from agencies where id = d.agency_id)`.as('n_agency'),
  sql<string>`(select name from agencies where id = d.holder_agency_id)`.as('n_holder_agency'),
  sql<string | null>`(select full_name from accounts where id = d.holder_id)`.as('n_holder'),
  sql<string | null>`(select name from departments where id = d.holder_department_id)`.as('n_department'),
] as const;

type NameColumns = {
  n_agency: string;
  n_holder_agency: string;
  n_holder: string | null;
  n_department: string | null;
};

/** The row without the name columns, and the names. */
export function namesOf<T extends NameColumns>(
  found: T,
): { rest: Omit<T, keyof NameColumns>; names: PlaceNames } {
  const { n_agency, n_holder_agency, n_holder, n_department, ...rest } = found;
  return {
    rest,
    names: { agency: n_agency, holder_agency: n_holder_agency, holder: n_holder, department: n_department },
  };
}

type Json<T> = Omit<T, 'at' | 'created_at'> & { at?: string; created_at?: string };

/**
 * Everything the full view of one dossier shows, in one statement: the row, the names Annex I shows,
 * the history with its actors' and holders' names, the files. It was six statements, three of them at
 * once on three pool connections, on every dossier an official opens and after every submission
 * (issue 8).
 */
export async function readDetail(db: Executor, id: string): Promise<DetailRead> {
  const found = await db
    .selectFrom('dossiers as d')
    .selectAll('d')
    .select([
      ...placeNameColumns,
      sql<Json<EventRead>[]>`(select coalesce(json_agg(json_build_object(
          'seq', e.seq, 'at', e.at, 'actor_name', e.actor_name, 'actor_id', e.actor_id,
          'actor_full_name', a.full_name, 'action', e.action, 'from_status', e.from_status,
          'to_status', e.to_status, 'from_step', e.from_step, 'to_step', e.to_step, 'reason', e.reason,
          'files', e.files, 'holder_name', h.full_name) order by e.seq), '[]')
        from dossier_events e
        left join accounts a on a.id = e.actor_id
        left join accounts h on h.id = e.to_holder
        where e.dossier_id = d.id)`.as('n_events'),
      sql<Json<FileRead>[]>`(select coalesce(json_agg(json_build_object(
          'id', f.id, 'kind', f.kind, 'component', f.component, 'file_name', f.file_name,
          'media_type', f.media_type, 'size', f.size, 'created_at', f.created_at) order by f.created_at), '[]')
        from dossier_files f where f.dossier_id = d.id)`.as('n_files'),
      sql<Record<string, string> | null>`(select json_object_agg(f.id, f.file_name) from dossier_files f
        where f.id in (select x::uuid from dossier_events e, jsonb_array_elements_text(e.files) x
                       where e.dossier_id = d.id))`.as('n_event_files'),
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!found) throw new NotFoundError('Không tìm thấy hồ sơ');
  const { rest, names } = namesOf(found);
  const { n_events, n_files, n_event_files, ...row } = rest;
  return {
    row,
    names,
    events: n_events.map((e) => ({ ...e, at: new Date(e.at ?? '') })),
    files: n_files.map((f) => ({ ...f, created_at: new Date(f.created_at ?? '') })),
    eventFileNames: new Map(Object.entries(n_event_files ?? {})),
  };
}
