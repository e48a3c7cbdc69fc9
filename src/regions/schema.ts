import { index, pgTable, text } from 'drizzle-orm/pg-core';

// Kemendagri codes as published by idn-area-data: "53", "53.71", "53.71.01", "53.71.01.1001".
export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const regencies = pgTable(
  'regencies',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('regencies_province_idx').on(t.provinceCode)],
);

export const districts = pgTable(
  'districts',
  {
    code: text('code').primaryKey(),
    regencyCode: text('regency_code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('districts_regency_idx').on(t.regencyCode)],
);

export const villages = pgTable(
  'villages',
  {
    code: text('code').primaryKey(),
    districtCode: text('district_code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('villages_district_idx').on(t.districtCode)],
);
