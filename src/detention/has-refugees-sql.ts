import { sql, type SQL } from 'drizzle-orm';
import { refugees } from './schema.ts';

/** "This person is or was a refugee under oversight", for the deletion of people no record names. */
export const hasRefugees = (foreignerId: SQL): SQL =>
  sql`exists (select 1 from ${refugees} where ${refugees.foreignerId} = ${foreignerId})`;
