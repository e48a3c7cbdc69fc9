import { sql, type SQL } from 'drizzle-orm';
import { permitApplications } from './schema.ts';

/** "A permit service was applied for for this person", for the foreigners register's deletion of people no record names. */
export const hasApplications = (foreignerId: SQL): SQL =>
  sql`exists (select 1 from ${permitApplications} where ${permitApplications.foreignerId} = ${foreignerId})`;
