import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { listDistricts, regencyExists } from '../regions/queries.ts';
import { getUnit } from '../units/list-units.ts';
import { unitScope } from '../units/scope.ts';
import { authorize, authorizeRole } from './policy.ts';
import { partnerAgencies, timporaTeamAgencies, timporaTeamPartners, timporaTeams, type TimporaTeam } from './schema.ts';
import { timporaViewer } from './timpora-viewer.ts';

export type TeamInput = Omit<TimporaTeam, 'id' | 'createdAt'>;

/** The level a team's parent has: a regency team sits under the province's, a kecamatan team under its regency's. */
const parentLevel = { province: null, waters: 'province', regency: 'province', district: 'regency' } as const;

async function teamErrors(db: Executor, input: TeamInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const unit = await getUnit(db, input.unitCode).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  });
  const kanwilTeam = input.level === 'province' || input.level === 'waters';
  if (!unit) errors.unitCode = 'v.unit';
  else if (unit.kind !== (kanwilTeam ? 'kanwil' : 'kanim')) errors.unitCode = 'timpora.v.unitForLevel';
  if (input.level === 'regency' && !(input.regionCode && (await regencyExists(db, input.regionCode))))
    errors.regionCode = 'timpora.v.regency';
  if (input.level === 'district') {
    const code = input.regionCode ?? '';
    const districts = await listDistricts(db, code.slice(0, 5));
    if (!districts.some((d) => d.code === code)) errors.regionCode = 'timpora.v.district';
  }
  const wanted = parentLevel[input.level];
  if (input.parentId) {
    const [parent] = await db.select().from(timporaTeams).where(eq(timporaTeams.id, input.parentId));
    const code = input.regionCode ?? '';
    // The parent covers the team's region and its unit is the team's or one above it: never a neighbour's team.
    const inRegion = !parent?.regionCode || code === parent.regionCode || code.startsWith(`${parent.regionCode}.`);
    if (!parent || parent.level !== wanted || !inRegion) errors.parentId = 'timpora.v.parent';
    else if (!(await unitScope(db, parent.unitCode)).includes(input.unitCode)) errors.parentId = 'timpora.v.parent';
  } else if (input.level === 'district') errors.parentId = 'timpora.v.parent';
  return errors;
}

/** A team formed by its decree (SK), run by an immigration unit in the caller's scope. */
export async function createTeam(tx: Tx, caller: Caller, input: TeamInput): Promise<TimporaTeam> {
  authorizeRole(caller.actor, 'timpora.manage');
  const viewer = await timporaViewer(tx, caller.actor!);
  authorize(caller.actor, 'timpora.manage', { unitCode: input.unitCode, scope: viewer.scope });
  const errors = await teamErrors(tx, input);
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const [team] = await tx.insert(timporaTeams).values(input).returning();
  await appendAudit(tx, caller, {
    action: 'timpora.team.create',
    targetType: 'timpora_team',
    targetId: team!.id,
    unitCode: team!.unitCode,
    details: { level: team!.level, decreeNumber: team!.decreeNumber },
  });
  return team!;
}

export async function getTeam(db: Executor, id: string): Promise<TimporaTeam> {
  const [team] = await db.select().from(timporaTeams).where(eq(timporaTeams.id, id));
  if (!team) throw new AppError('not_found');
  return team;
}

export async function listTeamsByIds(db: Executor, ids: readonly string[]): Promise<TimporaTeam[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(timporaTeams)
    .where(inArray(timporaTeams.id, [...ids]))
    .orderBy(asc(timporaTeams.name));
}

/** The officer's teams to keep: those their unit scope runs. */
export async function requireManagedTeam(tx: Tx, caller: Caller, teamId: string): Promise<TimporaTeam> {
  authorizeRole(caller.actor, 'timpora.manage');
  const team = await getTeam(tx, teamId);
  const viewer = await timporaViewer(tx, caller.actor!);
  authorize(caller.actor, 'timpora.manage', { unitCode: team.unitCode, scope: viewer.scope });
  return team;
}

/** An agency joins the team with its contact person there; sent again, the contact is updated. */
export async function addTeamAgency(
  tx: Tx,
  caller: Caller,
  input: { teamId: string; agencyId: string; contactName: string; contactPhone: string },
): Promise<void> {
  const team = await requireManagedTeam(tx, caller, input.teamId);
  const [agency] = await tx.select().from(partnerAgencies).where(eq(partnerAgencies.id, input.agencyId));
  if (!agency) throw new AppError('validation_failed', { agencyId: 'v.choose' });
  await tx
    .insert(timporaTeamAgencies)
    .values(input)
    .onConflictDoUpdate({
      target: [timporaTeamAgencies.teamId, timporaTeamAgencies.agencyId],
      set: { contactName: input.contactName, contactPhone: input.contactPhone },
    });
  await appendAudit(tx, caller, {
    action: 'timpora.team.agency',
    targetType: 'timpora_team',
    targetId: team.id,
    unitCode: team.unitCode,
    details: { agencyId: agency.id },
  });
}

/**
 * A partner account joins a team for its agency. An account belongs to one agency: linking it for another is
 * refused, and the agency must sit in the team.
 */
export async function linkPartner(
  tx: Tx,
  caller: Caller,
  input: { teamId: string; email: string; agencyId: string },
): Promise<{ accountId: string }> {
  const team = await requireManagedTeam(tx, caller, input.teamId);
  const [partner] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.email, input.email), eq(accounts.role, 'partner'), isNull(accounts.disabledAt)));
  if (!partner) throw new AppError('validation_failed', { email: 'timpora.v.notPartner' });
  const [seated] = await tx
    .select()
    .from(timporaTeamAgencies)
    .where(and(eq(timporaTeamAgencies.teamId, team.id), eq(timporaTeamAgencies.agencyId, input.agencyId)));
  if (!seated) throw new AppError('validation_failed', { agencyId: 'timpora.v.agencyNotInTeam' });
  const [other] = await tx
    .select({ agencyId: timporaTeamPartners.agencyId })
    .from(timporaTeamPartners)
    .where(eq(timporaTeamPartners.accountId, partner.id))
    .limit(1);
  if (other && other.agencyId !== input.agencyId)
    throw new AppError('validation_failed', { agencyId: 'timpora.v.otherAgency' });
  await tx
    .insert(timporaTeamPartners)
    .values({ teamId: team.id, accountId: partner.id, agencyId: input.agencyId, addedBy: caller.actor?.id ?? null })
    .onConflictDoNothing();
  await appendAudit(tx, caller, {
    action: 'timpora.team.partner',
    targetType: 'account',
    targetId: partner.id,
    unitCode: team.unitCode,
    details: { teamId: team.id, agencyId: input.agencyId },
  });
  return { accountId: partner.id };
}
