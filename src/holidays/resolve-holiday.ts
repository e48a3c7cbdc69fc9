import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { getUnit } from '../units/list-units.ts';
import { organisationRoot } from '../units/organisation-root.ts';
import type { HolidayKind } from './schema.ts';

export type HolidayInput = { date: IsoDate; name: string; kind: HolidayKind; unitCode: string | null };

/**
 * A holiday as it is stored, and the unit it belongs to for authorisation. National holidays and cuti bersama close
 * every unit (no unit of their own: they belong to the organisation's root); an office closure needs its unit.
 */
export async function resolveHoliday(
  db: Executor,
  input: HolidayInput,
): Promise<{ holiday: HolidayInput; unitCode: string }> {
  if (input.kind !== 'office_closure')
    return { holiday: { ...input, unitCode: null }, unitCode: await organisationRoot(db) };
  if (!input.unitCode) throw new AppError('validation_failed', { unitCode: 'holidays.closureNeedsUnit' });
  const unit = await getUnit(db, input.unitCode).catch(() => {
    throw new AppError('validation_failed', { unitCode: 'v.unit' });
  });
  return { holiday: input, unitCode: unit.code };
}

export const duplicateHoliday = () => new AppError('validation_failed', { date: 'holidays.duplicate' });
