import { and, eq, isNull, lte } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { stays } from './schema.ts';

/**
 * The person left Indonesia (the border desk recorded the departure): every stay of theirs still open is checked out
 * at that moment, in the caller's transaction, so oversight no longer counts them as lodged. Each closed stay is
 * audited with the reason `departed`; the lodging's own later check-out then finds the stay closed and changes nothing.
 */
export async function checkOutDeparted(
  tx: Tx,
  caller: Caller,
  input: { foreignerId: string; at: Date },
): Promise<number> {
  const closed = await tx
    .update(stays)
    .set({ checkOutAt: input.at, checkOutReportedAt: input.at })
    .where(and(eq(stays.foreignerId, input.foreignerId), isNull(stays.checkOutAt), lte(stays.checkInAt, input.at)))
    .returning({ id: stays.id, unitCode: stays.unitCode, lodgingId: stays.lodgingId });
  for (const stay of closed)
    await appendAudit(tx, caller, {
      action: 'lodging.check_out',
      targetType: 'stay',
      targetId: stay.id,
      unitCode: stay.unitCode,
      details: { lodgingId: stay.lodgingId, reason: 'departed' },
    });
  return closed.length;
}
