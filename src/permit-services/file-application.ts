import { and, eq, inArray } from 'drizzle-orm';
import { closedDays } from '../holidays/closed-days.ts';
import { issueBilling } from '../payments/issue-billing.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { nthWorkingDay } from '../platform/calendar/working-days.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { constraintOf, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { mailApplicant } from './application-mails.ts';
import { applicantRoleOf, permitOf, type HolderProof } from './permit-changes.ts';
import { permitApplicationActions, permitApplications, type PermitApplication, type PermitService } from './schema.ts';
import { assertEligible, feeFor, findServiceRule } from './service-rules.ts';
import { openStatuses } from './workflow.ts';

export type FilingInput = {
  service: PermitService;
  permitId: string;
  reason?: string | null;
  requestId?: string;
} & HolderProof;

/** A billing code for a permit service is payable for a week, and never after the permit's last day. */
const PAYABLE_DAYS = 7;

/** Services that end a permit. */
const endingServices = new Set(['epo', 'cancellation']);

const alreadyOpen = () => new AppError('validation_failed', { service: 'permitServices.v.alreadyOpen' });

/**
 * Files an application for a service on a permit, by the foreigner who holds it (proven by passport, birth date and the
 * permit's number) or a member of its sponsor; anyone else, or a permit that does not exist, is refused with one field
 * message and nothing is written. The rule in force today must allow it (else a field error and nothing is written), the fee comes from the tariff in
 * force today, and a billing code is issued with it (a free service starts paid, its SLA running from today). A resend
 * with the same request id returns the application already filed.
 */
export async function fileApplication(
  tx: Tx,
  caller: Caller,
  input: FilingInput,
  now = new Date(),
): Promise<PermitApplication> {
  const actor = caller.actor;
  if (!actor) throw new AppError('unauthenticated');
  if (input.requestId) {
    const [done] = await tx
      .select()
      .from(permitApplications)
      .where(
        and(eq(permitApplications.applicantAccountId, actor.id), eq(permitApplications.requestId, input.requestId)),
      );
    if (done) return done;
  }
  const permit = await permitOf(tx, input.permitId);
  const role = permit && (await applicantRoleOf(tx, actor, permit, input));
  // One answer whether the permit is missing or the applicant did not prove a tie to it: the refusal must not tell
  // someone trying passport numbers that a permit exists.
  if (!permit || !role) throw new AppError('validation_failed', { permitId: 'permitServices.v.notHolder' });
  // Ending a sponsored permit is the sponsor's to ask (§1.5): what the holder proves must not be enough to end
  // someone's stay when a sponsor answers for it.
  if (role === 'foreigner' && permit.sponsorId && endingServices.has(input.service))
    throw new AppError('validation_failed', { service: 'permitServices.v.sponsorEnds' });
  const on = witaDate(now);
  const rule = assertEligible(await findServiceRule(tx, input.service, permit, on), permit, on);
  const [open] = await tx
    .select({ id: permitApplications.id })
    .from(permitApplications)
    .where(and(eq(permitApplications.permitId, permit.id), inArray(permitApplications.status, [...openStatuses])));
  if (open) throw alreadyOpen();
  const fee = await feeFor(tx, rule, on);
  const free = fee.amount === 0;
  const closed = free ? await closedDays(tx, permit.unitCode, on, addDays(on, 60)) : null;
  let application: PermitApplication;
  try {
    [application] = (await tx
      .insert(permitApplications)
      .values({
        service: input.service,
        permitId: permit.id,
        foreignerId: permit.foreignerId,
        unitCode: permit.unitCode,
        applicantAccountId: actor.id,
        applicantRole: role,
        status: free ? 'paid' : 'billed',
        ruleId: rule.id,
        filedOn: on,
        permitUntil: permit.validUntil,
        feeAmount: fee.amount,
        feeRegulation: fee.regulation,
        paidOn: free ? on : null,
        dueOn: closed ? nthWorkingDay(on, rule.slaWorkingDays, (d) => closed.has(d)) : null,
        reason: input.reason ?? null,
        requestId: input.requestId ?? null,
      })
      .returning()) as [PermitApplication];
  } catch (err) {
    if (constraintOf(err) === 'permit_applications_open_key') throw alreadyOpen();
    throw err;
  }
  if (!free) application = await bill(tx, application, now);
  await recordFiling(tx, caller, application, input.requestId);
  await mailApplicant(tx, application, 'filed', { amount: fee.amount, code: application.billingCode ?? '-' });
  return application;
}

/** The billing code for the fee, payable for a week and never after the permit's last day. */
async function bill(tx: Tx, application: PermitApplication, now: Date): Promise<PermitApplication> {
  const lastDay = witaInstant(addDays(application.permitUntil, 1));
  const week = new Date(now.getTime() + PAYABLE_DAYS * 86_400_000);
  const billing = await issueBilling(tx, {
    purpose: 'stay_permit_service',
    subjectId: application.id,
    amount: application.feeAmount,
    expiresAt: week < lastDay ? week : lastDay,
  });
  await tx
    .update(permitApplications)
    .set({ billingCode: billing.code })
    .where(eq(permitApplications.id, application.id));
  return { ...application, billingCode: billing.code };
}

/** The application's first history entry and its audit entry. */
async function recordFiling(tx: Tx, caller: Caller, application: PermitApplication, requestId?: string) {
  const payload = {
    service: application.service,
    permitId: application.permitId,
    fee: application.feeAmount,
    billingCode: application.billingCode,
  };
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: permitApplicationActions,
      entry: { applicationId: application.id },
      record: permitApplications,
      recordId: application.id,
      type: 'filed',
      status: application.status,
      payload,
      requestId,
    },
    {
      action: 'permit_application.filed',
      targetType: 'permit_application',
      targetId: application.id,
      unitCode: application.unitCode,
      details: payload,
    },
  );
}
