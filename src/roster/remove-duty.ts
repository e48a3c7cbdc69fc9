import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { duties, type Duty } from './schema.ts';

/**
 * Takes one officer off counter duty on one day. Past days are the record of who served and stay; session and visit
 * duties are changed on the session's or visit's own page, where their history is kept.
 */
export async function removeDuty(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; dutyId: string },
  now = new Date(),
): Promise<Duty> {
  const [duty] = await tx
    .delete(duties)
    .where(and(eq(duties.id, input.dutyId), eq(duties.unitCode, input.unitCode)))
    .returning();
  if (!duty) throw new AppError('not_found');
  if (duty.kind !== 'counter' || duty.date < witaDate(now)) throw new AppError('invalid_transition');
  await appendAudit(tx, caller, {
    action: 'duty.remove',
    targetType: duty.kind,
    targetId: duty.id,
    unitCode: duty.unitCode,
    details: { date: duty.date, officerId: duty.officerId, kitId: duty.kitId },
  });
  return duty;
}
