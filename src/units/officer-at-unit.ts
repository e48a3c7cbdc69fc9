import type { FastifyRequest } from 'fastify';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { requireActor } from '../platform/http/guards.ts';
import { actorScope } from './scope.ts';

type UnitTarget = { unitCode: string; scope: readonly string[] };

/**
 * The signed-in officer, allowed by the feature's `authorize` to do `action` at the unit named by the route's
 * `:code`, with the officer's scope (the unit and the units below it), which the page often needs again.
 */
export async function officerAtUnit<A>(
  db: Executor,
  req: FastifyRequest,
  authorize: (actor: Actor | null, action: A, target: UnitTarget) => void,
  action: A,
): Promise<{ actor: Actor; scope: string[] }> {
  const actor = requireActor(req);
  const scope = await actorScope(db, actor);
  authorize(actor, action, { unitCode: (req.params as { code: string }).code, scope });
  return { actor, scope };
}
