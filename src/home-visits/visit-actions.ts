import { and, asc, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { outreachActions } from '../outreach/schema.ts';
import { homeVisits, type HomeVisit, type HomeVisitStatus } from './schema.ts';

/** The visit locked for a change, so two officers answering at once take turns and the second sees the first. */
export async function lockHomeVisit(tx: Tx, id: string): Promise<HomeVisit> {
  const [visit] = await tx.select().from(homeVisits).where(eq(homeVisits.id, id)).for('update');
  if (!visit) throw new AppError('not_found');
  return visit;
}

/** Refuses a change the visit's status does not allow, naming the status it is in. */
export function assertStatus(visit: HomeVisit, allowed: readonly HomeVisitStatus[], step: string): void {
  if (!allowed.includes(visit.status)) throw new AppError('invalid_transition', undefined, { step, status: visit.status });
}

type VisitChange = { type: string; status?: HomeVisitStatus; set?: Partial<HomeVisit>; payload?: Record<string, unknown>; requestId?: string | null };

/**
 * Appends one action to the visit's history (who, when, what, why), moves its cached status and writes the audit
 * entry, all in the caller's transaction.
 */
export async function recordVisitAction(tx: Tx, caller: Caller, visit: HomeVisit, change: VisitChange): Promise<void> {
  await tx.insert(outreachActions).values({
    subjectType: 'visit',
    subjectId: visit.id,
    type: change.type,
    actorId: caller.actor?.id ?? null,
    payload: { ...(change.status ? { status: change.status } : {}), ...(change.payload ?? {}) },
    requestId: change.requestId ?? null,
  });
  const set = { ...(change.set ?? {}), ...(change.status ? { status: change.status } : {}) };
  if (Object.keys(set).length > 0) await tx.update(homeVisits).set(set).where(eq(homeVisits.id, visit.id));
  await appendAudit(tx, caller, { action: `home_visit.${change.type}`, targetType: 'home_visit', targetId: visit.id, unitCode: visit.unitCode, details: change.payload ?? {} });
}

/** Whether this request id already made an action on the visit: a resent form then changes nothing. */
export async function alreadyDone(tx: Executor, visitId: string, requestId: string | null | undefined): Promise<boolean> {
  if (!requestId) return false;
  const [done] = await tx.select({ id: outreachActions.id }).from(outreachActions).where(and(eq(outreachActions.subjectId, visitId), eq(outreachActions.requestId, requestId)));
  return !!done;
}

export type VisitHistoryEntry = { type: string; at: Date; actorId: string | null; payload: Record<string, unknown> };

export function visitHistory(db: Executor, visitId: string): Promise<VisitHistoryEntry[]> {
  return db
    .select({ type: outreachActions.type, at: outreachActions.at, actorId: outreachActions.actorId, payload: outreachActions.payload })
    .from(outreachActions)
    .where(and(eq(outreachActions.subjectType, 'visit'), eq(outreachActions.subjectId, visitId)))
    .orderBy(asc(outreachActions.id));
}
