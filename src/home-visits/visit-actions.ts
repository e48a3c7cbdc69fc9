import { asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { homeVisitActions, homeVisits, type HomeVisit } from './schema.ts';

/** The visit locked for a change, so two officers answering at once take turns and the second sees the first. */
export async function lockHomeVisit(tx: Tx, id: string): Promise<HomeVisit> {
  const [visit] = await tx.select().from(homeVisits).where(eq(homeVisits.id, id)).for('update');
  if (!visit) throw new AppError('not_found');
  return visit;
}

export type VisitHistoryEntry = { type: string; at: Date; actorId: string | null; payload: Record<string, unknown> };

export function visitHistory(db: Executor, visitId: string): Promise<VisitHistoryEntry[]> {
  return db
    .select({
      type: homeVisitActions.type,
      at: homeVisitActions.at,
      actorId: homeVisitActions.actorId,
      payload: homeVisitActions.payload,
    })
    .from(homeVisitActions)
    .where(eq(homeVisitActions.visitId, visitId))
    .orderBy(asc(homeVisitActions.id));
}
