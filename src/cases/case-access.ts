import type { FastifyRequest } from 'fastify';
import { getApplication } from '../applications/get-application.ts';
import type { Application } from '../applications/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { requireActor } from '../platform/http/guards.ts';
import { organisationRoot } from '../units/organisation-root.ts';
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

/** Refuses whoever may not keep the deferral reasons: admins of the organisation's root only (policy.ts). */
export async function authorizeReasonKeeper(db: Executor, actor: Actor): Promise<void> {
  const [root, scope] = await Promise.all([organisationRoot(db), actorScope(db, actor)]);
  authorize(actor, 'deferral_reasons.manage', { unitCode: root, scope });
}

/** Whether the officer may keep the deferral reasons (the page shows its forms only to them). */
export async function keepsReasons(db: Executor, actor: Actor): Promise<boolean> {
  return authorizeReasonKeeper(db, actor).then(
    () => true,
    () => false,
  );
}
