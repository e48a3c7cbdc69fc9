import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { clearPaidChange } from './permit-changes.ts';
import { performApplicationAction } from './perform-application-action.ts';
import type { PermitApplication } from './schema.ts';

/**
 * The applicant takes back an application not yet verified (an unpaid code then cannot be paid). A paid alih status
 * stops shielding the permit: stay-permits takes that change from this feature by its system name, the applicant
 * being the actor the audit names.
 */
export function withdrawApplication(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; requestId?: string },
): Promise<PermitApplication> {
  return performApplicationAction(tx, caller, { ...input, step: 'withdraw' }, async (application) => {
    await clearPaidChange(tx, { ...caller, system: 'permit-services' }, application);
    return {};
  });
}
