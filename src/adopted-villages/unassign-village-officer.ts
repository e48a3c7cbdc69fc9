import { and, eq, gt, gte, isNull, lt, or, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { villageOfficers } from './schema.ts';
import { villageFor } from './village-access.ts';

/**
 * Ends an officer's term in the village today; a term that begins today or later is withdrawn. Past terms stay, so the
 * register tells who was the village's officer when.
 */
export async function unassignVillageOfficer(
  tx: Tx,
  caller: Caller,
  code: string,
  officerId: string,
  now = new Date(),
): Promise<void> {
  const today = witaDate(now);
  const { village } = await villageFor(tx, caller.actor, code, 'adopted_village.manage', today);
  const mine = and(eq(villageOfficers.villageCode, code), eq(villageOfficers.officerId, officerId));
  const open = or(isNull(villageOfficers.until), gt(villageOfficers.until, today));
  const withdrawn = await tx
    .delete(villageOfficers)
    .where(and(mine, gte(villageOfficers.since, today)))
    .returning();
  const ended = await tx
    .update(villageOfficers)
    .set({ until: today })
    .where(and(mine, lt(villageOfficers.since, today), open))
    .returning();
  if (withdrawn.length + ended.length === 0) throw new AppError('not_found');
  await appendAudit(tx, caller, {
    action: 'adopted_village.officer_unassign',
    targetType: 'adopted_village',
    targetId: code,
    unitCode: village.unitCode,
    details: { officerId, until: today },
  });
}

/**
 * Closes every PIMPASA term still open on `day` (the adoption ends then). A term not begun by then is closed on its
 * first day (empty, so it never counts) rather than deleted: the register keeps that the officer had been named.
 */
export async function endOfficerTerms(tx: Tx, code: string, day: IsoDate): Promise<void> {
  await tx
    .update(villageOfficers)
    .set({ until: sql`greatest(${villageOfficers.since}, ${day}::date)` })
    .where(
      and(eq(villageOfficers.villageCode, code), or(isNull(villageOfficers.until), gt(villageOfficers.until, day))),
    );
}
