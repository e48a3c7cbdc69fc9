import { z } from 'zod';
import { isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import { weekdays } from '../platform/calendar/wita.ts';
import { crossingDocuments, crossingPointKinds } from './schema.ts';

export const PointParams = z.object({
  code: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Z0-9-]+$/),
});

/** The head of office's switch: does the counterpart accept the PLB from this day on, and why. */
export const PlbSwitchBody = z.object({
  accepts: z.enum(['yes', 'no'], { error: 'v.choose' }),
  effectiveFrom: isoDateField,
  reason: requiredText(1000),
  requestId: requestIdField,
});

const hours = z.array(z.tuple([z.string(), z.string()]));
export const CrossingPointJson = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(crossingPointKinds),
  unitCode: z.string().describe('The unit whose officers work the point (GET /api/v1/units/{code})'),
  counterpart: z.string().nullable().describe('The post or place across the border'),
  serviceHours: z
    .object(Object.fromEntries(weekdays.map((d) => [d, hours])) as Record<(typeof weekdays)[number], typeof hours>)
    .nullable()
    .describe('WITA opening and closing times per weekday; null where not published'),
  documents: z.array(z.enum(crossingDocuments)),
  plbAccepted: z.boolean().describe('Whether a Pas Lintas Batas may be used here today (WITA)'),
  plbSwitchedFrom: z.string().nullable().describe('The day the switch in force took effect'),
});
export const CrossingPointListJson = z.array(CrossingPointJson);
