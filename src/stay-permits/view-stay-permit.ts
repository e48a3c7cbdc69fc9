import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { describeStayPermit } from './describe-stay-permit.ts';
import { getStayPermit } from './get-stay-permit.ts';
import { isSponsorMember } from './is-sponsor-member.ts';
import { authorize, authorizeRole } from './policy.ts';

/**
 * One permit opened by an officer of its unit (or above) or by a member of its sponsor (without the officers' names
 * and notes); personal data, so every reading is audited. Anyone else is refused before the permit is looked up, so refusals tell nothing.
 */
export async function viewStayPermit(tx: Tx, caller: Caller, id: string) {
  const actor = caller.actor;
  if (actor?.kind === 'officer') {
    authorizeRole(actor, 'permit.view');
    const permit = await getStayPermit(tx, id);
    authorize(actor, 'permit.view', { unitCode: permit.unitCode, scope: await actorScope(tx, actor) });
  } else {
    if (!actor) throw new AppError('unauthenticated');
    const permit = await getStayPermit(tx, id).catch(() => null);
    if (!permit || !(await isSponsorMember(tx, permit.sponsorId, actor.id))) throw new AppError('forbidden');
  }
  const full = await describeStayPermit(tx, id);
  // A sponsor sees what happened to the permit and when, not which officer acted or the office's notes.
  const described =
    actor.kind === 'officer'
      ? full
      : { ...full, history: full.history.map(({ type, at }) => ({ type, at, payload: {}, actorName: null })) };
  await appendAudit(tx, caller, {
    action: 'stay_permit.view',
    targetType: 'stay_permit',
    targetId: id,
    unitCode: described.permit.unitCode,
  });
  return described;
}
