import { and, eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { watchlistEntries, type BanList, type WatchlistEntry } from './schema.ts';

/** An entry of the given list, locked for a change; an entry of the other list is not found there. */
export async function lockEntry(tx: Tx, id: string, list: BanList): Promise<WatchlistEntry> {
  const [entry] = await tx
    .select()
    .from(watchlistEntries)
    .where(and(eq(watchlistEntries.id, id), eq(watchlistEntries.list, list)))
    .for('update');
  if (!entry) throw new AppError('not_found');
  return entry;
}
