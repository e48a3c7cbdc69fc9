import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { listForeignerNames, type ForeignerName } from '../foreigners/list-foreigner-names.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { authorizeRole } from './policy.ts';
import { overstayProposals, overstays, type Overstay, type OverstayProposal, type OverstayStatus } from './schema.ts';

/** The newest this many: a unit has tens at a time, and the figures page counts them all. */
const LIMIT = 500;

export type OverstayRow = Overstay & { person: ForeignerName | null; proposal: OverstayProposal | null };

/**
 * The overstays of the officer's units (or of one unit in their scope), newest first, with the person's name, the
 * charge, its billing code and any proposal. A list of people: the reading is audited.
 */
export async function listOverstays(
  tx: Tx,
  caller: Caller,
  filter: { status?: OverstayStatus; unitCode?: string },
): Promise<{ rows: OverstayRow[]; scope: string[] }> {
  authorizeRole(caller.actor, 'overstay.view');
  const scope = await actorScope(tx, caller.actor);
  if (filter.unitCode && !scope.includes(filter.unitCode)) throw new AppError('forbidden');
  const where: SQL[] = [inArray(overstays.unitCode, filter.unitCode ? [filter.unitCode] : scope)];
  if (filter.status) where.push(eq(overstays.status, filter.status));
  const rows = await tx
    .select({ overstay: overstays, proposal: overstayProposals })
    .from(overstays)
    .leftJoin(overstayProposals, eq(overstayProposals.overstayId, overstays.id))
    .where(and(...where))
    .orderBy(desc(overstays.firstDay), desc(overstays.id))
    .limit(LIMIT);
  const names = await listForeignerNames(
    tx,
    rows.map((r) => r.overstay.foreignerId),
  );
  await appendAudit(tx, caller, {
    action: 'overstay.list',
    targetType: 'overstay',
    unitCode: filter.unitCode ?? caller.actor?.unitCode ?? null,
    details: { status: filter.status, count: rows.length },
  });
  return {
    rows: rows.map((r) => ({ ...r.overstay, person: names.get(r.overstay.foreignerId) ?? null, proposal: r.proposal })),
    scope,
  };
}
