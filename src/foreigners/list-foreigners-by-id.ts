import { inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { foreigners, type Foreigner } from './schema.ts';

/** The people with these ids, by id: for other features' lists that show a name beside their own rows. */
export async function listForeignersById(db: Executor, ids: readonly string[]): Promise<Map<string, Foreigner>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(foreigners).where(inArray(foreigners.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}
