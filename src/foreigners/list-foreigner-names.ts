import { inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { foreigners } from './schema.ts';

export type ForeignerName = { surname: string; givenNames: string; nationality: string };

/** The names and nationalities of these people in one query, for other features' lists (a lodging's guests, an office's overstays). */
export async function listForeignerNames(db: Executor, ids: readonly string[]): Promise<Map<string, ForeignerName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: foreigners.id,
      surname: foreigners.surname,
      givenNames: foreigners.givenNames,
      nationality: foreigners.nationality,
    })
    .from(foreigners)
    .where(inArray(foreigners.id, [...new Set(ids)]));
  return new Map(rows.map(({ id, ...name }) => [id, name]));
}
