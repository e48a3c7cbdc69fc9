import { and, eq, gt, isNull, lt, ne, or } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import type { OfficerInput } from './inputs.ts';
import { villageOfficers } from './schema.ts';
import { villageFor } from './village-access.ts';

/**
 * Appoints a PIMPASA: an active staff account of the village's own office (not a partner agency's, not an
 * auditor's), with the work phone the village may call. One officer holds one term at a time per village.
 */
export async function assignVillageOfficer(tx: Tx, caller: Caller, code: string, input: OfficerInput): Promise<void> {
  const { village } = await villageFor(tx, caller.actor, code, 'adopted_village.manage');
  const errors: FieldErrors = {};
  const [officer] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.id, input.officerId),
        eq(accounts.kind, 'officer'),
        eq(accounts.unitCode, village.unitCode),
        ne(accounts.role, 'partner'),
        ne(accounts.role, 'auditor'),
        isNull(accounts.disabledAt),
      ),
    );
  if (!officer) errors.officerId = 'adoptedVillages.v.officerUnit';
  if (input.until && input.until <= input.since) errors.until = 'adoptedVillages.v.untilAfter';
  if (village.endedOn) errors.since = 'adoptedVillages.v.ended';
  const overlapping = await tx
    .select({ since: villageOfficers.since })
    .from(villageOfficers)
    .where(
      and(
        eq(villageOfficers.villageCode, code),
        eq(villageOfficers.officerId, input.officerId),
        or(isNull(villageOfficers.until), gt(villageOfficers.until, input.since)),
        input.until ? lt(villageOfficers.since, input.until) : undefined,
      ),
    );
  if (overlapping.length > 0) errors.officerId = 'adoptedVillages.v.alreadyOfficer';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  await tx.insert(villageOfficers).values({
    villageCode: code,
    officerId: input.officerId,
    phone: input.phone,
    since: input.since,
    until: input.until ?? null,
  });
  await appendAudit(tx, caller, {
    action: 'adopted_village.officer_assign',
    targetType: 'adopted_village',
    targetId: code,
    unitCode: village.unitCode,
    details: { officerId: input.officerId, since: input.since, until: input.until ?? null },
  });
}
