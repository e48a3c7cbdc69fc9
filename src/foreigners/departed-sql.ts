import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { arrivals, departures } from './schema.ts';

/**
 * "This person has left on or after this date and has not come back since": a departure on or after it with no
 * arrival after that departure (a later day, or the same day recorded later), as a condition another feature's
 * set-based query can carry (the daily overstay scan over a million permits runs as one statement, not one look-up
 * per person). Both halves are probes of the (foreigner_id, date …) indexes, so the planner can run them as anti
 * joins over the few people who ever left, never a scan per permit.
 */
export function departedOnOrAfter(foreignerId: AnyPgColumn | SQL, on: AnyPgColumn | SQL | string): SQL {
  return sql`exists (
    select 1 from ${departures} d
    where d.foreigner_id = ${foreignerId} and d.departed_on >= ${on}
      and not exists (
        select 1 from ${arrivals} a
        where a.foreigner_id = d.foreigner_id and (a.arrived_on, a.recorded_at) > (d.departed_on, d.recorded_at)))`;
}
