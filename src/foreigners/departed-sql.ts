import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { departures } from './schema.ts';

/**
 * "This person has left on or after this date", as a condition another feature's set-based query can carry (the
 * daily overstay scan over a million permits runs as one statement, not one look-up per person).
 */
export function departedOnOrAfter(foreignerId: AnyPgColumn | SQL, on: AnyPgColumn | SQL | string): SQL {
  return sql`exists (select 1 from ${departures} where ${departures.foreignerId} = ${foreignerId} and ${departures.departedOn} >= ${on})`;
}
