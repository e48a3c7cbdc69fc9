import { and, asc, eq, inArray } from 'drizzle-orm';
import { listForeignerNames, type ForeignerName } from '../foreigners/list-foreigner-names.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { authorize, authorizeRole } from './policy.ts';
import { refugeeActions, refugeeReports, refugees, type Refugee, type RefugeeStatus } from './schema.ts';

export type RefugeeRow = Refugee & { person: ForeignerName | null; reportedMonths: string[] };

async function withReports(tx: Tx, rows: Refugee[]): Promise<RefugeeRow[]> {
  const ids = rows.map((r) => r.id);
  const names = await listForeignerNames(
    tx,
    rows.map((r) => r.foreignerId),
  );
  const reports = ids.length
    ? await tx
        .select({ refugeeId: refugeeReports.refugeeId, month: refugeeReports.month })
        .from(refugeeReports)
        .where(inArray(refugeeReports.refugeeId, ids))
        .orderBy(asc(refugeeReports.month))
    : [];
  return rows.map((r) => ({
    ...r,
    person: names.get(r.foreignerId) ?? null,
    reportedMonths: reports.filter((p) => p.refugeeId === r.id).map((p) => p.month),
  }));
}

/** The refugees overseen by the Rudenims in the officer's scope, by card number. A list of people: audited. */
export async function listRefugees(
  tx: Tx,
  caller: Caller,
  filter: { status?: RefugeeStatus } = {},
): Promise<{ rows: RefugeeRow[]; scope: string[] }> {
  authorizeRole(caller.actor, 'refugee.view');
  const scope = await actorScope(tx, caller.actor);
  const rows = await tx
    .select()
    .from(refugees)
    .where(and(inArray(refugees.unitCode, scope), filter.status ? eq(refugees.status, filter.status) : undefined))
    .orderBy(asc(refugees.cardNumber))
    .limit(1000);
  await appendAudit(tx, caller, {
    action: 'refugee.list',
    targetType: 'refugee',
    unitCode: caller.actor?.unitCode ?? null,
    details: { status: filter.status, count: rows.length },
  });
  return { rows: await withReports(tx, rows), scope };
}

/** One refugee with the months reported and the history; audited. */
export async function getRefugee(tx: Tx, caller: Caller, id: string) {
  authorizeRole(caller.actor, 'refugee.view');
  const [refugee] = await tx.select().from(refugees).where(eq(refugees.id, id));
  if (!refugee) throw new AppError('not_found');
  const scope = await actorScope(tx, caller.actor);
  authorize(caller.actor, 'refugee.view', { unitCode: refugee.unitCode, scope });
  const [row] = await withReports(tx, [refugee]);
  const history = await tx
    .select()
    .from(refugeeActions)
    .where(eq(refugeeActions.refugeeId, id))
    .orderBy(asc(refugeeActions.id));
  await appendAudit(tx, caller, {
    action: 'refugee.view',
    targetType: 'refugee',
    targetId: id,
    unitCode: refugee.unitCode,
  });
  return { refugee: row!, history, scope };
}
