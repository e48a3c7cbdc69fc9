import { z } from 'zod';
import { isoDateField, requestIdField } from '../platform/http/fields.ts';
import { requesterRelations } from './request-home-visit.ts';
import { homeVisitReasons } from './schema.ts';

const text = (max: number) => z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(max, 'v.tooLong');
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'v.choose' });
/** A client-generated id of one form or API call: a resend with it changes nothing. */
/** A si Koe Peduli request, the same fields for the API and the page (which sends its region picker and dates apart). */
export const HomeVisitBody = z.object({
  requestId: requestIdField,
  requesterRelation: choice(requesterRelations),
  applicantName: text(120),
  // People copy NIKs with spaces or dots between the groups of digits.
  applicantNik: z
    .string({ error: 'v.required' })
    .transform((s) => s.replace(/[\s.-]/g, ''))
    .pipe(z.string().regex(/^\d{16}$/, 'v.nikFormat')),
  applicantBirthDate: isoDateField,
  reason: choice(homeVisitReasons),
  reasonDetails: z.string().trim().max(1000, 'v.tooLong').nullish(),
  placeKind: choice(['home', 'hospital'] as const),
  address: text(300),
  villageCode: z.string({ error: 'v.village' }).regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'v.village'),
  unitCode: text(40),
  preferredDates: z
    .array(isoDateField, { error: 'homeVisits.v.preferredDates' })
    .min(1, 'homeVisits.v.preferredDates')
    .max(3, 'homeVisits.v.preferredDates'),
});
