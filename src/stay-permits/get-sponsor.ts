import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { sponsors, type Sponsor } from './schema.ts';

/** One sponsor as registered; a query without a policy (the caller has decided who may see it). */
export async function getSponsor(db: Executor, id: string): Promise<Sponsor> {
  const [sponsor] = await db.select().from(sponsors).where(eq(sponsors.id, id));
  if (!sponsor) throw new AppError('not_found');
  return sponsor;
}
