import type { PassportType } from '../applications/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { issuanceHistory } from './schema.ts';

export type IssuanceCount = { unitCode: string; month: string; type: PassportType; count: number };

/** Adds monthly issuance counts from before Sikoe; a unit's month and type already there is left alone. */
export async function addIssuanceHistory(db: Executor, rows: IssuanceCount[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(issuanceHistory).values(rows).onConflictDoNothing();
}
