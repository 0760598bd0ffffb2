import type { ProcessChoices } from '../../../components/process/choices.ts';
import { ROLE_KEYS } from '../../../components/process/labels.ts';
import type { ActorNames } from '../../../components/process/words.ts';
import { translator } from '../../../i18n/index.ts';
import { asAppError } from '../../../lib/errors.ts';
import type { ProcessOfficial } from './access.server.ts';

/** Roles that act on dossiers, in the order of a dossier's way through an agency. */
const PROCESS_ROLES = [
  'can_bo_mot_cua',
  'can_bo_thu_ly',
  'lanh_dao_phong',
  'lanh_dao_don_vi',
  'can_bo_kiem_soat_tthc',
  'nhan_vien_buu_chinh',
] as const;

const isRefusal = (err: unknown) =>
  ['forbidden', 'not_found', 'unauthenticated'].includes(asAppError(err)?.code ?? '');

/** A look-up this official may not make gives nothing (a reader who cannot edit sees no choices). */
async function orNothing<T>(work: Promise<T[]>): Promise<T[]> {
  try {
    return await work;
  } catch (err) {
    if (isRefusal(err)) return [];
    throw err;
  }
}

/**
 * What the designer offers for a process of `agencyId` (null: the default every agency uses): roles
 * always; the agency's departments and groups when this official may change its process; the agencies an arrow
 * may consult. With their names, for the diagram's text.
 */
export async function processChoices(
  w: ProcessOfficial,
  agencyId: string | null,
): Promise<{ choices: ProcessChoices; names: ActorNames }> {
  const t = translator(w.lang);
  const [units, agencies] = await Promise.all([
    agencyId
      ? w.services.processes.actorChoices(w, agencyId).catch((err: unknown) => {
          if (isRefusal(err)) return { departments: [], groups: [] };
          throw err;
        })
      : Promise.resolve({ departments: [], groups: [] }),
    orNothing(w.services.org.agencyOptions(w.auth, 'procedures.edit')),
  ]);
  const { departments, groups } = units;
  const choices: ProcessChoices = {
    roles: PROCESS_ROLES.map((code) => ({ code, label: t(ROLE_KEYS[code]) })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    agencies: agencies.map((a) => ({ id: a.id, name: a.label })),
  };
  return {
    choices,
    names: {
      departments: Object.fromEntries(departments.map((d) => [d.id, d.name])),
      groups: Object.fromEntries(groups.map((g) => [g.id, g.name])),
    },
  };
}
