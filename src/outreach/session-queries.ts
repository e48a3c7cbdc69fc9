import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { findVillagePlaces } from '../regions/find-village-places.ts';
import { selectVillagesInRegency } from '../regions/select-villages-in-regency.ts';
import { listActiveKits } from '../roster/list-active-kits.ts';
import { listNamesOnDuty } from '../roster/list-names-on-duty.ts';
import { listUnits } from '../units/list-units.ts';
import {
  outreachActions,
  outreachSessions,
  sessionParticipants,
  type OrganiserKind,
  type SessionStatus,
} from './schema.ts';

/** The village, district and regency a session is in, by name, and its unit's name. */
type Place = {
  villageName: string | null;
  districtName: string | null;
  regencyCode: string | null;
  regencyName: string | null;
  unitName: string;
};

/** Each session with its place and unit by name, in the order given; a session of a unit that does not exist is left out. */
async function withPlaces<T extends { villageCode: string; unitCode: string }>(
  db: Executor,
  rows: T[],
): Promise<(Omit<T, 'villageCode'> & Place)[]> {
  if (rows.length === 0) return [];
  const [places, units] = await Promise.all([
    findVillagePlaces(
      db,
      rows.map((r) => r.villageCode),
    ),
    listUnits(db),
  ]);
  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  return rows.flatMap(({ villageCode, ...row }) => {
    const unitName = unitNames.get(row.unitCode);
    if (unitName === undefined) return [];
    const place = places.get(villageCode);
    const named = {
      villageName: place?.villageName ?? null,
      districtName: place?.districtName ?? null,
      regencyCode: place?.regencyCode ?? null,
      regencyName: place?.regencyName ?? null,
    };
    return [{ ...row, ...named, unitName }];
  });
}

export type PublicSession = {
  unitCode: string;
  unitName: string;
  date: IsoDate;
  venue: string;
  villageName: string | null;
  districtName: string | null;
  regencyCode: string | null;
  regencyName: string | null;
  organiserKind: OrganiserKind;
  organiserName: string;
  capacity: number | null;
};

/**
 * Approved sessions from today on (WITA), soonest first, optionally in one regency (53.xx). Only what the public
 * may know: no contact, participants, tracking or session code.
 */
export async function upcomingSessions(db: Executor, today: IsoDate, regencyCode?: string): Promise<PublicSession[]> {
  const rows = await db
    .select({
      unitCode: outreachSessions.unitCode,
      villageCode: outreachSessions.villageCode,
      date: outreachSessions.date,
      venue: outreachSessions.venue,
      organiserKind: outreachSessions.organiserKind,
      organiserName: outreachSessions.organiserName,
      capacity: outreachSessions.capacity,
    })
    .from(outreachSessions)
    .where(
      and(
        eq(outreachSessions.status, 'approved'),
        gte(outreachSessions.date, today),
        regencyCode ? inArray(outreachSessions.villageCode, selectVillagesInRegency(db, regencyCode)) : undefined,
      ),
    )
    .orderBy(asc(outreachSessions.date), asc(outreachSessions.venue))
    .limit(200);
  return (await withPlaces(db, rows)).map((r) => ({ ...r, date: r.date! }));
}

/** What the organiser sees when following their request: the status and the decision, nothing personal beyond their name. */
export async function sessionStatusByCode(db: Executor, trackingCode: string) {
  const rows = await db
    .select({
      unitCode: outreachSessions.unitCode,
      villageCode: outreachSessions.villageCode,
      trackingCode: outreachSessions.trackingCode,
      status: outreachSessions.status,
      organiserName: outreachSessions.organiserName,
      date: outreachSessions.date,
      deliveryDate: outreachSessions.deliveryDate,
      refusalReason: outreachSessions.refusalReason,
    })
    .from(outreachSessions)
    .where(eq(outreachSessions.trackingCode, trackingCode.trim().toUpperCase()));
  const [row] = await withPlaces(db, rows);
  return row ?? null;
}

export type SessionListItem = {
  id: string;
  unitName: string;
  status: SessionStatus;
  organiserName: string;
  venue: string;
  villageName: string | null;
  regencyName: string | null;
  preferredDates: string[];
  date: string | null;
  expectedParticipants: number;
  createdAt: Date;
};

/** Sessions of the units in scope, newest request first, optionally of one status. */
export async function listSessions(
  db: Executor,
  scope: readonly string[],
  status?: SessionStatus,
): Promise<SessionListItem[]> {
  if (scope.length === 0) return [];
  const rows = await db
    .select({
      id: outreachSessions.id,
      unitCode: outreachSessions.unitCode,
      villageCode: outreachSessions.villageCode,
      status: outreachSessions.status,
      organiserName: outreachSessions.organiserName,
      venue: outreachSessions.venue,
      preferredDates: outreachSessions.preferredDates,
      date: outreachSessions.date,
      expectedParticipants: outreachSessions.expectedParticipants,
      createdAt: outreachSessions.createdAt,
    })
    .from(outreachSessions)
    .where(
      and(inArray(outreachSessions.unitCode, [...scope]), status ? eq(outreachSessions.status, status) : undefined),
    )
    .orderBy(desc(outreachSessions.createdAt))
    .limit(500);
  return withPlaces(db, rows);
}

/** The session's place names, participants, history and who and what is on its duty. */
export async function sessionDetails(db: Executor, id: string) {
  const located = await db
    .select({ unitCode: outreachSessions.unitCode, villageCode: outreachSessions.villageCode })
    .from(outreachSessions)
    .where(eq(outreachSessions.id, id));
  const [[place], participants, history, assigned] = await Promise.all([
    withPlaces(db, located),
    db
      .select()
      .from(sessionParticipants)
      .where(eq(sessionParticipants.sessionId, id))
      .orderBy(asc(sessionParticipants.createdAt), asc(sessionParticipants.fullName)),
    db
      .select({ action: outreachActions, actorName: accounts.name })
      .from(outreachActions)
      .leftJoin(accounts, eq(accounts.id, outreachActions.actorId))
      .where(eq(outreachActions.subjectId, id))
      .orderBy(asc(outreachActions.id)),
    listNamesOnDuty(db, id),
  ]);
  return { place: place ?? null, participants, history, assigned };
}

/** Who and what the approval form offers: the unit's active officers and its active kits. */
export async function unitResources(db: Executor, unitCode: string) {
  const [officers, kits] = await Promise.all([
    db
      .select({ id: accounts.id, name: accounts.name, role: accounts.role })
      .from(accounts)
      .where(and(eq(accounts.kind, 'officer'), eq(accounts.unitCode, unitCode), sql`${accounts.disabledAt} is null`))
      .orderBy(asc(accounts.name)),
    listActiveKits(db, [unitCode]),
  ]);
  return { officers, kits: kits.map((k) => ({ id: k.id, name: k.name, serial: k.serial })) };
}
