import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError, notFound } from '../platform/errors.ts';
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

/** Ends a grant now; a grant already revoked stays as it was. */
export async function revokeLodgingRead(
  tx: Tx,
  caller: Caller & { actor: { id: string } },
  input: { unitCode: string; grantId: string },
) {
  const [grant] = await tx
    .update(lodgingReadGrants)
    .set({ revokedAt: sql`now()`, revokedBy: caller.actor.id })
    .where(
      and(
        eq(lodgingReadGrants.id, input.grantId),
        eq(lodgingReadGrants.unitCode, input.unitCode),
        isNull(lodgingReadGrants.revokedAt),
      ),
    )
    .returning();
  if (!grant) throw notFound();
  await appendAudit(tx, caller, {
    action: 'lodging.revokeRead',
    targetType: 'account',
    targetId: grant.accountId,
    unitCode: input.unitCode,
    details: { grantId: grant.id },
  });
  return grant;
}

/** The unit's grants, newest first, with the partner's name and address. */
export function listLodgingGrants(db: Executor, unitCode: string) {
  return db
    .select({
      id: lodgingReadGrants.id,
      partnerName: accounts.name,
      partnerEmail: accounts.email,
      grantedAt: lodgingReadGrants.grantedAt,
      validUntil: lodgingReadGrants.validUntil,
      revokedAt: lodgingReadGrants.revokedAt,
    })
    .from(lodgingReadGrants)
    .innerJoin(accounts, eq(accounts.id, lodgingReadGrants.accountId))
    .where(eq(lodgingReadGrants.unitCode, unitCode))
    .orderBy(desc(lodgingReadGrants.grantedAt));
}
