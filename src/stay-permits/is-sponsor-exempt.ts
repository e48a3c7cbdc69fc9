import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { sponsorExemptions, type EntryBasis, type PermitType } from './schema.ts';

/** Whether a permit of this type and entry basis, valid from `on`, needs no sponsor under the rule in force then. */
export async function isSponsorExempt(
  db: Executor,
  type: PermitType,
  entryBasis: EntryBasis,
  on: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: sponsorExemptions.id })
    .from(sponsorExemptions)
    .where(
      and(
        eq(sponsorExemptions.permitType, type),
        or(isNull(sponsorExemptions.entryBasis), eq(sponsorExemptions.entryBasis, entryBasis)),
        lte(sponsorExemptions.validFrom, on),
        or(isNull(sponsorExemptions.validUntil), gte(sponsorExemptions.validUntil, on)),
      ),
    )
    .limit(1);
  return Boolean(row);
}
