import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { closedDays } from '../holidays/closed-days.ts';
import { accounts } from '../platform/auth/schema.ts';
import { datesBetween, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { checkRange } from './assign-counter-duty.ts';
import { duties, mobileKits } from './schema.ts';

export type CounterEntry = { dutyId: string; officerId: string; officerName: string };
/** A session, visit or village activity on the day, with the officers and kits it takes. */
export type OutreachEntry = { refId: string; officers: string[]; kits: string[] };
export type CalendarDay = {
  date: IsoDate;
  /** Why the unit is closed ('weekend' or the holiday's name), null on a working day. */
  closed: string | null;
  counter: CounterEntry[];
  sessions: OutreachEntry[];
  visits: OutreachEntry[];
  villages: OutreachEntry[];
  pickup: { capacity: number; booked: number } | null;
};

/**
 * A unit's Saturday pickup places (si Koe TOS) from `from` to `to`. Passports keep them and sit above roster, so the
 * calendar is given this query by whoever composes it (`app.ts`).
 */
export type PickupSlots = (
  db: Executor,
  unitCode: string,
  from: IsoDate,
  to: IsoDate,
) => Promise<{ date: IsoDate; capacity: number; booked: number }[]>;

/** Everything on a unit's calendar from `from` to `to`: duties, sessions, visits, village activities, Saturday pickups, closed days. */
export async function unitCalendar(
  db: Executor,
  unitCode: string,
  from: IsoDate,
  to: IsoDate,
  pickupSlots: PickupSlots,
): Promise<CalendarDay[]> {
  checkRange(from, to);
  const [closed, rows, slots] = await Promise.all([
    closedDays(db, unitCode, from, to),
    db
      .select({
        id: duties.id,
        date: duties.date,
        kind: duties.kind,
        refId: duties.refId,
        officerId: duties.officerId,
        officerName: accounts.name,
        kitName: mobileKits.name,
      })
      .from(duties)
      .leftJoin(accounts, eq(accounts.id, duties.officerId))
      .leftJoin(mobileKits, eq(mobileKits.id, duties.kitId))
      .where(and(eq(duties.unitCode, unitCode), gte(duties.date, from), lte(duties.date, to)))
      .orderBy(asc(duties.date), asc(accounts.name), asc(mobileKits.name)),
    pickupSlots(db, unitCode, from, to),
  ]);
  return datesBetween(from, to).map((date) => {
    const today = rows.filter((r) => r.date === date);
    const outreach = (kind: 'session' | 'visit' | 'village'): OutreachEntry[] => {
      const byRef = new Map<string, OutreachEntry>();
      for (const r of today.filter((x) => x.kind === kind && x.refId)) {
        const entry = byRef.get(r.refId!) ?? { refId: r.refId!, officers: [], kits: [] };
        if (r.officerName) entry.officers.push(r.officerName);
        if (r.kitName) entry.kits.push(r.kitName);
        byRef.set(r.refId!, entry);
      }
      return [...byRef.values()];
    };
    const slot = slots.find((s) => s.date === date);
    return {
      date,
      closed: closed.get(date) ?? null,
      counter: today
        .filter((r) => r.kind === 'counter' && r.officerId)
        .map((r) => ({ dutyId: r.id, officerId: r.officerId!, officerName: r.officerName ?? '' })),
      sessions: outreach('session'),
      visits: outreach('visit'),
      villages: outreach('village'),
      pickup: slot ? { capacity: slot.capacity, booked: slot.booked } : null,
    };
  });
}
