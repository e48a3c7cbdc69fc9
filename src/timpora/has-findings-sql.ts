import { sql, type SQL } from 'drizzle-orm';
import { timporaFindings } from './schema.ts';

/** "A Timpora team checked this person", for the foreigners register's deletion of people no record names. */
export const hasFindings = (foreignerId: SQL): SQL =>
  sql`exists (select 1 from ${timporaFindings} where ${timporaFindings.foreignerId} = ${foreignerId})`;
