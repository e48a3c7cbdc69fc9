import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { holidays } from './schema.ts';

/** Removes a holiday: the date is a serving day again (a removed national holiday is not seeded back, see seedHolidays). */
export async function removeHoliday(tx: Tx, caller: Caller, id: string) {
  const [row] = await tx.delete(holidays).where(eq(holidays.id, id)).returning();
  if (!row) throw new AppError('not_found');
  const { id: _id, ...removed } = row;
  await appendAudit(tx, caller, {
    action: 'holiday.remove',
    targetType: 'holiday',
    targetId: id,
    unitCode: row.unitCode,
    details: removed,
  });
  return row;
}
