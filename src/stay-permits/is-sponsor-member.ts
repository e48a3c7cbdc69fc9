import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { sponsorMembers } from './schema.ts';

/** Whether the account acts for the sponsor now. */
export async function isSponsorMember(db: Executor, sponsorId: string | null, accountId: string): Promise<boolean> {
  if (!sponsorId) return false;
  const [row] = await db
    .select({ sponsorId: sponsorMembers.sponsorId })
    .from(sponsorMembers)
    .where(
      and(
        eq(sponsorMembers.sponsorId, sponsorId),
        eq(sponsorMembers.accountId, accountId),
        isNull(sponsorMembers.removedAt),
      ),
    );
  return Boolean(row);
}
