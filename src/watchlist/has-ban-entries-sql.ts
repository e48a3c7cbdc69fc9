import { sql, type SQL } from 'drizzle-orm';
import { watchlistEntries } from './schema.ts';

/**
 * "A ban names this person", for the foreigners register's deletion of people no record names: a listing, lifted or
 * not, keeps the identity it was linked to, since a hit must stay explainable for as long as the entry exists.
 */
export const hasBanEntries = (foreignerId: SQL): SQL =>
  sql`exists (select 1 from ${watchlistEntries} where ${watchlistEntries.foreignerId} = ${foreignerId})`;
