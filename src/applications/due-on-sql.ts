import { sql, type SQL } from 'drizzle-orm';
import { applications } from './schema.ts';

/**
 * The applications' service-level due dates as a relation (`id`, `due_on`) another feature's set-based count can join
 * on the application id (the planner joins it, no per-row lookup).
 */
export const applicationDueDates: SQL = sql`(select ${applications.id} as id, ${applications.dueOn} as due_on from ${applications})`;

/** Applications' units as a relation (`id`, `unit_code`), for counts that join it (PNBP of a visit). */
export const applicationUnits: SQL = sql`(select ${applications.id} as id, ${applications.unitCode} as unit_code from ${applications})`;
