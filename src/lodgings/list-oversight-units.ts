import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { can } from './policy.ts';
import { lodgingReadGrants } from './schema.ts';

/**
 * The units whose lodged foreigners the officer may open (for the officer's home page): an overseer's own unit, a
 * partner's units of live grants.
 */
export async function listOversightUnits(db: Executor, actor: Actor, now = new Date()): Promise<string[]> {
  if (actor.role === 'partner') {
    const rows = await db
      .selectDistinct({ unitCode: lodgingReadGrants.unitCode })
      .from(lodgingReadGrants)
      .where(
        and(
          eq(lodgingReadGrants.accountId, actor.id),
          isNull(lodgingReadGrants.revokedAt),
          gte(lodgingReadGrants.validUntil, witaDate(now)),
        ),
      )
      .orderBy(asc(lodgingReadGrants.unitCode));
    return rows.map((r) => r.unitCode);
  }
  const own = actor.unitCode;
  return own && can(actor, 'lodging.readLodged', { unitCode: own, scope: [own] }) ? [own] : [];
}
