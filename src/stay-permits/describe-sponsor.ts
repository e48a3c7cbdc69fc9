import { and, asc, eq, isNull } from 'drizzle-orm';
import { listForeignerNames } from '../foreigners/list-foreigner-names.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { listPermitsOfSponsor } from './list-permits-of-sponsor.ts';
import { sponsorMembers, sponsors } from './schema.ts';

/** A sponsor's page: the sponsor, its members, and only its own permits with each holder. */
export async function describeSponsor(db: Executor, sponsorId: string) {
  const [sponsor] = await db.select().from(sponsors).where(eq(sponsors.id, sponsorId));
  if (!sponsor) throw new AppError('not_found');
  const members = await db
    .select({ accountId: accounts.id, name: accounts.name, email: accounts.email })
    .from(sponsorMembers)
    .innerJoin(accounts, eq(accounts.id, sponsorMembers.accountId))
    .where(and(eq(sponsorMembers.sponsorId, sponsorId), isNull(sponsorMembers.removedAt)))
    .orderBy(asc(accounts.name));
  const permits = await listPermitsOfSponsor(db, sponsorId);
  const people = await listForeignerNames(
    db,
    permits.map((p) => p.foreignerId),
  );
  return { sponsor, members, permits: permits.map((p) => ({ ...p, holder: people.get(p.foreignerId)! })) };
}
export type DescribedSponsor = Awaited<ReturnType<typeof describeSponsor>>;
