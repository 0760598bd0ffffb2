import type { Executor } from '../../db/tx.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { assertEditor } from './store.ts';

export interface ActorChoices {
  departments: { id: string; name: string }[];
  groups: { id: string; name: string }[];
}

/**
 * The departments and user groups of `agencyId` that a step of its process may name as actor: for
 * whoever may change that agency's process (a biên tập viên does not hold org.manage, yet must be able
 * to say "Phòng Tư pháp" handles a step). Names only; members stay behind the org screens.
 */
export async function actorChoices(
  db: Executor,
  auth: AuthContext | undefined,
  agencyId: string,
): Promise<ActorChoices> {
  await assertEditor(db, auth, agencyId);
  const [departments, groups] = await Promise.all([
    db
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('agency_id', '=', agencyId)
      .where('active', '=', true)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('user_groups')
      .select(['id', 'name'])
      .where('agency_id', '=', agencyId)
      .orderBy('name')
      .execute(),
  ]);
  return { departments, groups };
}
