import type { Executor } from '../platform/db/index.ts';
import { lodgingRules } from './schema.ts';

/**
 * The check-in deadline in force: 24 hours since the Dirjen Imigrasi's 2015 letter, a practice rather than a statute
 * (shared/domain-oversight.md §2.1). Rows are editable data; a new rule is a new row, never an edited one.
 */
export async function seedLodgingRules(db: Executor): Promise<void> {
  await db
    .insert(lodgingRules)
    .values({
      validFrom: '2015-01-01',
      validUntil: null,
      checkInDueHours: 24,
      source: 'Dirjen Imigrasi 2015, practice not statute',
    })
    .onConflictDoNothing();
}
