import { and, eq, gte, isNull } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { lodgingReadGrants, type LodgingReadGrant } from './schema.ts';

/** The partner account's grant for the unit that is neither revoked nor past its last day (WITA `today`). */
export async function findLiveGrant(
  db: Executor,
  accountId: string,
  unitCode: string,
  today: IsoDate,
): Promise<LodgingReadGrant | undefined> {
  const [grant] = await db
    .select()
    .from(lodgingReadGrants)
    .where(
      and(
        eq(lodgingReadGrants.accountId, accountId),
        eq(lodgingReadGrants.unitCode, unitCode),
        isNull(lodgingReadGrants.revokedAt),
        gte(lodgingReadGrants.validUntil, today),
      ),
    )
    .limit(1);
  return grant;
}
