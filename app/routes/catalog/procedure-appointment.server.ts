import { formatDateTime } from '../../../src/domain/datetime.ts';
import type { Channel } from '../../../src/domain/procedure.ts';
import { estimateAppointment } from '../../../src/modules/legal-time/estimate.ts';
import type { PublicProcedure } from '../../../src/modules/procedures/schema.ts';
import type { Services } from '../../../src/services.ts';
import { asAppError } from '../../lib/errors.ts';
import { APPLY_ORDER } from './catalog-ui.tsx';

/** One expected date, for the channels that share it. */
export interface AppointmentEstimate {
  channels: Channel[];
  /** DD/MM/YYYY HH:mm */
  at: string;
  explanation: string[];
}

export interface AppointmentSection {
  agencies: { id: string; name: string }[];
  /** The agency whose calendar was used; null: the national calendar. */
  agency: { id: string; name: string } | null;
  estimates: AppointmentEstimate[];
}

/**
 * "If you apply now": the expected result date of each channel with a numeric deadline, on the
 * calendar of the agency chosen with ?co-quan= (one of the procedure's implementing agencies), else
 * the first one. Channels with the same date are shown together.
 */
export async function appointmentSection(
  services: Services,
  p: PublicProcedure,
  chosen: string | null,
): Promise<AppointmentSection> {
  const agency = p.agencies.find((a) => a.id === chosen) ?? p.agencies[0];
  const now = new Date();
  // One calendar for every channel: the same agency and the same instant.
  const calendar = await services.legalTime.calendarFor(agency?.id ?? null, now);
  const estimates: AppointmentEstimate[] = [];
  for (const channel of APPLY_ORDER) {
    const terms = p.content.channels.find((c) => c.channel === channel);
    if (!terms?.deadline?.unit) continue;
    try {
      const e = await estimateAppointment(
        services.legalTime,
        p,
        {
          agency: agency?.id,
          channel,
          receivedAt: now,
        },
        calendar,
      );
      const at = formatDateTime(e.appointmentAt).slice(0, 16);
      const same = estimates.find((x) => x.at === at);
      if (same) same.channels.push(channel);
      else estimates.push({ channels: [channel], at, explanation: e.explanation });
    } catch (err) {
      // A deadline the engine cannot count (a fraction of a day…) is simply not estimated.
      if (!asAppError(err)) throw err;
    }
  }
  return {
    agencies: p.agencies.map((a) => ({ id: a.id, name: a.name })),
    agency: agency ? { id: agency.id, name: agency.name } : null,
    estimates,
  };
}
