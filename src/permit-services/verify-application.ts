import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { ruleOf } from './get-application.ts';
import { performApplicationAction } from './perform-application-action.ts';
import type { PermitApplication } from './schema.ts';

/**
 * A verifier has checked the documents (and, when the service takes them, the biometrics at the booked visit). The
 * verifier is recorded: they may not decide the same application.
 */
export function verifyApplication(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; note?: string | null; requestId?: string },
): Promise<PermitApplication> {
  return performApplicationAction(tx, caller, { ...input, step: 'verify' }, async (application) => {
    const rule = await ruleOf(tx, application);
    if (rule.biometrics && !application.biometricsOn)
      throw new AppError('validation_failed', { note: 'permitServices.v.biometricsFirst' });
    return { set: { verifiedBy: caller.actor!.id }, payload: { note: input.note ?? null } };
  });
}
