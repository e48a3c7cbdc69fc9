import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { listUnits } from '../units/list-units.ts';
import type { Unit } from '../units/schema.ts';
import { actorScope } from '../units/scope.ts';
import { can } from './policy.ts';

/** The passport-serving units in an officer's scope whose reception and counters the officer may work at. */
export async function queueDesks(db: Executor, actor: Actor): Promise<Unit[]> {
  const scope = await actorScope(db, actor);
  return (await listUnits(db)).filter(
    (unit) => unit.services.includes('passport') && can(actor, 'queue.call', { unitCode: unit.code, scope }),
  );
}
