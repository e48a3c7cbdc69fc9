import { and, desc, eq, inArray, not } from 'drizzle-orm';
import { departedOnOrAfter } from '../foreigners/departed-sql.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { stayPermits, type StayPermit } from './schema.ts';

/**
 * The person's permit that ended before `today` while they are still here, for the border desk's check of someone
 * leaving: their latest permit that let them stay (active, or ended by an exit permit), past its last day, with no
 * change of status filed and paid before the end (§1.4), and no departure since its entry that was not followed by an
 * arrival (someone who left and came back is here again). Null when the person's stay is covered or Sikoe knows no
 * permit of theirs (a visitor under a visa-free stay, say).
 */
export async function findLapsedPermit(db: Executor, foreignerId: string, today: IsoDate): Promise<StayPermit | null> {
  const [latest] = await db
    .select()
    .from(stayPermits)
    .where(and(eq(stayPermits.foreignerId, foreignerId), inArray(stayPermits.status, ['active', 'ended'])))
    .orderBy(desc(stayPermits.validUntil))
    .limit(1);
  if (!latest || latest.validUntil >= today || latest.pendingChangePaidOn) return null;
  const [stayed] = await db
    .select({ id: stayPermits.id })
    .from(stayPermits)
    .where(and(eq(stayPermits.id, latest.id), not(departedOnOrAfter(stayPermits.foreignerId, stayPermits.entryDate))));
  return stayed ? latest : null;
}
