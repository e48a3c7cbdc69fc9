import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { authorize, authorizeRole } from './policy.ts';
import { permitChangeReports, type PermitChangeReport } from './schema.ts';

/** An officer of the permit's office acknowledges a sponsor's report, once. */
export async function acknowledgeChangeReport(
  tx: Tx,
  caller: Caller,
  input: { reportId: string },
): Promise<PermitChangeReport> {
  authorizeRole(caller.actor, 'change.acknowledge');
  const [report] = await tx
    .select()
    .from(permitChangeReports)
    .where(eq(permitChangeReports.id, input.reportId))
    .for('update');
  if (!report) throw new AppError('not_found');
  authorize(caller.actor, 'change.acknowledge', {
    unitCode: report.unitCode,
    scope: await actorScope(tx, caller.actor),
  });
  if (report.acknowledgedAt) throw new AppError('already_answered');
  const [done] = await tx
    .update(permitChangeReports)
    .set({ acknowledgedBy: caller.actor!.id, acknowledgedAt: new Date() })
    .where(eq(permitChangeReports.id, report.id))
    .returning();
  await appendAudit(tx, caller, {
    action: 'stay_permit.change_acknowledged',
    targetType: 'stay_permit',
    targetId: report.permitId,
    unitCode: report.unitCode,
    details: { reportId: report.id, kind: report.kind },
  });
  return done!;
}
