import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { applicationHistory } from './application-actions.ts';
import { getPermitApplication } from './get-application.ts';
import { authorize, authorizeRole } from './policy.ts';

/**
 * An officer of the application's unit (or above) opens it with its history: the holder's personal data, so every
 * reading is in the audit trail. Returns the officer's scope too, for the steps the page offers.
 */
export async function viewPermitApplication(tx: Tx, caller: Caller, id: string) {
  const actor = caller.actor;
  if (!actor) throw new AppError('unauthenticated');
  authorizeRole(actor, 'service.view');
  const scope = await actorScope(tx, actor);
  const application = await getPermitApplication(tx, id);
  authorize(actor, 'service.view', { unitCode: application.unitCode, scope });
  const history = await applicationHistory(tx, id);
  await appendAudit(tx, caller, {
    action: 'permit_application.view',
    targetType: 'permit_application',
    targetId: id,
    unitCode: application.unitCode,
  });
  return { application, history, scope };
}
