import { and, eq, ne } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { closeDetention } from './close-detention.ts';
import { lockDetainee } from './perform-detainee-action.ts';
import { authorizeRole } from './policy.ts';
import { detaineeActions, detainees } from './schema.ts';

/**
 * Releases the person's current detention as deported, for the administrative action case that carried out the
 * deportation (enforcement calls it in the transaction that records the execution). The case's decision is the
 * authority here, so no unit scope is checked; partners are refused, as everywhere in detention. Returns false when
 * the person is not detained; a resent request id finds its release done and answers true.
 */
export async function endDetentionOnDeportation(
  tx: Tx,
  caller: Caller,
  input: { foreignerId: string; caseRef: string; on: IsoDate; requestId: string },
): Promise<boolean> {
  authorizeRole(caller.actor, 'detention.deport');
  const [current] = await tx
    .select({ id: detainees.id })
    .from(detainees)
    .where(and(eq(detainees.foreignerId, input.foreignerId), ne(detainees.status, 'released')));
  if (!current) {
    const [done] = await tx
      .select({ id: detaineeActions.id })
      .from(detaineeActions)
      .innerJoin(detainees, eq(detainees.id, detaineeActions.detaineeId))
      .where(and(eq(detainees.foreignerId, input.foreignerId), eq(detaineeActions.requestId, input.requestId)));
    return !!done;
  }
  const detainee = await lockDetainee(tx, current.id);
  if (await findActionByRequest(tx, detaineeActions, detaineeActions.detaineeId, detainee.id, input.requestId))
    return true;
  // Left the country before the recorded placement day: the detention ends on the day it began, never before.
  await closeDetention(tx, caller, detainee, {
    type: 'release',
    on: input.on < detainee.placedOn ? detainee.placedOn : input.on,
    reason: 'deported',
    reference: input.caseRef,
    requestId: input.requestId,
  });
  return true;
}
