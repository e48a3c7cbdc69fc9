import { index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The services a survey is about. */
export const surveyServices = ['passport', 'home_visit', 'eazy_paspor', 'complaint'] as const;
export type SurveyService = (typeof surveyServices)[number];

/** A one-time survey link, sent after a hand-over, a visit or a closed complaint. Stored as a hash. */
export const surveyTokens = pgTable(
  'survey_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    unitCode: text('unit_code').notNull(),
    service: text('service').$type<SurveyService>().notNull(),
    refId: uuid('ref_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('survey_tokens_ref_idx').on(t.refId)],
);

/**
 * One questionnaire (PermenPANRB 14/2017): the 9 elements u1…u9 scored 1–4, an optional profile and comment. From a
 * token, or typed in from paper by an officer.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    service: text('service').$type<SurveyService>().notNull(),
    source: text('source').$type<'link' | 'paper'>().notNull(),
    u1: smallint('u1').notNull(),
    u2: smallint('u2').notNull(),
    u3: smallint('u3').notNull(),
    u4: smallint('u4').notNull(),
    u5: smallint('u5').notNull(),
    u6: smallint('u6').notNull(),
    u7: smallint('u7').notNull(),
    u8: smallint('u8').notNull(),
    u9: smallint('u9').notNull(),
    ageGroup: text('age_group'),
    sex: text('sex'),
    education: text('education'),
    occupation: text('occupation'),
    comment: text('comment'),
    enteredBy: uuid('entered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_responses_unit_idx').on(t.unitCode, t.answeredAt)],
);
