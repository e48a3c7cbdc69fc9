import { sql, type SQL } from 'drizzle-orm';
import { overstays } from './schema.ts';

/** Overstays' units as a relation (`id`, `unit_code`), for counts that join it (PNBP of a charge's billing). */
export const overstayUnits: SQL = sql`(select ${overstays.id} as id, ${overstays.unitCode} as unit_code from ${overstays})`;
