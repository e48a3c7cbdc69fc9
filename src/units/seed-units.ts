import type { Executor } from '../platform/db/index.ts';
import { organisation } from './organisation.ts';
import { units } from './schema.ts';

/** Adds the organisation's units that are missing; never overwrites what admins have edited. */
export async function seedUnits(db: Executor): Promise<void> {
  await db.insert(units).values(organisation).onConflictDoNothing();
}
