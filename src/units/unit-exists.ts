import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { units } from './schema.ts';

export async function unitExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ code: units.code }).from(units).where(eq(units.code, code));
  return Boolean(row);
}
