import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { listUnits } from '../units/list-units.ts';
import type { Unit } from '../units/schema.ts';
import { actorScope } from '../units/scope.ts';
import { can as canPassport } from '../passports/policy.ts';
import { can as canRoster } from '../roster/policy.ts';
import { can } from './policy.ts';

export type PassportDesk = { unit: Unit; quotas: boolean; stock: boolean; dayList: boolean; books: boolean; pickupCapacity: boolean; pickupList: boolean; calendar: boolean; kits: boolean };

/** The passport-serving units in an officer's scope, with the booking pages the officer may open for each. */
export async function passportDesks(db: Executor, actor: Actor): Promise<PassportDesk[]> {
  const scope = await actorScope(db, actor);
  return (await listUnits(db))
    .filter((unit) => unit.services.includes('passport') && scope.includes(unit.code))
    .map((unit) => {
      const target = { unitCode: unit.code, scope };
      return {
        unit,
        quotas: can(actor, 'quota.edit', target),
        stock: can(actor, 'stock.edit', target),
        dayList: can(actor, 'day_list.view', target),
        books: canPassport(actor, 'books.view', target),
        pickupCapacity: canPassport(actor, 'pickups.manage', target),
        pickupList: canPassport(actor, 'pickups.list', target),
        calendar: canRoster(actor, 'roster.view', target),
        kits: canRoster(actor, 'kits.view', target),
      };
    })
    .filter((d) => d.quotas || d.stock || d.dayList || d.books || d.pickupList || d.calendar || d.kits);
}
