import { sql, type SQL } from 'drizzle-orm';
import { stayPermits } from './schema.ts';

/** "This person holds or held a stay permit", for the foreigners register's deletion of people no record names. */
export const hasPermits = (foreignerId: SQL): SQL =>
  sql`exists (select 1 from ${stayPermits} where ${stayPermits.foreignerId} = ${foreignerId})`;
