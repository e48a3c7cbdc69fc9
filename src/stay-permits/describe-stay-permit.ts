import { asc, eq } from 'drizzle-orm';
import { getForeigner } from '../foreigners/get-foreigner.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { getStayPermit } from './get-stay-permit.ts';
import { permitChangeReports, sponsors, stayPermitActions, stayPermits } from './schema.ts';

/**
 * One permit with what its page shows: the holder, the sponsor, the history with who acted, the permits before and
 * after it by alih status, and the changes its sponsor reported.
 */
export async function describeStayPermit(db: Executor, id: string) {
  const permit = await getStayPermit(db, id);
  const holder = await getForeigner(db, permit.foreignerId);
  const [sponsor] = permit.sponsorId ? await db.select().from(sponsors).where(eq(sponsors.id, permit.sponsorId)) : [];
  const history = await db
    .select({
      type: stayPermitActions.type,
      at: stayPermitActions.at,
      payload: stayPermitActions.payload,
      actorName: accounts.name,
    })
    .from(stayPermitActions)
    .leftJoin(accounts, eq(accounts.id, stayPermitActions.actorId))
    .where(eq(stayPermitActions.permitId, id))
    .orderBy(asc(stayPermitActions.id));
  const [next] = await db
    .select({ id: stayPermits.id, type: stayPermits.type })
    .from(stayPermits)
    .where(eq(stayPermits.previousPermitId, id));
  const changes = await db
    .select()
    .from(permitChangeReports)
    .where(eq(permitChangeReports.permitId, id))
    .orderBy(asc(permitChangeReports.reportedAt));
  return { permit, holder, sponsor: sponsor ?? null, history, next: next ?? null, changes };
}
export type DescribedPermit = Awaited<ReturnType<typeof describeStayPermit>>;
