import { sql, type SQL } from 'drizzle-orm';
import { applications } from './schema.ts';

/**
 * The applications' service-level due dates as a relation (`id`, `due_on`) another feature's set-based count can join
 * on the application id (the planner joins it, no per-row lookup).
 */
export const applicationDueDates: SQL = sql`(select ${applications.id} as id, ${applications.dueOn} as due_on from ${applications})`;

/** The unit an application belongs to, for counts that reach an application by its id (PNBP of a visit). */
export const applicationUnitOf = (applicationId: SQL): SQL =>
  sql`(select ${applications.unitCode} from ${applications} where ${applications.id} = ${applicationId})`;
