import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Why an interview deferred a case (ditangguhkan), as data: the office counts deferrals per reason and per village
 * of the applicant, and a new reason is a row, not a release. `nonProcedural` marks the reasons that mean suspected
 * non-procedural migrant work (PMI non-prosedural), which the Desa Binaan figures single out. Seeded at start.
 */
export const deferralReasons = pgTable('deferral_reasons', {
  code: text('code').primaryKey(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  nonProcedural: boolean('non_procedural').notNull().default(false),
  active: boolean('active').notNull().default(true),
  sort: integer('sort').notNull().default(0),
});
export type DeferralReason = typeof deferralReasons.$inferSelect;
