import type { Executor } from '../platform/db/index.ts';
import { indicatorCatalogue } from './indicator-catalogue.ts';
import { indicators } from './schema.ts';

/** The starting catalogue, once per code: what the Kanwil has changed since is kept. */
export async function seedIndicators(db: Executor): Promise<void> {
  await db
    .insert(indicators)
    .values(indicatorCatalogue.map((entry, i) => ({ ...entry, position: (i + 1) * 10 })))
    .onConflictDoNothing();
}
