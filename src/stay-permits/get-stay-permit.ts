import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { notFound } from '../platform/errors.ts';
import { stayPermits, type StayPermit } from './schema.ts';

/**
 * One permit as it stands. A query without a policy: routes and other features' use cases (permit-services) decide
 * who may see it before they ask.
 */
export async function getStayPermit(db: Executor, id: string): Promise<StayPermit> {
  const [permit] = await db.select().from(stayPermits).where(eq(stayPermits.id, id));
  if (!permit) throw notFound();
  return permit;
}
