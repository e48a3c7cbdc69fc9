import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { listForeignerNames, type ForeignerName } from '../foreigners/list-foreigner-names.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { authorizeRole } from './policy.ts';
import { enforcementCases, type CaseStatus, type EnforcementCase } from './schema.ts';

/** The newest this many: a unit has tens of cases a year. */
const LIMIT = 500;

export type CaseRow = EnforcementCase & { person: ForeignerName | null };

/** The cases of the officer's units (or one unit in their scope), newest first, with the person's name. Audited. */
export async function listCases(
  tx: Tx,
  caller: Caller,
  filter: { status?: CaseStatus; unitCode?: string },
): Promise<{ rows: CaseRow[]; scope: string[] }> {
  authorizeRole(caller.actor, 'enforcement.view');
  const scope = await actorScope(tx, caller.actor);
  if (filter.unitCode && !scope.includes(filter.unitCode)) throw new AppError('forbidden');
  const where: SQL[] = [inArray(enforcementCases.unitCode, filter.unitCode ? [filter.unitCode] : scope)];
  if (filter.status) where.push(eq(enforcementCases.status, filter.status));
  const rows = await tx
    .select()
    .from(enforcementCases)
    .where(and(...where))
    .orderBy(desc(enforcementCases.openedAt), desc(enforcementCases.id))
    .limit(LIMIT);
  const names = await listForeignerNames(
    tx,
    rows.map((r) => r.foreignerId),
  );
  await appendAudit(tx, caller, {
    action: 'enforcement_case.list',
    targetType: 'enforcement_case',
    unitCode: filter.unitCode ?? caller.actor?.unitCode ?? null,
    details: { status: filter.status, count: rows.length },
  });
  return { rows: rows.map((r) => ({ ...r, person: names.get(r.foreignerId) ?? null })), scope };
}
