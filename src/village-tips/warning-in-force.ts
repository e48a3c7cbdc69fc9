import { and, gte, isNull, lt, or, type SQL } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { villageWarnings, type VillageWarning } from './schema.ts';

/**
 * The one meaning of "a warning in force on a day" (a WITA day): raised by that day's end, not closed before that
 * day's end, and not expired (its `expiresOn` is the last day it holds). For today this is "open and not expired";
 * for a past day it is what held then, whatever has happened since.
 */
export function inForceOn(day: IsoDate): SQL {
  const dayEnd = witaInstant(addDays(day, 1));
  return and(
    lt(villageWarnings.raisedAt, dayEnd),
    or(isNull(villageWarnings.closedAt), gte(villageWarnings.closedAt, dayEnd)),
    or(isNull(villageWarnings.expiresOn), gte(villageWarnings.expiresOn, day)),
  )!;
}

/** Open but past its last day: no longer read at the interview, though nobody closed it. */
export const isExpired = (w: Pick<VillageWarning, 'status' | 'expiresOn'>, today: IsoDate): boolean =>
  w.status === 'open' && !!w.expiresOn && w.expiresOn < today;
