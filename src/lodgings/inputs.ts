import { z } from 'zod';
import { travelDocumentFields, withMrz } from '../foreigners/inputs.ts';
import type { FieldErrors } from '../platform/errors.ts';
import { isIsoDate } from '../platform/calendar/wita.ts';
import { blankAsMissing, isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import { lodgingKinds, lodgingStatuses, stayPurposes } from './schema.ts';
import { lodgingSteps } from './workflow.ts';

/** A client-generated id of one form or API call: a resend with it changes nothing. */
// A form sends empty text for a field left blank: that is "not given".

/** A lodging's registration, the same for the page and `POST /api/v1/lodgings`. */
export const LodgingBody = z
  .object({
    requestId: requestIdField,
    name: requiredText(200),
    kind: z.enum(lodgingKinds, { error: 'v.choose' }),
    licenceNumber: blankAsMissing(z.string().trim().max(60, 'v.tooLong')),
    address: requiredText(300),
    villageCode: z.string({ error: 'v.village' }).regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'v.village'),
    personInCharge: requiredText(120),
    phone: z
      .string({ error: 'v.required' })
      .trim()
      .regex(/^\+?[0-9 ()-]{8,20}$/, 'v.phone'),
    email: z.string({ error: 'v.required' }).trim().toLowerCase().pipe(z.email('v.email').max(200, 'v.tooLong')),
  })
  .refine((l) => l.kind === 'private_host' || !!l.licenceNumber, {
    path: ['licenceNumber'],
    message: 'lodgings.intake.v.licenceRequired',
  });
export type LodgingInput = z.output<typeof LodgingBody>;

export const LodgingParams = z.object({ id: z.uuid() });
export const StayParams = z.object({ id: z.uuid(), stayId: z.uuid() });
export const MemberParams = z.object({ id: z.uuid(), accountId: z.uuid() });

export const LodgingStepBody = z.object({
  step: z.enum(lodgingSteps, { error: 'v.choose' }),
  reason: blankAsMissing(z.string().trim().max(1000, 'v.tooLong')),
  requestId: requestIdField,
});

export const MemberBody = z.object({
  email: z.string({ error: 'v.required' }).trim().toLowerCase().pipe(z.email('v.email')),
  requestId: requestIdField,
});

/**
 * A moment as the API and the forms send it: ISO 8601 with an offset, or without one, read as WITA (a hotel in
 * Labuan Bajo writes its own clock's time).
 */
export const witaDateTimeField = z
  .string({ error: 'v.required' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, 'lodgings.intake.v.dateTime')
  .transform((s, ctx) => {
    const text = s.replace(' ', 'T');
    const at = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}+08:00`);
    // Date would roll 30 February over to March and 24:61 into the next day: such a time was mistyped, not meant.
    const [hours, minutes] = text.slice(11, 16).split(':').map(Number);
    if (Number.isNaN(at.getTime()) || !isIsoDate(text.slice(0, 10)) || hours! > 23 || minutes! > 59) {
      ctx.addIssue({ code: 'custom', message: 'lodgings.intake.v.dateTime', input: s });
      return z.NEVER;
    }
    return at;
  });

const guestFields = {
  mrz: blankAsMissing(z.string().max(200, 'v.tooLong')),
  ...travelDocumentFields,
  expiresOn: blankAsMissing(isoDateField),
  checkInAt: witaDateTimeField,
  expectedCheckOutOn: isoDateField,
  room: blankAsMissing(z.string().trim().max(20, 'v.tooLong')),
  purpose: z.enum(stayPurposes, { error: 'v.choose' }),
  permitSeen: blankAsMissing(z.string().trim().max(100, 'v.tooLong')),
};

/** One guest's check-in: the travel document (typed, or read from its MRZ) and the stay. */
export const GuestInput = withMrz(
  z.object({
    clientId: z
      .string({ error: 'v.required' })
      .trim()
      .min(1, 'v.required')
      .max(100, 'v.tooLong')
      .describe('Your own id for this guest and stay: sending it again returns the same stay'),
    ...guestFields,
  }),
);
export type GuestInput = z.output<typeof GuestInput>;

/** A guest as sent, or the fields that are wrong (catalogue keys), so one bad guest never refuses the others. */
export function parseGuest(raw: unknown): { ok: true; guest: GuestInput } | { ok: false; fields: FieldErrors } {
  const parsed = GuestInput.safeParse(raw);
  if (parsed.success) return { ok: true, guest: parsed.data };
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'input');
    fields[key] ??= /^(v|foreigners|lodgings)\./.test(issue.message) ? issue.message : 'v.invalid';
  }
  return { ok: false, fields };
}

export const BulkCheckInBody = z.object({
  guests: z
    .array(
      // Each guest is checked on its own (a bad one is answered in `results`, never refusing the request), so the
      // request's schema takes any object and the fields are described here and in the route's description.
      z.record(z.string(), z.unknown()).meta({
        description: 'One guest: see the operation’s description for the fields',
        example: {
          clientId: 'PMS-48213',
          mrz: 'P<AUSSMITH<<JOHN<PETER<<<<<<<<<<<<<<<<<<<<<<\nPA12345673AUS8001014M3001019<<<<<<<<<<<<<<06',
          checkInAt: '2026-12-03T14:30',
          expectedCheckOutOn: '2026-12-06',
          room: '101',
          purpose: 'tourism',
          permitSeen: 'VoA B1 123456',
        },
      }),
    )
    .min(1, 'v.required')
    .max(1000, 'lodgings.intake.v.tooManyGuests')
    .describe('Up to 1,000 guests; each is accepted, repeated or rejected on its own'),
});

export const CheckOutBody = z.object({ checkOutAt: blankAsMissing(witaDateTimeField) });

export const LodgingJson = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(lodgingKinds),
  status: z.enum(lodgingStatuses),
  unitCode: z.string(),
});

export const GuestResultJson = z.object({
  index: z.number().int(),
  clientId: z.string().nullable(),
  status: z.enum(['accepted', 'repeated', 'rejected']),
  stayId: z.string().optional(),
  receiptNumber: z.string().optional(),
  late: z.boolean().optional(),
  errors: z.record(z.string(), z.string()).optional(),
});

export const BulkCheckInJson = z.object({
  accepted: z.number().int(),
  repeated: z.number().int(),
  rejected: z.number().int(),
  results: z.array(GuestResultJson),
});

export const StayJson = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  checkInAt: z.date(),
  checkOutAt: z.date().nullable(),
});
