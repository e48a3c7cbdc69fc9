// Helpers shared by the si Koe Peduli tests (not loaded by the application).
import { eq } from 'drizzle-orm';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Db, Executor } from '../platform/db/index.ts';
import { villages } from '../regions/schema.ts';
import { mobileKits } from '../roster/schema.ts';
import { makeNik, makeUnit } from '../../test/factories.ts';
import { acceptHomeVisit } from './accept-home-visit.ts';
import { requestHomeVisit, type HomeVisitRequest } from './request-home-visit.ts';
import { homeVisits } from './schema.ts';

/** A Kantor Imigrasi of its own that offers si Koe Peduli. */
export const makePeduliUnit = (db: Executor) => makeUnit(db, { services: ['passport', 'koe_peduli'] });

export async function makeKit(db: Executor, unitCode: string, name = 'Perangkat Keliling 1') {
  const [kit] = await db.insert(mobileKits).values({ unitCode, name }).returning();
  return kit!;
}

/** The birth date of someone `years` old today (WITA), born on the 14th. */
export function bornYearsAgo(years: number, today: IsoDate = witaDate()): IsoDate {
  const [y, m] = today.split('-');
  const date = `${Number(y) - years}-${m}-14`;
  return date > `${Number(y) - years}-${today.slice(5)}` ? `${Number(y) - years - 1}-${m}-14` : date;
}

/** A valid request for an elderly woman at home in Kota Kupang, by her child. */
export async function visitRequest(
  db: Executor,
  unitCode: string,
  overrides: Partial<HomeVisitRequest> = {},
  today: IsoDate = witaDate(),
): Promise<HomeVisitRequest> {
  const [village] = await db
    .select({ code: villages.code })
    .from(villages)
    .where(eq(villages.districtCode, '53.71.01'))
    .limit(1);
  const applicantBirthDate = overrides.applicantBirthDate ?? bornYearsAgo(72, today);
  return {
    requesterRelation: 'child',
    applicantName: 'Martha Ndun',
    applicantNik: makeNik(applicantBirthDate, 'F'),
    applicantBirthDate,
    reason: 'elderly',
    placeKind: 'home',
    address: 'Jl. El Tari No. 1, RT 02/RW 01',
    villageCode: village!.code,
    unitCode,
    preferredDates: [addDays(today, 5), addDays(today, 6)],
    ...overrides,
  };
}

/** A request made by the citizen through the use case, returned as stored. */
export async function makeVisit(
  db: Db,
  requester: Account,
  unitCode: string,
  overrides: Partial<HomeVisitRequest> = {},
) {
  const input = await visitRequest(db, unitCode, overrides);
  const caller = { ...systemCaller('test'), actor: citizenActor(requester) };
  const { trackingCode } = await db.transaction((tx) => requestHomeVisit(tx, caller, input));
  const [visit] = await db.select().from(homeVisits).where(eq(homeVisits.trackingCode, trackingCode));
  return visit!;
}

/** A request already accepted by a head of office. */
export async function makeAcceptedVisit(db: Db, requester: Account, head: Account, unitCode: string) {
  const visit = await makeVisit(db, requester, unitCode);
  return db.transaction((tx) =>
    acceptHomeVisit(tx, { ...systemCaller('test'), actor: officerActor(head) }, { visitId: visit.id }),
  );
}

export const citizenActor = (a: Account) => ({
  id: a.id,
  kind: 'citizen' as const,
  role: null,
  unitCode: null,
  name: a.name,
  email: a.email,
  emailVerified: true,
  mfaPassed: true,
  totpEnabled: false,
  via: 'session' as const,
});
export const officerActor = (a: Account) => ({
  ...citizenActor(a),
  kind: 'officer' as const,
  role: a.role,
  unitCode: a.unitCode,
});
