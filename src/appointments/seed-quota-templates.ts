import type { Executor } from '../platform/db/index.ts';
import { quotaTemplates, type Channel } from './schema.ts';

/**
 * A default weekly quota for a channel at the units, Monday to Friday: reference data seeded at every start, so
 * only the units' missing rows are added and whatever a head of office set on the quota page stays.
 */
export async function seedQuotaTemplates(
  db: Executor,
  input: { channel: Channel; unitCodes: readonly string[]; perWeekday: number },
): Promise<void> {
  const rows = input.unitCodes.flatMap((unitCode) =>
    [1, 2, 3, 4, 5].map((weekday) => ({ unitCode, weekday, channel: input.channel, capacity: input.perWeekday })),
  );
  if (rows.length > 0) await db.insert(quotaTemplates).values(rows).onConflictDoNothing();
}
