import { sql, type SQL } from 'drizzle-orm';
import { crossings } from './schema.ts';

/** "This person crossed the border", for the foreigners register's deletion of people no record names. */
export const hasCrossings = (foreignerId: SQL): SQL =>
  sql`exists (select 1 from ${crossings} where ${crossings.foreignerId} = ${foreignerId})`;
