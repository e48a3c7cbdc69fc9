import type { FastifyRequest } from 'fastify';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { requireActor } from '../platform/http/guards.ts';
import { actorScope } from '../units/scope.ts';
import { getApplication } from './get-application.ts';
import { authorize } from './policy.ts';
import type { Application } from './schema.ts';

/**
 * The signed-in actor and the application, once the policy allows `action` on it. Every application route (and
 * every form re-shown after an error) goes through here, so an outsider never sees a page about someone's case.
 */
export async function actorAndApplication(
  db: Executor,
  req: FastifyRequest,
  id: string,
  action: 'application.view' | 'application.edit' | 'application.withdraw',
): Promise<{ actor: Actor; application: Application }> {
  const actor = requireActor(req);
  const application = await getApplication(db, id);
  const scope = action === 'application.view' ? await actorScope(db, actor) : [];
  authorize(actor, action, {
    accountId: application.accountId,
    unitCode: application.unitCode,
    status: application.status,
    scope,
  });
  return { actor, application };
}
