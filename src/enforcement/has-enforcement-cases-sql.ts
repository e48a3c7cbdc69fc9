import { sql, type SQL } from 'drizzle-orm';
import { enforcementCases } from './schema.ts';

/** "An administrative action case names this person", for the deletion of people no record names. */
export const hasEnforcementCases = (foreignerId: SQL): SQL =>
  sql`exists (select 1 from ${enforcementCases} where ${enforcementCases.foreignerId} = ${foreignerId})`;
