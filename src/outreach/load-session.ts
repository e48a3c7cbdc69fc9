import { eq } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { normaliseSessionCode } from './codes.ts';
import { outreachSessions, type OutreachSession } from './schema.ts';

export async function getSession(db: Executor, id: string): Promise<OutreachSession> {
  const [row] = await db.select().from(outreachSessions).where(eq(outreachSessions.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}

/** The session row, locked until the transaction ends, so two decisions on one session run one after the other. */
export async function lockSession(tx: Tx, id: string): Promise<OutreachSession> {
  const [row] = await tx.select().from(outreachSessions).where(eq(outreachSessions.id, id)).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

/** The session a participant's code names (as people type it), if any. */
export async function findSessionByCode(db: Executor, sessionCode: string): Promise<OutreachSession | null> {
  const [row] = await db
    .select()
    .from(outreachSessions)
    .where(eq(outreachSessions.sessionCode, normaliseSessionCode(sessionCode)));
  return row ?? null;
}
