import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { partnerAgencies, timporaTeamAgencies, timporaTeams, type TimporaTeam } from './schema.ts';
import type { TimporaViewer } from './timpora-viewer.ts';

export type TeamMember = { agencyId: string; code: string; name: string; contactName: string; contactPhone: string };
export type TeamWithMembers = TimporaTeam & { depth: number; members: TeamMember[] };

/** Parents before their children, each child under its parent: the tree as the page shows it, indented by depth. */
function asTree(teams: TimporaTeam[]): { team: TimporaTeam; depth: number }[] {
  const ids = new Set(teams.map((t) => t.id));
  const children = new Map<string | null, TimporaTeam[]>();
  for (const t of teams) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const out: { team: TimporaTeam; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const team of children.get(parent) ?? []) {
      out.push({ team, depth });
      visit(team.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The teams the viewer may see (an officer's unit scope, a partner's own teams) with their member agencies. */
export async function listTeams(db: Executor, viewer: TimporaViewer): Promise<TeamWithMembers[]> {
  const where = viewer.partner
    ? viewer.partner.teamIds.length > 0
      ? inArray(timporaTeams.id, viewer.partner.teamIds)
      : null
    : viewer.scope.length > 0
      ? inArray(timporaTeams.unitCode, viewer.scope)
      : null;
  if (!where) return [];
  const teams = await db.select().from(timporaTeams).where(where).orderBy(asc(timporaTeams.name)).limit(1000);
  if (teams.length === 0) return [];
  const members = await db
    .select({
      teamId: timporaTeamAgencies.teamId,
      agencyId: partnerAgencies.id,
      code: partnerAgencies.code,
      name: partnerAgencies.name,
      contactName: timporaTeamAgencies.contactName,
      contactPhone: timporaTeamAgencies.contactPhone,
    })
    .from(timporaTeamAgencies)
    .innerJoin(partnerAgencies, eq(partnerAgencies.id, timporaTeamAgencies.agencyId))
    .where(
      inArray(
        timporaTeamAgencies.teamId,
        teams.map((t) => t.id),
      ),
    )
    .orderBy(asc(partnerAgencies.name));
  return asTree(teams).map(({ team, depth }) => ({
    ...team,
    depth,
    members: members.filter((m) => m.teamId === team.id).map(({ teamId: _, ...m }) => m),
  }));
}
