import { sql, type SQL } from 'drizzle-orm';
import { overstays } from './schema.ts';

/** The unit of an overstay by its id, for counts that reach it by id (PNBP of its charge's billing). */
export const overstayUnitOf = (id: SQL): SQL =>
  sql`(select ${overstays.unitCode} from ${overstays} where ${overstays.id} = ${id})`;
