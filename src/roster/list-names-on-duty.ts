import { eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { duties, mobileKits } from './schema.ts';

/** Who and what is on the duties of a session or visit (`refId`): one officer's or one kit's name per duty. */
export function listNamesOnDuty(
  db: Executor,
  refId: string,
): Promise<{ officerName: string | null; kitName: string | null }[]> {
  return db
    .select({ officerName: accounts.name, kitName: mobileKits.name })
    .from(duties)
    .leftJoin(accounts, eq(accounts.id, duties.officerId))
    .leftJoin(mobileKits, eq(mobileKits.id, duties.kitId))
    .where(eq(duties.refId, refId));
}
