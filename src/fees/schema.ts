import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const feeItems = [
  'biasa_5y',
  'biasa_10y',
  'elektronik_5y',
  'elektronik_10y',
  'percepatan',
  'lost',
  'damaged',
] as const;
export type FeeItem = (typeof feeItems)[number];
/** One priced item of a fee, as an application keeps it once submitted. */
export type FeeLine = { item: string; amount: number };

/** PNBP tariffs by regulation and the dates they are in force (WITA calendar dates, `validUntil` inclusive). */
export const tariffs = pgTable(
  'tariffs',
  {
    regulation: text('regulation').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    item: text('item').$type<FeeItem>().notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regulation, t.item] })],
);
