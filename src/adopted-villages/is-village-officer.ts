import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { adoptedVillages, villageOfficers } from './schema.ts';

/**
 * Whether the officer is a resident officer (PIMPASA) of the village (of any village, with `null`) on `today`: named
 * for it from a day not after `today` until a day after it (or no end), while the village's adoption is in force.
 */
export async function isVillageOfficer(
  db: Executor,
  officerId: string,
  villageCode: string | null,
  today: IsoDate,
): Promise<boolean> {
  const [row] = await db
    .select({ officerId: villageOfficers.officerId })
    .from(villageOfficers)
    .innerJoin(adoptedVillages, eq(adoptedVillages.villageCode, villageOfficers.villageCode))
    .where(
      and(
        eq(villageOfficers.officerId, officerId),
        villageCode === null ? undefined : eq(villageOfficers.villageCode, villageCode),
        lte(villageOfficers.since, today),
        or(isNull(villageOfficers.until), gt(villageOfficers.until, today)),
        lte(adoptedVillages.adoptedOn, today),
        or(isNull(adoptedVillages.endedOn), gt(adoptedVillages.endedOn, today)),
      ),
    )
    .limit(1);
  return !!row;
}
