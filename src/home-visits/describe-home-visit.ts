import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { applications } from '../applications/schema.ts';
import { accounts } from '../platform/auth/schema.ts';
import { ageOn, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { districts, regencies, villages } from '../regions/schema.ts';
import { mobileKits } from '../roster/schema.ts';
import { unitScope } from '../units/scope.ts';
import { isOverdue } from './answer-deadline.ts';
import type { HomeVisit } from './schema.ts';
import { visitHistory, type VisitHistoryEntry } from './visit-actions.ts';

/** Roles that go out on a visit: the counter staff who run the steps on site. */
const fieldRoles = ['head_of_office', 'counter_officer', 'verifier'] as const;

export type VisitDetails = {
  visit: HomeVisit;
  history: VisitHistoryEntry[];
  requester: { name: string; email: string };
  age: number;
  regionName: string;
  overdue: boolean;
  application: { id: string; trackingCode: string } | null;
  team: { officers: { id: string; name: string }[]; kits: { id: string; name: string }[] };
};

/** Everything the officer's page shows about one request, with the officers and kits that could go. */
export async function describeHomeVisit(db: Executor, visit: HomeVisit, today: IsoDate): Promise<VisitDetails> {
  const scope = await unitScope(db, visit.unitCode);
  const [requester] = await db.select({ name: accounts.name, email: accounts.email }).from(accounts).where(eq(accounts.id, visit.requesterAccountId));
  const [region] = await db
    .select({ village: villages.name, district: districts.name, regency: regencies.name })
    .from(villages)
    .innerJoin(districts, eq(districts.code, villages.districtCode))
    .innerJoin(regencies, eq(regencies.code, districts.regencyCode))
    .where(eq(villages.code, visit.villageCode));
  const [application] = visit.applicationId
    ? await db.select({ id: applications.id, trackingCode: applications.trackingCode }).from(applications).where(eq(applications.id, visit.applicationId))
    : [];
  const officers = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.kind, 'officer'), inArray(accounts.unitCode, scope), inArray(accounts.role, [...fieldRoles]), isNull(accounts.disabledAt)))
    .orderBy(asc(accounts.name));
  const kits = await db
    .select({ id: mobileKits.id, name: mobileKits.name })
    .from(mobileKits)
    .where(and(inArray(mobileKits.unitCode, scope), eq(mobileKits.active, true)))
    .orderBy(asc(mobileKits.name));
  return {
    visit,
    history: await visitHistory(db, visit.id),
    requester: requester ?? { name: '—', email: '—' },
    age: ageOn(visit.applicantBirthDate, today),
    regionName: region ? `${region.village}, ${region.district}, ${region.regency}` : visit.villageCode,
    overdue: isOverdue(visit, today),
    application: application ?? null,
    team: { officers, kits },
  };
}
