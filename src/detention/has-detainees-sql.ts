import { sql, type SQL } from 'drizzle-orm';
import { detainees } from './schema.ts';

/** "This person was detained", for the foreigners register's deletion of people no record names. */
export const hasDetainees = (foreignerId: SQL): SQL =>
  sql`exists (select 1 from ${detainees} where ${detainees.foreignerId} = ${foreignerId})`;
