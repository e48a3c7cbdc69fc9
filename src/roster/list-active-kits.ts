import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { mobileKits, type MobileKit } from './schema.ts';

/** The kits in service at the units given (a unit, or a unit's scope), by name: what may go out with officers. */
export function listActiveKits(db: Executor, unitCodes: readonly string[]): Promise<MobileKit[]> {
  if (unitCodes.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(mobileKits)
    .where(and(inArray(mobileKits.unitCode, [...unitCodes]), eq(mobileKits.active, true)))
    .orderBy(asc(mobileKits.name));
}
