import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { lodgings, stays } from './schema.ts';

/** A person's stays, the latest first, with each lodging's name: for the person's record (its reader audits it). */
export function listStaysOfForeigner(db: Executor, foreignerId: string) {
  return db
    .select({
      id: stays.id,
      lodgingName: lodgings.name,
      regencyCode: stays.regencyCode,
      checkInAt: stays.checkInAt,
      checkOutAt: stays.checkOutAt,
    })
    .from(stays)
    .innerJoin(lodgings, eq(lodgings.id, stays.lodgingId))
    .where(eq(stays.foreignerId, foreignerId))
    .orderBy(desc(stays.checkInAt));
}
