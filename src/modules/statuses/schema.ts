import { z } from 'zod';
import { ANNEX_I_PHASES } from '../../domain/annex-i.ts';
import { STATUS_FACTS } from '../../domain/dossier-status-display.ts';
import { TRANSITION_ACTORS, TRANSITION_EVENTS } from '../../domain/dossier-status-machine.ts';
import { DOSSIER_STATUSES } from '../../domain/dossier-status.ts';

/** The dossier status catalogue and transition chart (TT 22/2019 II.4.1–4.2), as the API returns it. */

const Status = z.enum(DOSSIER_STATUSES);

const AnnexRow = z.object({
  id: z.string().meta({ description: 'Annex I row, e.g. I.receive.1.3' }),
  step: z.string().meta({ description: 'Trình tự thực hiện, verbatim' }),
});

export const StatusView = z.object({
  id: Status,
  label: z.string().meta({ description: 'Exact Annex I wording' }),
  dvcqgCode: z.number().int().min(1).max(10).meta({ description: 'TrangThaiHoSo on the national portal' }),
  entry: z.boolean().meta({ description: 'A new dossier may start in this status' }),
  terminal: z.boolean().meta({ description: 'The dossier never leaves this status' }),
  annexRows: z.array(AnnexRow).meta({ description: 'Annex I rows at which the status is shown' }),
  display: z.object({
    fields: z.array(
      z.object({
        fact: z.enum(STATUS_FACTS),
        label: z.string(),
        requiredAt: z.array(z.string()).meta({ description: 'Annex I rows requiring it; empty: when known' }),
      }),
    ),
    note: z.string().nullable(),
  }),
  next: z.array(Status),
});

export const TransitionView = z.object({
  from: Status.nullable().meta({ description: 'null: a new dossier enters the system' }),
  to: Status,
  event: z.enum(TRANSITION_EVENTS),
  eventLabel: z.string(),
  actor: z.enum(TRANSITION_ACTORS),
  actorLabel: z.string(),
  phase: z.enum([...ANNEX_I_PHASES, 'supplement', 'withdraw']),
  annexRows: z.array(z.string()),
  once: z.boolean().meta({ description: 'Allowed once per dossier (I.process.3.2.1)' }),
});

export const StatusCatalog = z.object({
  statuses: z.array(StatusView),
  transitions: z.array(TransitionView),
});
export type StatusCatalog = z.infer<typeof StatusCatalog>;
