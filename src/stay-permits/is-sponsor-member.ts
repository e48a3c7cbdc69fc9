import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { sponsorMembers } from './schema.ts';

/** Whether the account currently acts for the sponsor (a member not removed). */
export async function isSponsorMember(db: Executor, sponsorId: string, accountId: string): Promise<boolean> {
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
  return !!row;
}
