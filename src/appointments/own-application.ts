import { getApplication } from '../applications/get-application.ts';
import { authorize } from '../applications/policy.ts';
import type { Application } from '../applications/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { actorScope } from '../units/scope.ts';

/**
 * The application a request is about, once the policy allows the actor to act on it: booking and changing are
 * the applicant's own; viewing is also open to officers of its unit (the counter may print a receipt).
 */
export async function authorizedApplication(
  db: Executor,
  actor: Actor,
  id: string,
  action: 'application.book' | 'application.view',
): Promise<Application> {
  const application = await getApplication(db, id);
  const scope = action === 'application.view' ? await actorScope(db, actor) : [];
  authorize(actor, action, { accountId: application.accountId, unitCode: application.unitCode, scope });
  return application;
}
