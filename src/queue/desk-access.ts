import type { FastifyRequest } from 'fastify';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { requireActor } from '../platform/http/guards.ts';
import { actorScope } from '../units/scope.ts';
import { authorize, type QueueAction } from './policy.ts';

/** The signed-in officer, allowed to do `action` at the unit named by the route's `:code`. */
export async function deskOfficer(db: Executor, req: FastifyRequest, action: QueueAction): Promise<Actor> {
  const actor = requireActor(req);
  authorize(actor, action, { unitCode: (req.params as { code: string }).code, scope: await actorScope(db, actor) });
  return actor;
}
