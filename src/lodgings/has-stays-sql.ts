import { sql, type SQL } from 'drizzle-orm';
import { stays } from './schema.ts';

/** "Some lodging reported a stay of this person", for the foreigners register's deletion of people no record names. */
export const hasStays = (foreignerId: SQL): SQL =>
  sql`exists (select 1 from ${stays} where ${stays.foreignerId} = ${foreignerId})`;
