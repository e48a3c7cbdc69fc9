import { z } from 'zod';
import { unitServices, unitStates, weekdays, type OpeningHours } from './schema.ts';
import type { UnitChanges } from './update-unit.ts';

const range = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/** "08:00-12:00, 13:00-16:00" → [["08:00","12:00"],["13:00","16:00"]]; empty means closed. */
const hoursField = z
  .string()
  .trim()
  .max(100, 'v.tooLong')
  .refine((v) => v === '' || v.split(',').every((part) => range.test(part.trim()) && part.trim().slice(0, 5) < part.trim().slice(6)), 'v.hours')
  .transform((v) => (v === '' ? [] : v.split(',').map((part) => part.trim().split('-') as [string, string])));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'v.tooLong')
    .transform((v) => (v === '' ? null : v));

export const UnitFormBody = z.object({
  _csrf: z.string().optional(),
  name: z.string().trim().min(1, 'v.required').max(200, 'v.tooLong'),
  address: z.string().trim().min(1, 'v.required').max(300, 'v.tooLong'),
  regencyCode: z.string().regex(/^\d{2}\.\d{2}$/, 'v.regency'),
  phone: optionalText(40),
  email: optionalText(200).refine((v) => v === null || z.email().safeParse(v).success, 'v.email'),
  state: z.enum(unitStates, { error: 'v.invalid' }),
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
    state: body.state,
    services: body.services,
    openingHours,
  };
}
