import { releasedVisitPayload, releaseVisit } from '../appointments/release-visit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { clearPaidChange } from './permit-changes.ts';
import { performApplicationAction } from './perform-application-action.ts';
import type { PermitApplication } from './schema.ts';

/**
 * The applicant takes back an application not yet verified (an unpaid code then cannot be paid). A paid alih status
 * stops shielding the permit: stay-permits takes that change from this feature by its system name, the applicant
 * being the actor the audit names. A biometrics visit still ahead gives its place back; one whose day came is
 * cancelled (never verified, the applicant did not give their biometrics).
 */
export function withdrawApplication(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; requestId?: string },
  now = new Date(),
): Promise<PermitApplication> {
  return performApplicationAction(tx, caller, { ...input, step: 'withdraw' }, async (application) => {
    await clearPaidChange(tx, { ...caller, system: 'permit-services' }, application);
    const verified = application.verifiedBy !== null;
    const released = await releaseVisit(tx, { applicationId: application.id, verified }, now);
    return released ? { payload: releasedVisitPayload(released) } : {};
  });
}
