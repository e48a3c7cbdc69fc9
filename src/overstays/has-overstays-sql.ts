import { sql, type SQL } from 'drizzle-orm';
import { overstays } from './schema.ts';

/** "This person overstayed", for the foreigners register's deletion of people no record names. */
export const hasOverstays = (foreignerId: SQL): SQL =>
  sql`exists (select 1 from ${overstays} where ${overstays.foreignerId} = ${foreignerId})`;
