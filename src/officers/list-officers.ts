import { and, asc, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';

const publicColumns = {
  id: accounts.id,
  name: accounts.name,
  email: accounts.email,
  kind: accounts.kind,
  role: accounts.role,
  unitCode: accounts.unitCode,
  emailVerifiedAt: accounts.emailVerifiedAt,
  totpEnabledAt: accounts.totpEnabledAt,
  disabledAt: accounts.disabledAt,
  createdAt: accounts.createdAt,
};

export function listOfficers(db: Executor, unitCodes: string[]) {
  if (unitCodes.length === 0) return Promise.resolve([]);
  return db
    .select(publicColumns)
    .from(accounts)
    .where(and(eq(accounts.kind, 'officer'), inArray(accounts.unitCode, unitCodes)))
    .orderBy(asc(accounts.unitCode), asc(accounts.name));
}

export async function findAccount(db: Executor, id: string) {
  const [row] = await db.select(publicColumns).from(accounts).where(eq(accounts.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}

/** An officer opening a person's record leaves a trace, whether or not anything is changed. */
export async function viewAccount(tx: Tx, caller: Caller, id: string) {
  const account = await findAccount(tx, id);
  await appendAudit(tx, caller, { action: 'account.view', targetType: 'account', targetId: id });
  return account;
}
