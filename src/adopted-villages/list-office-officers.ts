import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { can as rosterCan } from '../roster/policy.ts';
import type { AdoptedVillageView } from './list-adopted-villages.ts';
import type { VillageTarget } from './policy.ts';

/** The office's active staff (no partner agencies' or auditors' accounts): who may go out to a village. */
export function listOfficeOfficers(db: Executor, unitCode: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(
      and(
        eq(accounts.kind, 'officer'),
        eq(accounts.unitCode, unitCode),
        ne(accounts.role, 'partner'),
        ne(accounts.role, 'auditor'),
        isNull(accounts.disabledAt),
      ),
    )
    .orderBy(asc(accounts.name));
}

/**
 * Whom the actor may put on one of the village's activities. Those who keep the office's roster (`roster.manage`:
 * the head, admins) may take anyone of its staff off the counter for the day; everyone else only themselves and the
 * village's PIMPASA of today, who are appointed to go out to it. Always among the office's own active staff.
 */
export async function activityOfficers(
  db: Executor,
  actor: Actor,
  village: AdoptedVillageView,
  target: VillageTarget,
): Promise<{ id: string; name: string }[]> {
  const staff = await listOfficeOfficers(db, village.unitCode);
  if (rosterCan(actor, 'roster.manage', { unitCode: village.unitCode, scope: target.scope })) return staff;
  const allowed = new Set([actor.id, ...village.officers.map((o) => o.officerId)]);
  return staff.filter((o) => allowed.has(o.id));
}
