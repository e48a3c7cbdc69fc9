import { and, eq } from 'drizzle-orm';
import { newTrackingCode } from '../applications/tracking-code.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { answerDueOn } from './answer-deadline.ts';
import { visitRequestErrors } from './visit-eligibility.ts';
import { homeVisitActions, homeVisits, type HomeVisitReason } from './schema.ts';

export const requesterRelations = ['self', 'child', 'parent', 'spouse', 'sibling', 'other'] as const;
export type RequesterRelation = (typeof requesterRelations)[number];

export type HomeVisitRequest = {
  requestId?: string | null;
  requesterRelation: RequesterRelation;
  applicantName: string;
  applicantNik: string;
  applicantBirthDate: IsoDate;
  reason: HomeVisitReason;
  reasonDetails?: string | null;
  placeKind: 'home' | 'hospital';
  address: string;
  villageCode: string;
  unitCode: string;
  preferredDates: IsoDate[];
};

/** "KP" (si Koe Peduli) and ten characters, told apart from application codes ("SK…") at a glance. */
export const newVisitCode = () => `KP${newTrackingCode().slice(2)}`;

/**
 * A signed-in citizen asks officers to come to someone who cannot travel: themself or a family member. The request
 * is judged for eligibility at once (a refusal stores nothing), and the office owes a first answer within two working
 * days on its calendar. A resend with the same request id returns the request already made.
 */
export async function requestHomeVisit(
  tx: Tx,
  caller: Caller,
  input: HomeVisitRequest,
  now = new Date(),
): Promise<{ trackingCode: string; created: boolean }> {
  const actor = caller.actor;
  if (!actor) throw new AppError('unauthenticated');
  if (actor.kind !== 'citizen') throw new AppError('forbidden');
  const requestId = input.requestId || null;
  if (requestId) {
    const sent = await sentBefore(tx, actor.id, requestId);
    if (sent) return { trackingCode: sent, created: false };
  }
  const today = witaDate(now);
  const reasonDetails = input.reasonDetails?.trim() || null;
  const preferredDates = [...input.preferredDates].sort();
  const { errors, params } = await visitRequestErrors(tx, { ...input, reasonDetails, preferredDates }, today);
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors, params);

  const [visit] = await tx
    .insert(homeVisits)
    .values({
      trackingCode: newVisitCode(),
      unitCode: input.unitCode,
      requesterAccountId: actor.id,
      requesterRelation: input.requesterRelation,
      applicantName: input.applicantName,
      applicantNik: input.applicantNik,
      applicantBirthDate: input.applicantBirthDate,
      reason: input.reason,
      reasonDetails,
      placeKind: input.placeKind,
      address: input.address,
      villageCode: input.villageCode,
      preferredDates,
      answerDueOn: await answerDueOn(tx, input.unitCode, today),
      requestId,
    })
    // Two copies of one form racing: the unique (requester, request id) lets one in; the other finds it below.
    .onConflictDoNothing()
    .returning();
  if (!visit) {
    const sent = requestId && (await sentBefore(tx, actor.id, requestId));
    if (!sent) throw new AppError('conflict');
    return { trackingCode: sent, created: false };
  }
  const payload = { reason: visit.reason, relation: visit.requesterRelation, answerDueOn: visit.answerDueOn };
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: homeVisitActions,
      entry: { visitId: visit.id },
      record: homeVisits,
      recordId: visit.id,
      type: 'requested',
      status: 'requested',
      payload,
      requestId,
    },
    {
      action: 'home_visit.requested',
      targetType: 'home_visit',
      targetId: visit.id,
      unitCode: visit.unitCode,
      details: payload,
    },
  );
  return { trackingCode: visit.trackingCode, created: true };
}

async function sentBefore(tx: Tx, accountId: string, requestId: string): Promise<string | null> {
  const [row] = await tx
    .select({ trackingCode: homeVisits.trackingCode })
    .from(homeVisits)
    .where(and(eq(homeVisits.requesterAccountId, accountId), eq(homeVisits.requestId, requestId)));
  return row?.trackingCode ?? null;
}
