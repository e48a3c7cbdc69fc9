import { z } from 'zod';
import { blankAsMissing, isoDateField, periodOfAtMost } from '../platform/http/fields.ts';
import { figureCodes } from './figures.ts';

/** Two years and a leap day: the longest period worth comparing with the same period a year before. */
export const MAX_PERIOD_DAYS = 731;

export const DashboardQuery = z
  .object({
    unit: blankAsMissing(z.string().trim().max(40, 'v.tooLong')).describe(
      'a unit code in the viewer’s scope (that unit and the units below it); the viewer’s own unit when left out',
    ),
    from: blankAsMissing(isoDateField).describe('first WITA day, YYYY-MM-DD; 1 January of this year when left out'),
    to: blankAsMissing(isoDateField).describe(
      'last WITA day, YYYY-MM-DD (at most 731 days after from); today when left out',
    ),
  })
  .refine((p) => !p.from || !p.to || periodOfAtMost(MAX_PERIOD_DAYS)({ from: p.from, to: p.to }), {
    message: 'dashboard.v.period',
    path: ['to'],
  });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const Values = z.record(z.enum(figureCodes), z.number().nullable());
const Compared = z.object({ current: z.number(), previous: z.number() });

export const DashboardJson = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  previousFrom: z.string().describe('the same period a year before'),
  previousTo: z.string(),
  figures: z
    .array(
      z.object({
        code: z.enum(figureCodes),
        current: z.number().nullable(),
        previous: z
          .number()
          .nullable()
          .describe('null: not countable for that period (a figure of how things stand today)'),
        changePercent: z
          .number()
          .nullable()
          .describe('change against the previous year, in %; null when not comparable'),
      }),
    )
    .describe('the scope’s figures (the unit and the units below it)'),
  units: z
    .array(z.object({ unitCode: z.string(), unitName: z.string(), figures: Values }))
    .describe('each unit of the scope on its own (not with its units below)'),
  breakdowns: z.object({
    passportsByType: z.array(Compared.extend({ type: z.string() })),
    deferralsByReason: z.array(Compared.extend({ reasonCode: z.string(), nameId: z.string(), nameEn: z.string() })),
  }),
});
