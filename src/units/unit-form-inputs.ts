import { z } from 'zod';
import { unitServices, weekdays, type OpeningHours } from './schema.ts';
import type { UnitChanges } from './update-unit.ts';
import { csrfField, requiredText } from '../platform/http/fields.ts';

const range = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/**
 * "08:00-12:00, 13:00-16:00" → [["08:00","12:00"],["13:00","16:00"]]; empty means closed. Times may be written the
 * Indonesian way too (08.00-12.00): they are stored as HH:MM.
 */
const hoursField = z
  .string()
  .trim()
  .max(100, 'v.tooLong')
  .transform((v) => v.replace(/(\d{2})\.(\d{2})/g, '$1:$2'))
  .refine(
    (v) =>
      v === '' ||
      v.split(',').every((part) => range.test(part.trim()) && part.trim().slice(0, 5) < part.trim().slice(6)),
    'v.hours',
  )
  .transform((v) => (v === '' ? [] : v.split(',').map((part) => part.trim().split('-') as [string, string])));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'v.tooLong')
    .transform((v) => (v === '' ? null : v));

/** An https link (a map page); plain http and other schemes are refused, so the link opens safely from any page or mail. */
const httpsUrl = (v: string) => {
  try {
    const url = new URL(v);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
};

export const UnitFormBody = z.object({
  ...csrfField,
  name: requiredText(200),
  address: requiredText(300),
  regencyCode: z.string().regex(/^\d{2}\.\d{2}$/, 'v.regency'),
  phone: optionalText(40),
  email: optionalText(200).refine((v) => v === null || z.email().safeParse(v).success, 'v.email'),
  // Absent (a form from before the field existed): the link stays as it is; empty: removed.
  mapUrl: optionalText(500)
    .refine((v) => v === null || httpsUrl(v), 'v.httpsUrl')
    .optional(),
  // A single checked box arrives as a string, several as an array.
  services: z
    .union([z.enum(unitServices), z.array(z.enum(unitServices))], { error: 'v.invalid' })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  hours_mon: hoursField,
  hours_tue: hoursField,
  hours_wed: hoursField,
  hours_thu: hoursField,
  hours_fri: hoursField,
  hours_sat: hoursField,
  hours_sun: hoursField,
});

export function toUnitChanges(body: z.infer<typeof UnitFormBody>): UnitChanges {
  const openingHours = Object.fromEntries(weekdays.map((d) => [d, body[`hours_${d}`]])) as OpeningHours;
  return {
    name: body.name,
    address: body.address,
    regencyCode: body.regencyCode,
    phone: body.phone,
    email: body.email,
    ...(body.mapUrl !== undefined ? { mapUrl: body.mapUrl } : {}),
    services: body.services,
    openingHours,
  };
}
