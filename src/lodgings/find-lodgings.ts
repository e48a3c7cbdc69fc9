import { inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { lodgings } from './schema.ts';

export type LodgingPlace = { id: string; name: string; address: string; villageCode: string; unitCode: string };

/** Where these lodgings are, for other features that name lodgings (a Timpora operation's targets). */
export async function findLodgings(db: Executor, ids: readonly string[]): Promise<LodgingPlace[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: lodgings.id,
      name: lodgings.name,
      address: lodgings.address,
      villageCode: lodgings.villageCode,
      unitCode: lodgings.unitCode,
    })
    .from(lodgings)
    .where(inArray(lodgings.id, [...new Set(ids)]));
}
