import { and, asc, inArray, isNull, eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { unitScope } from '../units/scope.ts';

/** Roles that serve at the counter; admins run the system and are not rostered. */
export const counterRoles = ['head_of_office', 'counter_officer', 'verifier', 'adjudicator'] as const;

export type CounterOfficer = { id: string; name: string; unitCode: string | null; role: string | null };

/** Officers who may be put on counter duty at the unit: active counter staff of the unit and the units below it. */
export async function counterOfficers(db: Executor, unitCode: string): Promise<CounterOfficer[]> {
  const scope = await unitScope(db, unitCode);
  return db
    .select({ id: accounts.id, name: accounts.name, unitCode: accounts.unitCode, role: accounts.role })
    .from(accounts)
    .where(
      and(
        eq(accounts.kind, 'officer'),
        isNull(accounts.disabledAt),
        inArray(accounts.unitCode, scope),
        inArray(accounts.role, [...counterRoles]),
      ),
    )
    .orderBy(asc(accounts.name));
}
