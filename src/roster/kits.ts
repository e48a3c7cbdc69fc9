import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { mobileKits, type MobileKit } from './schema.ts';

/** A unit's kits, the ones in service first. */
export function listKits(db: Executor, unitCode: string): Promise<MobileKit[]> {
  return db
    .select()
    .from(mobileKits)
    .where(eq(mobileKits.unitCode, unitCode))
    .orderBy(desc(mobileKits.active), asc(mobileKits.name));
}
