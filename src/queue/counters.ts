import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import type { Unit } from '../units/schema.ts';

/** The counter by that name when the unit has it (its `counters`, kept by admins), else undefined. */
export const listedCounter = (unit: Pick<Unit, 'counters'>, name: string | null | undefined): string | undefined =>
  name && unit.counters.includes(name) ? name : undefined;

/** Refuses a counter the unit does not have: officers at the desk pick theirs from the unit's list. */
export function requireListedCounter(unit: Pick<Unit, 'counters'>, name: string): string {
  const counter = listedCounter(unit, name);
  if (!counter) throw new AppError('validation_failed', { counter: 'queue.errors.unknownCounter' });
  return counter;
}

/** An officer's counter is remembered for the rest of the WITA day they chose it on. */
export const endOfWitaDay = (now = new Date()) => witaInstant(addDays(witaDate(now), 1));
