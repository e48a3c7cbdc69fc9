import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { actorScope } from '../units/scope.ts';
import { isPartner } from './policy.ts';
import { timporaTeamPartners } from './schema.ts';

/**
 * Who reads Timpora records, as the queries need it: an officer's unit scope, or a partner's one agency and teams.
 * A partner account in no team has no agency and sees nothing.
 */
export type TimporaViewer = {
  actor: Actor;
  scope: string[];
  partner: { agencyId: string | null; teamIds: string[] } | null;
};

export async function timporaViewer(db: Executor, actor: Actor): Promise<TimporaViewer> {
  if (!isPartner(actor)) return { actor, scope: await actorScope(db, actor), partner: null };
  const rows = await db
    .select({ teamId: timporaTeamPartners.teamId, agencyId: timporaTeamPartners.agencyId })
    .from(timporaTeamPartners)
    .where(eq(timporaTeamPartners.accountId, actor.id));
  return {
    actor,
    scope: [],
    partner: { agencyId: rows[0]?.agencyId ?? null, teamIds: rows.map((r) => r.teamId) },
  };
}

/** The policy's target for a record of these teams, run by this unit. */
export const targetFor = (viewer: TimporaViewer, unitCode: string, teamIds: readonly string[]) => ({
  unitCode,
  scope: viewer.scope,
  member: viewer.partner ? teamIds.some((id) => viewer.partner!.teamIds.includes(id)) : false,
});
