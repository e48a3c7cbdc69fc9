import { z } from 'zod';
import { blankAsMissing, isoDateField, periodOfAtMost, requestIdField, requiredText } from '../platform/http/fields.ts';
import { decisionSteps } from './workflow.ts';
import { crossingStatuses, directions, documentKinds, travellerKinds, verdicts } from './schema.ts';

export const PointParams = z.object({
  code: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Z0-9-]+$/),
});
export const CrossingParams = z.object({ id: z.uuid() });
export const DeskCrossingParams = PointParams.extend(CrossingParams.shape);

/**
 * The desk's form and the API's body: the direction and either a scan (both MRZ lines; a PLB's QR address, token or
 * number) or a passport's fields typed. A PLB holder coming back states the stay extensions they show.
 */
export const CrossingBody = z.object({
  direction: z.enum(directions, { error: 'v.choose' }).describe('arrival (entering Indonesia) or departure'),
  scan: blankAsMissing(z.string().max(300, 'v.tooLong')).describe(
    'Both MRZ lines of a passport (line breaks or not), or a PLB QR address, token or number',
  ),
  documentNumber: blankAsMissing(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,15}$/, 'border.v.documentNumber'),
  ),
  nationality: blankAsMissing(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z<]{3}$/, 'border.v.nationality'),
  ).describe('ICAO code, IDN for citizens'),
  fullName: blankAsMissing(z.string().trim().max(100, 'v.tooLong')),
  birthDate: blankAsMissing(isoDateField),
  expiresOn: blankAsMissing(isoDateField),
  extensions: blankAsMissing(
    z.coerce.number({ error: 'v.invalid' }).int('v.invalid').min(0, 'v.invalid').max(9, 'v.invalid'),
  ).describe('A PLB holder coming back: the stay extensions shown'),
  requestId: requestIdField.describe('The desk’s id of this crossing: a resend records nothing new'),
});
export type CrossingBody = z.output<typeof CrossingBody>;

export const DecisionBody = z.object({
  step: z.enum(decisionSteps, { error: 'v.choose' }),
  reason: requiredText(1000),
  agency: blankAsMissing(z.string().trim().max(200, 'v.tooLong')).describe('Required for hand_over'),
  requestId: requestIdField,
});

const ReasonJson = z.object({
  code: z.string(),
  level: z.enum(['red', 'amber']),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  text: z.string().describe('The reason in the caller’s language'),
});
export const CrossingJson = z.object({
  id: z.uuid(),
  pointCode: z.string(),
  direction: z.enum(directions),
  travellerKind: z.enum(travellerKinds),
  documentKind: z.enum(documentKinds),
  documentNumber: z.string(),
  nationality: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  crossedOn: z.string(),
  verdict: z.enum(verdicts),
  reasons: z.array(ReasonJson),
  status: z.enum(crossingStatuses),
  returnBy: z.string().nullable().describe('A PLB departure: the last day of the stay without extensions'),
  charges: z
    .array(z.object({ days: z.number(), amount: z.number(), billingCode: z.string().nullable() }))
    .describe('A foreigner leaving after their permit ended: the overstay charges still owed'),
});

export const StatsQuery = z
  .object({
    from: isoDateField.describe('first WITA day'),
    to: isoDateField.describe('last WITA day (at most 366 days after from)'),
    point: blankAsMissing(PointParams.shape.code).describe('one crossing point’s code; all when left out'),
  })
  .refine(periodOfAtMost(366), { message: 'border.v.period', path: ['to'] });
export const StatsJson = z.array(
  z.object({
    day: z.string(),
    pointCode: z.string(),
    direction: z.enum(directions),
    travellerKind: z.enum(travellerKinds),
    documentKind: z.enum(documentKinds),
    count: z.number().int(),
  }),
);
