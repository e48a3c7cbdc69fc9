import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { lodgingReadGrants } from './schema.ts';

/** A grant is for an operation or a season, not for ever: the head of office renews it when it is still needed. */
export const MAX_GRANT_DAYS = 366;

/**
 * The head of office gives a partner police account read access to the lodged foreigners of the unit's area until
 * `validUntil` (inclusive, WITA). The caller has been authorised for the unit (`lodging.grantRead`).
 */
export async function grantLodgingRead(
  tx: Tx,
  caller: Caller & { actor: { id: string } },
  input: { unitCode: string; email: string; validUntil: IsoDate },
  today: IsoDate,
) {
  const errors: Record<string, string> = {};
  const [partner] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.email, input.email.toLowerCase()),
        eq(accounts.kind, 'officer'),
        eq(accounts.role, 'partner'),
        isNull(accounts.disabledAt),
      ),
    );
  if (!partner) errors.email = 'lodgings.oversight.v.notPartner';
  if (input.validUntil < today || input.validUntil > addDays(today, MAX_GRANT_DAYS))
    errors.validUntil = 'lodgings.oversight.v.grantPeriod';
  if (!partner || Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const [grant] = await tx
    .insert(lodgingReadGrants)
    .values({
      accountId: partner.id,
      unitCode: input.unitCode,
      grantedBy: caller.actor.id,
      validUntil: input.validUntil,
    })
    .returning();
  await appendAudit(tx, caller, {
    action: 'lodging.grantRead',
    targetType: 'account',
    targetId: partner.id,
    unitCode: input.unitCode,
    details: { grantId: grant!.id, validUntil: input.validUntil },
  });
  return grant!;
}
