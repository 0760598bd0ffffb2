import { annexRowsShowing } from '../../domain/annex-i.ts';
import { STATUS_DISPLAY } from '../../domain/dossier-status-display.ts';
import {
  ACTOR_LABEL,
  ENTRY_STATUSES,
  EVENT_LABEL,
  STATUS_TRANSITIONS,
  isTerminal,
  nextStatuses,
} from '../../domain/dossier-status-machine.ts';
import { DOSSIER_STATUSES, STATUS_INFO } from '../../domain/dossier-status.ts';
import { hasAnywhere } from '../../domain/permissions.ts';
import type { Permission } from '../../domain/permissions.ts';
import { ForbiddenError, UnauthenticatedError } from '../../errors.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import type { StatusCatalog } from './schema.ts';

/** Who administers the status catalogue (II.4: "Người quản trị"): procedure editors and reviewers (and system.admin). */
export const STATUS_ADMIN_PERMISSIONS: readonly Permission[] = ['procedures.edit', 'procedures.review'];

let built: StatusCatalog | undefined;

/** The catalogue and chart as plain data (built once: they are fixed by law). */
export function statusCatalog(): StatusCatalog {
  built ??= {
    statuses: DOSSIER_STATUSES.map((s) => ({
      id: s,
      label: STATUS_INFO[s].label,
      dvcqgCode: STATUS_INFO[s].dvcqgCode,
      entry: ENTRY_STATUSES.includes(s),
      terminal: isTerminal(s),
      annexRows: annexRowsShowing(s).map((r) => ({ id: r.id, step: r.step })),
      display: {
        fields: STATUS_DISPLAY[s].fields.map((f) => ({ ...f, requiredAt: [...f.requiredAt] })),
        note: STATUS_DISPLAY[s].note,
      },
      next: nextStatuses(s),
    })),
    transitions: STATUS_TRANSITIONS.map((t) => ({
      from: t.from,
      to: t.to,
      event: t.event,
      eventLabel: EVENT_LABEL[t.event],
      actor: t.actor,
      actorLabel: ACTOR_LABEL[t.actor],
      phase: t.phase,
      annexRows: [...t.steps],
      once: t.once ?? false,
    })),
  };
  return built;
}

/** The catalogue for an official who administers procedures somewhere. */
export function readStatusCatalog(auth: AuthContext | undefined): StatusCatalog {
  if (!auth) throw new UnauthenticatedError();
  if (!STATUS_ADMIN_PERMISSIONS.some((p) => hasAnywhere(auth.grants, p))) throw new ForbiddenError();
  return statusCatalog();
}
