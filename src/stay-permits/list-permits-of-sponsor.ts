import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { stayPermits, type StayPermit } from './schema.ts';

/** The permits a sponsor answers for, the ones ending soonest first. */
export function listPermitsOfSponsor(db: Executor, sponsorId: string): Promise<StayPermit[]> {
  return db
    .select()
    .from(stayPermits)
    .where(eq(stayPermits.sponsorId, sponsorId))
    .orderBy(stayPermits.validUntil, stayPermits.createdAt);
}
