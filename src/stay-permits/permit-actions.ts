import { asc, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { stayPermitActions, stayPermits, type PermitStatus, type StayPermit } from './schema.ts';

/** The permit locked for a change, so two decisions at once take turns and the second sees the first. */
export async function lockStayPermit(tx: Tx, id: string): Promise<StayPermit> {
  const [permit] = await tx.select().from(stayPermits).where(eq(stayPermits.id, id)).for('update');
  if (!permit) throw new AppError('not_found');
  return permit;
}

/** The action this request id already made on the permit, if any: a resent request then changes nothing. */
export const doneBefore = (tx: Tx, permitId: string, requestId: string | null | undefined) =>
  findActionByRequest(tx, stayPermitActions, stayPermitActions.permitId, permitId, requestId);

export type PermitChange = {
  type: string;
  status?: PermitStatus;
  set?: Partial<typeof stayPermits.$inferInsert>;
  payload?: Record<string, unknown>;
  requestId?: string | null;
};

/** One entry in the permit's history, its columns and the audit entry, together in the caller's transaction. */
export async function recordPermitAction(
  tx: Tx,
  caller: Caller,
  permit: Pick<StayPermit, 'id' | 'unitCode'>,
  change: PermitChange,
): Promise<void> {
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: stayPermitActions,
      entry: { permitId: permit.id },
      record: stayPermits,
      recordId: permit.id,
      type: change.type,
      status: change.status,
      set: { ...change.set, updatedAt: new Date() },
      payload: change.payload,
      requestId: change.requestId,
    },
    {
      action: `stay_permit.${change.type}`,
      targetType: 'stay_permit',
      targetId: permit.id,
      unitCode: permit.unitCode,
      details: change.payload ?? {},
    },
  );
}

/** A permit's changes, oldest first. */
export function permitHistory(db: Executor, permitId: string) {
  return db
    .select({
      type: stayPermitActions.type,
      at: stayPermitActions.at,
      actorId: stayPermitActions.actorId,
      payload: stayPermitActions.payload,
    })
    .from(stayPermitActions)
    .where(eq(stayPermitActions.permitId, permitId))
    .orderBy(asc(stayPermitActions.id));
}
export type PermitHistoryEntry = Awaited<ReturnType<typeof permitHistory>>[number];
