import type { FastifyRequest } from 'fastify';
import { getApplication } from '../applications/get-application.ts';
import type { Application } from '../applications/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { requireActor } from '../platform/http/guards.ts';
import { actorScope } from '../units/scope.ts';
import { authorize, type CaseAction } from './policy.ts';

/**
 * Refuses an actor whose role never does `action`, even in their own unit. Routes call it before looking the case
 * up, so that people who may not act cannot learn which ids exist.
 */
export function authorizeRole(actor: Actor, action: CaseAction): void {
  authorize(actor, action, { unitCode: actor.unitCode, scope: actor.unitCode ? [actor.unitCode] : [] });
}

/** The signed-in officer and the case, once the policy allows `action` on a case of that unit. Drafts are no cases. */
export async function caseFor(
  db: Executor,
  req: FastifyRequest,
  id: string,
  action: CaseAction,
): Promise<{ actor: Actor; application: Application }> {
  const actor = requireActor(req);
  authorizeRole(actor, action);
  const application = await getApplication(db, id);
  if (application.status === 'draft') throw new AppError('not_found');
  authorize(actor, action, { unitCode: application.unitCode, scope: await actorScope(db, actor) });
  return { actor, application };
}
