// Factories for Timpora's tests, and for other features' tests that need a team, an operation or a finding.
import { makeOfficer } from '../../test/factories.ts';
import type { Account } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { listDistricts, listVillages } from '../regions/queries.ts';
import {
  partnerAgencies,
  timporaOperations,
  timporaOperationTeams,
  timporaTeamAgencies,
  timporaTeamPartners,
  timporaTeams,
  type AgencyKind,
  type OperationStatus,
  type PartnerAgency,
  type TeamLevel,
  type TimporaOperation,
  type TimporaTeam,
} from './schema.ts';

const suffix = () => crypto.randomUUID().slice(0, 8).toUpperCase();

export async function makeAgency(db: Executor, kind: AgencyKind = 'police'): Promise<PartnerAgency> {
  const code = `AG-${suffix()}`;
  const [agency] = await db
    .insert(partnerAgencies)
    .values({ code, name: `Instansi ${code}`, kind })
    .returning();
  return agency!;
}

/** A team of Kanim Kupang (Kota Kupang) unless told otherwise, written directly: team rules have their own tests. */
export async function makeTeam(
  db: Executor,
  options: { unitCode?: string; level?: TeamLevel; parentId?: string | null } = {},
): Promise<TimporaTeam> {
  const [team] = await db
    .insert(timporaTeams)
    .values({
      name: `Timpora Uji ${suffix()}`,
      level: options.level ?? 'regency',
      parentId: options.parentId ?? null,
      unitCode: options.unitCode ?? 'KANIM-KUPANG',
      regionCode: '53.71',
      decreeNumber: `W21.IMI.1-GR.03.02-${suffix()}`,
      decreeDate: '2025-01-15',
      chairName: 'Kepala Kantor',
      chairPosition: 'Kepala Kantor Imigrasi',
      secretaryName: 'Kasi Inteldakim',
      secretaryPosition: 'Kepala Seksi Intelijen dan Penindakan',
    })
    .returning();
  return team!;
}

/** A partner account of the agency, seated with the agency in each team given. */
export async function makePartner(db: Executor, agency: PartnerAgency, teams: TimporaTeam[]): Promise<Account> {
  const partner = await makeOfficer(db, { role: 'partner', unitCode: teams[0]?.unitCode ?? 'KANIM-KUPANG' });
  for (const team of teams) {
    await db
      .insert(timporaTeamAgencies)
      .values({ teamId: team.id, agencyId: agency.id, contactName: 'Kontak', contactPhone: '0812 0000 0000' })
      .onConflictDoNothing();
    await db.insert(timporaTeamPartners).values({ teamId: team.id, accountId: partner.id, agencyId: agency.id });
  }
  return partner;
}

/** An operation of these teams in the given status, written directly (the workflow has its own tests). */
export async function makeOperation(
  db: Executor,
  teams: TimporaTeam[],
  status: OperationStatus = 'operation',
): Promise<TimporaOperation> {
  const [operation] = await db
    .insert(timporaOperations)
    .values({
      unitCode: teams[0]!.unitCode,
      title: `Operasi Uji ${suffix()}`,
      status,
      startsOn: '2026-03-02',
      endsOn: '2026-03-03',
    })
    .returning();
  await db.insert(timporaOperationTeams).values(teams.map((t) => ({ operationId: operation!.id, teamId: t.id })));
  return operation!;
}

/** A village of Kota Kupang (53.71), for findings and targets. */
export async function kupangVillage(db: Executor): Promise<string> {
  const [district] = await listDistricts(db, '53.71');
  const [village] = await listVillages(db, district!.code);
  return village!.code;
}
