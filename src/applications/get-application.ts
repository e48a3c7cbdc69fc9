import { eq } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { applications, type Application } from './schema.ts';

export async function getApplication(db: Executor, id: string): Promise<Application> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}

/** The application, locked until the transaction ends: changes to one application happen one at a time. */
export async function lockApplication(tx: Tx, id: string): Promise<Application> {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

/** The application if it is still a draft, locked; anything else can no longer be edited. */
export async function lockDraft(tx: Tx, id: string): Promise<Application> {
  const row = await lockApplication(tx, id);
  if (row.status !== 'draft') throw new AppError('invalid_transition');
  return row;
}
