import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { sponsorMembers, sponsors, type Sponsor } from './schema.ts';

/** The sponsors the account is a member of, by name. */
export function listMySponsors(db: Executor, accountId: string): Promise<Sponsor[]> {
  return db
    .select({ sponsor: sponsors })
    .from(sponsorMembers)
    .innerJoin(sponsors, eq(sponsors.id, sponsorMembers.sponsorId))
    .where(and(eq(sponsorMembers.accountId, accountId), isNull(sponsorMembers.removedAt)))
    .orderBy(asc(sponsors.name))
    .then((rows) => rows.map((r) => r.sponsor));
}
