import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';

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
