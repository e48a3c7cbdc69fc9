import type { Actor } from '../platform/auth/actor.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { actorScope } from '../units/scope.ts';
import { getAdoptedVillage, villagesOfOfficer, type AdoptedVillageView } from './list-adopted-villages.ts';
import { authorize, authorizeRole, type AdoptedVillageAction, type VillageTarget } from './policy.ts';

export type VillageAccess = { village: AdoptedVillageView; target: VillageTarget };

/**
 * The village, once the actor may take `action` on it: refused by role first, then by the village's office being in
 * the officer's scope or the officer being its PIMPASA today.
 */
export async function villageFor(
  db: Executor,
  actor: Actor | null,
  code: string,
  action: AdoptedVillageAction,
  today = witaDate(),
): Promise<VillageAccess> {
  authorizeRole(actor, action);
  const village = await getAdoptedVillage(db, code, today);
  const [scope, own] = await Promise.all([actorScope(db, actor), villagesOfOfficer(db, actor!.id, today)]);
  const target = { unitCode: village.unitCode, scope, pimpasa: own.includes(code) };
  authorize(actor, action, target);
  return { village, target };
}
