import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordAction } from './actions.ts';
import { lockApplication } from './get-application.ts';
import type { ApplicationStatus } from './schema.ts';
import { isBooked } from './application-statuses.ts';

/** Only a submitted application without a booking can be withdrawn: the page offers it then, the use case checks it. */
export const mayWithdraw = (application: { status: ApplicationStatus }): boolean => application.status === 'submitted';

/**
 * The applicant gives up a submitted application they no longer want, so the person may apply again (one open
 * application per NIK and passport type). Only before a booking: a booked place is cancelled first (its own page),
 * and a paid one is settled at the office. Its documents stay on record with it; a place offered from a waiting
 * list lapses to the next in line, who is then offered it.
 */
export async function withdrawApplication(tx: Tx, caller: Caller, input: { applicationId: string }): Promise<void> {
  const application = await lockApplication(tx, input.applicationId);
  if (isBooked(application.status)) throw new AppError('already_booked');
  if (!mayWithdraw(application)) throw new AppError('invalid_transition');
  await recordAction(tx, caller, { applicationId: application.id, type: 'withdrawn', status: 'cancelled' });
  await appendAudit(tx, caller, {
    action: 'application.withdraw',
    targetType: 'application',
    targetId: application.id,
    unitCode: application.unitCode,
  });
}
