import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { stayPermits, type StayPermit } from './schema.ts';

/** A person's permits, the latest first (a converted permit and the one that followed it are both there). */
export function listPermitsOfForeigner(db: Executor, foreignerId: string): Promise<StayPermit[]> {
  return db
    .select()
    .from(stayPermits)
    .where(eq(stayPermits.foreignerId, foreignerId))
    .orderBy(desc(stayPermits.validFrom), desc(stayPermits.createdAt));
}
