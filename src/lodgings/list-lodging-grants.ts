import { desc, eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { lodgingReadGrants } from './schema.ts';

/** The unit's grants, newest first, with the partner's name and address. */
export function listLodgingGrants(db: Executor, unitCode: string) {
  return db
    .select({
      id: lodgingReadGrants.id,
      partnerName: accounts.name,
      partnerEmail: accounts.email,
      grantedAt: lodgingReadGrants.grantedAt,
      validUntil: lodgingReadGrants.validUntil,
      revokedAt: lodgingReadGrants.revokedAt,
    })
    .from(lodgingReadGrants)
    .innerJoin(accounts, eq(accounts.id, lodgingReadGrants.accountId))
    .where(eq(lodgingReadGrants.unitCode, unitCode))
    .orderBy(desc(lodgingReadGrants.grantedAt));
}
