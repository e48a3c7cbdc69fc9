import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { appendAudit, type AuditInput } from '../audit/append-audit.ts';
import type { Caller } from '../auth/caller.ts';
import type { Executor, Tx } from '../db/index.ts';

/** An append-only history table: every one has these columns, beside those that name its record. */
export type HistoryTable = PgTable & { type: PgColumn; actorId: PgColumn; payload: PgColumn; requestId: PgColumn };
/** A stateful record: its id and the status cached from its history. */
export type RecordTable = PgTable & { id: PgColumn; status: PgColumn };

export type WorkflowAction<H extends HistoryTable, R extends RecordTable> = {
  history: H;
  /** The history row's columns that name its record (`{ complaintId }`), and any others of its own. */
  entry: Partial<H['$inferInsert']>;
  record: R;
  recordId: string;
  type: string;
  /** The status the record moves to; the payload names it too, so the history alone tells every status. */
  status?: R['$inferSelect']['status'];
  /** Other columns of the record that the action changes. */
  set?: Partial<R['$inferInsert']>;
  payload?: Record<string, unknown>;
  /** The client's id of the request: with the history's unique (record, request id), a retry finds it done. */
  requestId?: string | null;
};

/**
 * Appends one action (who, what, why) to a record's history and moves the record's cached status and columns, in
 * the caller's transaction; with an audit entry given, writes it too, so the history, the record and the audit log
 * change together or not at all.
 */
export async function recordWorkflowAction<H extends HistoryTable, R extends RecordTable>(
  tx: Tx,
  caller: Caller,
  action: WorkflowAction<H, R>,
  audit: AuditInput,
): Promise<void>;
export async function recordWorkflowAction<H extends HistoryTable, R extends RecordTable>(
  tx: Executor,
  caller: Caller,
  action: WorkflowAction<H, R>,
): Promise<void>;
export async function recordWorkflowAction(
  tx: Executor,
  caller: Caller,
  action: WorkflowAction<HistoryTable, RecordTable>,
  audit?: AuditInput,
): Promise<void> {
  const payload = { ...(action.status ? { status: action.status } : {}), ...(action.payload ?? {}) };
  await tx.insert(action.history).values({
    ...action.entry,
    type: action.type,
    actorId: caller.actor?.id ?? null,
    payload,
    requestId: action.requestId ?? null,
  });
  const set = { ...(action.set ?? {}), ...(action.status ? { status: action.status } : {}) };
  if (Object.keys(set).length > 0) await tx.update(action.record).set(set).where(eq(action.record.id, action.recordId));
  if (audit) await appendAudit(tx, caller, audit);
}
