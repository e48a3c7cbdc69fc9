import { and, eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/index.ts';
import type { HistoryTable } from './record-workflow-action.ts';

export type RecordedAction = { type: string; payload: Record<string, unknown> };

/**
 * The action this request id already made on the record (`recordColumn` names it in the history), if any: a request
 * resent after a dropped connection then answers with it and changes nothing.
 */
export async function findActionByRequest(
  db: Executor,
  history: HistoryTable,
  recordColumn: PgColumn,
  recordId: string,
  requestId: string | null | undefined,
): Promise<RecordedAction | null> {
  if (!requestId) return null;
  const [done] = await db
    .select({ type: history.type, payload: history.payload })
    .from(history)
    .where(and(eq(recordColumn, recordId), eq(history.requestId, requestId)))
    .limit(1);
  return (done as RecordedAction | undefined) ?? null;
}
