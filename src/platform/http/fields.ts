import { z } from 'zod';
import { addDays, isIsoDate } from '../calendar/wita.ts';

/** The CSRF token every page form posts; checked by the server's hook before the schema, so only its shape here. */
export const csrfField = { _csrf: z.string().optional() };

/** Text a person must type, trimmed, up to `max` characters. */
export const requiredText = (max: number) => z.string().trim().min(1, 'v.required').max(max, 'v.tooLong');

/**
 * A calendar date as forms and the API send it (YYYY-MM-DD). A date written another way and a date the calendar
 * does not have (31 February) get different messages: the second is not a matter of how it was written.
 */
export const isoDateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'v.date')
  .refine(isIsoDate, 'v.dateImpossible');

/**
 * For a schema's refine(): `to` is not before `from` and at most `maxDays` after it. Zod runs an object's refinements
 * even when a field failed, so dates that are not real are left to their own field's message.
 */
export const periodOfAtMost =
  (maxDays: number) =>
  (period: { from: string; to: string }): boolean =>
    !isIsoDate(period.from) ||
    !isIsoDate(period.to) ||
    (period.from <= period.to && period.to <= addDays(period.from, maxDays));

/** A form value as text: what a field sent, or nothing when it sent no text (a missing field, a list of values). */
export function formText(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';
}

/** A form field left empty is "not given": the schema's optional value, not an empty string to refuse. */
export const blankAsMissing = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/**
 * The client's id for one request (a form's hidden field, an API client's retry key): sent again, it finds what the
 * first request made. Letters, digits, `-` and `_`, 8 to 64 characters, so a UUID fits and a typo does not.
 */
export const requestIdField = z
  .string()
  .trim()
  .min(8, 'v.invalid')
  .max(64, 'v.invalid')
  .regex(/^[A-Za-z0-9_-]+$/, 'v.invalid')
  .optional();
