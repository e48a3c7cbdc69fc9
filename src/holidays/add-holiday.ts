import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { sqlState, type Tx } from '../platform/db/index.ts';
import { duplicateHoliday, resolveHoliday, type HolidayInput } from './resolve-holiday.ts';
import { holidays } from './schema.ts';

/** Adds a day without service; from then on no booking can be made on it at the units it closes. */
export async function addHoliday(tx: Tx, caller: Caller, input: HolidayInput) {
  const { holiday, unitCode } = await resolveHoliday(tx, input);
  const [row] = await tx
    .insert(holidays)
    .values(holiday)
    .returning()
    .catch((err: unknown) => {
      throw sqlState(err) === '23505' ? duplicateHoliday() : err;
    });
  await appendAudit(tx, caller, {
    action: 'holiday.add',
    targetType: 'holiday',
    targetId: row!.id,
    unitCode,
    details: { ...holiday },
  });
  return row!;
}
