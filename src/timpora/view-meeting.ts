import { asc, desc, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { getTeam } from './manage-teams.ts';
import { authorize, authorizeRole } from './policy.ts';
import {
  partnerAgencies,
  recommendationActions,
  timporaMeetings,
  timporaRecommendations,
  type TimporaMeeting,
  type TimporaRecommendation,
  type TimporaTeam,
} from './schema.ts';
import { targetFor, timporaViewer, type TimporaViewer } from './timpora-viewer.ts';

export type RecommendationView = TimporaRecommendation & {
  agencyName: string;
  history: { type: string; at: Date; note: string | null }[];
};
export type MeetingView = {
  meeting: TimporaMeeting;
  team: TimporaTeam;
  agenciesPresent: { id: string; name: string }[];
  recommendations: RecommendationView[];
  viewer: TimporaViewer;
};

async function agencyNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: partnerAgencies.id, name: partnerAgencies.name })
    .from(partnerAgencies)
    .where(inArray(partnerAgencies.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A meeting with its recommendations and their follow-up, for the team's officers and partners; every read audited. */
export async function viewMeeting(tx: Tx, caller: Caller, meetingId: string): Promise<MeetingView> {
  authorizeRole(caller.actor, 'timpora.read');
  const [meeting] = await tx.select().from(timporaMeetings).where(eq(timporaMeetings.id, meetingId));
  if (!meeting) throw new AppError('not_found');
  const team = await getTeam(tx, meeting.teamId);
  const viewer = await timporaViewer(tx, caller.actor!);
  authorize(caller.actor, 'timpora.read', targetFor(viewer, team.unitCode, [team.id]));
  const recs = await tx
    .select()
    .from(timporaRecommendations)
    .where(eq(timporaRecommendations.meetingId, meeting.id))
    .orderBy(asc(timporaRecommendations.dueOn));
  const history = recs.length
    ? await tx
        .select()
        .from(recommendationActions)
        .where(
          inArray(
            recommendationActions.recommendationId,
            recs.map((r) => r.id),
          ),
        )
        .orderBy(desc(recommendationActions.id))
    : [];
  const names = await agencyNames(tx, [...meeting.agenciesPresent, ...recs.map((r) => r.agencyId)]);
  await appendAudit(tx, caller, {
    action: 'timpora.meeting.read',
    targetType: 'timpora_meeting',
    targetId: meeting.id,
    unitCode: team.unitCode,
    details: viewer.partner ? { partnerAgencyId: viewer.partner.agencyId } : {},
  });
  return {
    meeting,
    team,
    viewer,
    agenciesPresent: meeting.agenciesPresent.map((id) => ({ id, name: names.get(id) ?? id })),
    recommendations: recs.map((r) => ({
      ...r,
      agencyName: names.get(r.agencyId) ?? '',
      history: history
        .filter((h) => h.recommendationId === r.id)
        .map((h) => ({ type: h.type, at: h.at, note: typeof h.payload.note === 'string' ? h.payload.note : null })),
    })),
  };
}

/** The meetings of a team, newest first. */
export function listMeetingsOfTeams(db: Executor, teamIds: string[]): Promise<TimporaMeeting[]> {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(timporaMeetings)
    .where(inArray(timporaMeetings.teamId, teamIds))
    .orderBy(desc(timporaMeetings.heldOn))
    .limit(200);
}
