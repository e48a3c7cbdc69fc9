import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { sponsors, type Sponsor, type SponsorStatus } from './schema.ts';

/** The sponsors registered at these units, by name, of one status or all. */
export function listUnitSponsors(
  db: Executor,
  unitCodes: readonly string[],
  status?: SponsorStatus,
): Promise<Sponsor[]> {
  if (unitCodes.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(sponsors)
    .where(and(inArray(sponsors.unitCode, [...unitCodes]), status ? eq(sponsors.status, status) : undefined))
    .orderBy(asc(sponsors.name), asc(sponsors.id));
}
