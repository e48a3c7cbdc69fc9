import { and, asc, eq, inArray } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { partnerAgencies, timporaMeetings, timporaRecommendations, timporaTeamPartners } from './schema.ts';

/** The partner accounts of a team, with their agency, for its keepers. */
export function listTeamPartners(db: Executor, teamId: string) {
  return db
    .select({ accountId: accounts.id, name: accounts.name, email: accounts.email, agency: partnerAgencies.name })
    .from(timporaTeamPartners)
    .innerJoin(accounts, eq(accounts.id, timporaTeamPartners.accountId))
    .innerJoin(partnerAgencies, eq(partnerAgencies.id, timporaTeamPartners.agencyId))
    .where(eq(timporaTeamPartners.teamId, teamId))
    .orderBy(asc(partnerAgencies.name), asc(accounts.name));
}

/** The open recommendations of these teams' meetings, that an operation may come from. */
export function listOpenRecommendations(db: Executor, teamIds: string[]) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: timporaRecommendations.id, text: timporaRecommendations.text, heldOn: timporaMeetings.heldOn })
    .from(timporaRecommendations)
    .innerJoin(timporaMeetings, eq(timporaMeetings.id, timporaRecommendations.meetingId))
    .where(and(inArray(timporaMeetings.teamId, teamIds), eq(timporaRecommendations.status, 'open')))
    .orderBy(asc(timporaRecommendations.dueOn))
    .limit(200);
}
