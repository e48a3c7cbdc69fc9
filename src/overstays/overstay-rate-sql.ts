import { sql, type SQL } from 'drizzle-orm';

/** The overstay_rates row in force on a date, as a join condition on alias `r` (one rate per overstay, dated by its first day). */
export const rateOn = (day: SQL): SQL =>
  sql`${day} >= r.valid_from and (r.valid_until is null or ${day} <= r.valid_until)`;
