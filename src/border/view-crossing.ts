import { asc, eq } from 'drizzle-orm';
import { listOpenCharges, type OpenCharge } from '../overstays/list-open-charges.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { actorScope } from '../units/scope.ts';
import { availableDecisions } from './available-actions.ts';
import { getCrossing } from './find-crossing.ts';
import { authorize, authorizeRole, can } from './policy.ts';
import { crossingActions, type Crossing, type CrossingAction } from './schema.ts';
import type { DecisionStep } from './workflow.ts';

export type CrossingView = {
  crossing: Crossing;
  /** A foreigner held for leaving after their permit ended: the overstay charges they still owe. */
  charges: OpenCharge[];
  history: CrossingAction[];
  decisions: DecisionStep[];
};

/**
 * A crossing as the desk and the supervisor see it: the verdict and its reasons (never a ban's grounds), the charges
 * of an overstay, the history and the decisions this officer may take. Only for officers of the point's unit; a
 * reading by anyone but the officer who recorded it is audited.
 */
export async function viewCrossing(tx: Tx, caller: Caller, id: string): Promise<CrossingView> {
  const actor = caller.actor;
  authorizeRole(actor, 'crossing.record');
  const crossing = await getCrossing(tx, id);
  const scope = await actorScope(tx, actor);
  if (!can(actor, 'crossing.decide', { unitCode: crossing.unitCode, scope }))
    authorize(actor, 'crossing.record', { unitCode: crossing.unitCode, scope });
  const overstayed = crossing.reasons.some((r) => r.code === 'permit_expired');
  const charges = overstayed && crossing.foreignerId ? await listOpenCharges(tx, crossing.foreignerId) : [];
  const history = await tx
    .select()
    .from(crossingActions)
    .where(eq(crossingActions.crossingId, id))
    .orderBy(asc(crossingActions.at));
  if (actor?.id !== crossing.recordedBy)
    await appendAudit(tx, caller, {
      action: 'crossing.view',
      targetType: 'crossing',
      targetId: crossing.id,
      unitCode: crossing.unitCode,
    });
  return { crossing, charges, history, decisions: availableDecisions(actor, crossing, scope) };
}
