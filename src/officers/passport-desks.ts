import { can as canAppointment } from '../appointments/policy.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { addDays, dayOfWeek, witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { listUnits } from '../units/list-units.ts';
import type { Unit } from '../units/schema.ts';
import { actorScope } from '../units/scope.ts';
import { can as canPassport } from '../passports/policy.ts';
import { can as canRoster } from '../roster/policy.ts';

/** The label key of each page (catalogue), in the order the officer home lists them. */
export const deskPages = {
  dayList: 'counterDesk.home.dayList',
  quotas: 'counterDesk.home.quotas',
  stock: 'counterDesk.home.stock',
  books: 'counterDesk.home.books',
  pickupCapacity: 'counterDesk.home.pickupCapacity',
  pickupList: 'counterDesk.home.pickupList',
  calendar: 'roster.home.calendar',
  kits: 'roster.home.kits',
} as const;
export type PassportDesk = { unit: Unit; pages: { page: keyof typeof deskPages; href: string }[] };

/**
 * The passport-serving units in an officer's scope, with the office pages the officer may open at each (the pickup
 * desk's list is the coming Saturday's, today's on a Saturday).
 */
export async function passportDesks(db: Executor, actor: Actor, today = witaDate()): Promise<PassportDesk[]> {
  const scope = await actorScope(db, actor);
  const saturday = addDays(today, (6 - dayOfWeek(today) + 7) % 7);
  return (await listUnits(db))
    .filter((unit) => unit.services.includes('passport') && scope.includes(unit.code))
    .map((unit) => {
      const target = { unitCode: unit.code, scope };
      const at = `/officer/units/${unit.code}`;
      const allowed: [keyof typeof deskPages, boolean, string][] = [
        ['dayList', canAppointment(actor, 'day_list.view', target), `${at}/appointments`],
        ['quotas', canAppointment(actor, 'quota.edit', target), `${at}/quotas`],
        ['stock', canPassport(actor, 'stock.edit', target), `${at}/stock`],
        ['books', canPassport(actor, 'books.view', target), `${at}/books`],
        ['pickupCapacity', canPassport(actor, 'pickups.manage', target), `${at}/saturday-pickups`],
        ['pickupList', canPassport(actor, 'pickups.list', target), `${at}/saturday-pickups/${saturday}`],
        ['calendar', canRoster(actor, 'roster.view', target), `${at}/calendar`],
        ['kits', canRoster(actor, 'kits.view', target), `${at}/kits`],
      ];
      return { unit, pages: allowed.filter(([, ok]) => ok).map(([page, , href]) => ({ page, href })) };
    })
    .filter((desk) => desk.pages.length > 0);
}
