import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { calculateFee, type Fee } from '../fees/calculate-fee.ts';
import { recordAction } from './actions.ts';
import { checkApplicant, openApplicationRace, type ApplicantFacts } from './applicant-rules.ts';
import { applications, type PassportType, type Speed } from './schema.ts';
import { newTrackingCode } from './tracking-code.ts';

export type NewApplication = ApplicantFacts & {
  fullName: string;
  /** The family-name part of the full name, '' for none; null when the client did not say (asked at the counter). */
  familyName: string | null;
  birthPlace: string;
  address: string;
  villageCode: string | null;
  phone: string;
  email: string;
  passportType: PassportType;
  speed: Speed;
};

export type CreatedApplication = { id: string; trackingCode: string; status: string; fee: Fee; warnings: string[] };

/** Submits a complete application in one step (the API); the fee is fixed from the tariff in force today (WITA). */
export async function createApplication(
  tx: Tx,
  caller: Caller,
  input: NewApplication,
  limits: { applicantsPerAccount: number },
  now = new Date(),
): Promise<CreatedApplication> {
  const accountId = caller.actor!.id;
  const today = witaDate(now);
  const { errors, warnings } = await checkApplicant(tx, accountId, input, today, limits.applicantsPerAccount);
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const fee = await calculateFee(tx, {
    passportType: input.passportType,
    validityYears: input.validityYears,
    speed: input.speed,
    kind: input.kind,
    on: today,
  });
  const trackingCode = newTrackingCode();
  const [row] = await tx
    .insert(applications)
    .values({
      ...input,
      accountId,
      trackingCode,
      status: 'submitted',
      feeTotal: fee.total,
      feeItems: fee.items,
      feeRegulation: fee.regulation,
      warnings,
      submittedAt: now,
    })
    .returning({ id: applications.id })
    .catch((err: unknown) => {
      throw openApplicationRace(err) ?? err;
    });
  await recordAction(tx, caller, {
    applicationId: row!.id,
    type: 'submitted',
    status: 'submitted',
    payload: { fee: fee.total },
  });
  await appendAudit(tx, caller, {
    action: 'application.submit',
    targetType: 'application',
    targetId: row!.id,
    unitCode: input.unitCode,
  });
  return { id: row!.id, trackingCode, status: 'submitted', fee, warnings };
}
