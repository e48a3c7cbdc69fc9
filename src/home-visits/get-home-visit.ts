import { and, desc, eq, inArray } from 'drizzle-orm';
import { normaliseTrackingCode } from '../applications/tracking-code.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { isOverdue } from './answer-deadline.ts';
import { authorize, authorizeRole, type HomeVisitAction } from './policy.ts';
import { homeVisits, type HomeVisit } from './schema.ts';

/** The requester's own request; anyone else's code answers "not found", so codes cannot be probed. */
export async function visitOfRequester(db: Executor, actor: Actor, trackingCode: string): Promise<HomeVisit> {
  const [visit] = await db
    .select()
    .from(homeVisits)
    .where(
      and(
        eq(homeVisits.trackingCode, normaliseTrackingCode(trackingCode)),
        eq(homeVisits.requesterAccountId, actor.id),
      ),
    );
  if (!visit) throw new AppError('not_found');
  return visit;
}

/** A visit the officer may see or act on: their role is checked before the lookup, their unit's scope after. */
export async function visitForOfficer(
  db: Executor,
  actor: Actor | null,
  id: string,
  action: HomeVisitAction,
): Promise<HomeVisit> {
  authorizeRole(actor, action);
  const [visit] = await db.select().from(homeVisits).where(eq(homeVisits.id, id));
  if (!visit) throw new AppError('not_found');
  authorize(actor, action, { unitCode: visit.unitCode, scope: await actorScope(db, actor) });
  return visit;
}

export type ListedVisit = HomeVisit & { overdue: boolean };

/** The units' requests, the overdue first, then by deadline, the answered after the open ones; at most 200. */
export async function listHomeVisits(db: Executor, scope: readonly string[], today: IsoDate): Promise<ListedVisit[]> {
  if (scope.length === 0) return [];
  const rows = await db
    .select()
    .from(homeVisits)
    .where(inArray(homeVisits.unitCode, [...scope]))
    .orderBy(desc(homeVisits.createdAt))
    .limit(200);
  const rank = (v: ListedVisit) => (v.overdue ? 0 : v.answeredAt ? 2 : 1);
  return rows
    .map((v) => ({ ...v, overdue: isOverdue(v, today) }))
    .sort((a, b) => rank(a) - rank(b) || a.answerDueOn.localeCompare(b.answerDueOn));
}
