import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { applications, type Application } from './schema.ts';

export async function getApplication(db: Executor, id: string): Promise<Application> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}
