import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { sqlState, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { duplicateHoliday, resolveHoliday, type HolidayInput } from './resolve-holiday.ts';
import { holidays } from './schema.ts';

export async function updateHoliday(tx: Tx, caller: Caller, id: string, input: HolidayInput) {
  const [before] = await tx.select().from(holidays).where(eq(holidays.id, id)).for('update');
  if (!before) throw new AppError('not_found');
  const { holiday, unitCode } = await resolveHoliday(tx, input);
  const [after] = await tx
    .update(holidays)
    .set(holiday)
    .where(eq(holidays.id, id))
    .returning()
    .catch((err: unknown) => {
      throw sqlState(err) === '23505' ? duplicateHoliday() : err;
    });
  const { id: _id, ...was } = before;
  await appendAudit(tx, caller, {
    action: 'holiday.update',
    targetType: 'holiday',
    targetId: id,
    unitCode,
    details: { before: was, after: holiday },
  });
  return after!;
}
