import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { detaineeProperty, type PropertyEntry } from './schema.ts';

export type PropertyBalance = { item: string; quantity: number };

/** The deposit's ledger, oldest first, and what is still held per item (in minus out). */
export async function listProperty(
  db: Executor,
  detaineeId: string,
): Promise<{ ledger: PropertyEntry[]; balance: PropertyBalance[] }> {
  const ledger = await db
    .select()
    .from(detaineeProperty)
    .where(eq(detaineeProperty.detaineeId, detaineeId))
    .orderBy(asc(detaineeProperty.id));
  const held = new Map<string, number>();
  for (const e of ledger) held.set(e.item, (held.get(e.item) ?? 0) + (e.direction === 'in' ? e.quantity : -e.quantity));
  return {
    ledger,
    balance: [...held].filter(([, q]) => q > 0).map(([item, quantity]) => ({ item, quantity })),
  };
}
