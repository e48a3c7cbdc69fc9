import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { districts, regencies, villages } from '../regions/schema.ts';
import { duties, mobileKits } from '../roster/schema.ts';
import { units } from '../units/schema.ts';
import { outreachActions, outreachSessions, sessionParticipants, type OrganiserKind, type SessionStatus } from './schema.ts';

/** The village, district and regency a session is in, by name. */
const place = {
  villageName: villages.name,
  districtName: districts.name,
  regencyCode: regencies.code,
  regencyName: regencies.name,
};

function withPlace<T extends object>(db: Executor, columns: T) {
  return db
    .select({ ...columns, ...place, unitName: units.name })
    .from(outreachSessions)
    .innerJoin(units, eq(units.code, outreachSessions.unitCode))
    .leftJoin(villages, eq(villages.code, outreachSessions.villageCode))
    .leftJoin(districts, eq(districts.code, villages.districtCode))
    .leftJoin(regencies, eq(regencies.code, districts.regencyCode));
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
  const rows = await withPlace(db, {
    unitCode: outreachSessions.unitCode,
    date: outreachSessions.date,
    venue: outreachSessions.venue,
    organiserKind: outreachSessions.organiserKind,
    organiserName: outreachSessions.organiserName,
    capacity: outreachSessions.capacity,
  })
    .where(and(eq(outreachSessions.status, 'approved'), gte(outreachSessions.date, today), regencyCode ? eq(regencies.code, regencyCode) : undefined))
    .orderBy(asc(outreachSessions.date), asc(outreachSessions.venue))
    .limit(200);
  return rows.map((r) => ({ ...r, date: r.date! }));
}

/** What the organiser sees when following their request: the status and the decision, nothing personal beyond their name. */
export async function sessionStatusByCode(db: Executor, trackingCode: string) {
  const [row] = await withPlace(db, {
    trackingCode: outreachSessions.trackingCode,
    status: outreachSessions.status,
    organiserName: outreachSessions.organiserName,
    date: outreachSessions.date,
    deliveryDate: outreachSessions.deliveryDate,
    refusalReason: outreachSessions.refusalReason,
  }).where(eq(outreachSessions.trackingCode, trackingCode.trim().toUpperCase()));
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
export async function listSessions(db: Executor, scope: readonly string[], status?: SessionStatus): Promise<SessionListItem[]> {
  if (scope.length === 0) return [];
  return withPlace(db, {
    id: outreachSessions.id,
    status: outreachSessions.status,
    organiserName: outreachSessions.organiserName,
    venue: outreachSessions.venue,
    preferredDates: outreachSessions.preferredDates,
    date: outreachSessions.date,
    expectedParticipants: outreachSessions.expectedParticipants,
    createdAt: outreachSessions.createdAt,
  })
    .where(and(inArray(outreachSessions.unitCode, [...scope]), status ? eq(outreachSessions.status, status) : undefined))
    .orderBy(desc(outreachSessions.createdAt))
    .limit(500);
}

/** The session's place names, participants, history and who and what is on its duty. */
export async function sessionDetails(db: Executor, id: string) {
  const [placeRow] = await withPlace(db, {}).where(eq(outreachSessions.id, id));
  const [participants, history, assigned] = await Promise.all([
    db.select().from(sessionParticipants).where(eq(sessionParticipants.sessionId, id)).orderBy(asc(sessionParticipants.createdAt), asc(sessionParticipants.fullName)),
    db.select({ action: outreachActions, actorName: accounts.name }).from(outreachActions).leftJoin(accounts, eq(accounts.id, outreachActions.actorId)).where(eq(outreachActions.subjectId, id)).orderBy(asc(outreachActions.id)),
    db
      .select({ officerName: accounts.name, kitName: mobileKits.name })
      .from(duties)
      .leftJoin(accounts, eq(accounts.id, duties.officerId))
      .leftJoin(mobileKits, eq(mobileKits.id, duties.kitId))
      .where(eq(duties.refId, id)),
  ]);
  return { place: placeRow ?? null, participants, history, assigned };
}

/** Who and what the approval form offers: the unit's active officers and its active kits. */
export async function unitResources(db: Executor, unitCode: string) {
  const [officers, kits] = await Promise.all([
    db
      .select({ id: accounts.id, name: accounts.name, role: accounts.role })
      .from(accounts)
      .where(and(eq(accounts.kind, 'officer'), eq(accounts.unitCode, unitCode), sql`${accounts.disabledAt} is null`))
      .orderBy(asc(accounts.name)),
    db.select({ id: mobileKits.id, name: mobileKits.name, serial: mobileKits.serial }).from(mobileKits).where(and(eq(mobileKits.unitCode, unitCode), eq(mobileKits.active, true))).orderBy(asc(mobileKits.name)),
  ]);
  return { officers, kits };
}
