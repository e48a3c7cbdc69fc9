import { z } from 'zod';
import { csrfField, isoDateField } from '../platform/http/fields.ts';
import { uploadedFileField } from '../platform/storage/upload-parser.ts';
import { deliveryModes } from './approve-session.ts';
import { organiserKinds } from './schema.ts';
import type { SessionRequest } from './request-session.ts';

const text = (max: number) => z.string().trim().min(1, 'v.required').max(max, 'v.tooLong');
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{8,20}$/, 'v.phone');
const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'v.tooLong')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'v.email')
  .nullish()
  .transform((v) => v || null);
const villageCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'v.village');
/** Participant lists: 2,000 rows of "NIK;name;date" fit easily. */
const listText = z.string().max(200_000, 'v.tooLong');
export const requestIdField = z.string().trim().min(8, 'v.invalid').max(100, 'v.invalid');
const count = z.coerce.number({ error: 'v.number' }).int('v.number').min(0, 'v.number').max(100_000, 'v.number');

const common = {
  requestId: requestIdField,
  organiserKind: z.enum(organiserKinds, { error: 'v.choose' }),
  organiserName: text(120),
  contactName: text(120),
  contactPhone: phone,
  contactEmail: optionalEmail,
  venue: text(200),
  unitCode: text(40),
};

export const SessionRequestBody = z.object({
  ...common,
  villageCode,
  preferredDates: z.array(isoDateField).min(1, 'outreach.v.dates').max(3, 'outreach.v.dates'),
  expectedParticipants: z.number({ error: 'v.number' }).int('v.number').min(1, 'v.number').max(100_000, 'v.number'),
  participantsText: listText.nullish(),
  participantsCsv: listText.nullish(),
});

const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isoDateField.safeParse(v).success, 'v.date')
  .optional();

/** The public form, sent without JavaScript (urlencoded, or multipart when a CSV file is chosen). */
export const SessionRequestForm = z
  .object({
    ...csrfField,
    _refresh: z.string().max(20).optional(),
    ...common,
    venueVillage_province: z.string().optional(),
    venueVillage_regency: z.string().optional(),
    venueVillage_district: z.string().optional(),
    venueVillage_village: z.string().optional(),
    date1: optionalDate,
    date2: optionalDate,
    date3: optionalDate,
    expectedParticipants: count,
    participantsText: listText.optional(),
    participantsFile: uploadedFileField.optional(),
  })
  .superRefine((body, ctx) => {
    if (body._refresh) return;
    if (!villageCode.safeParse(body.venueVillage_village ?? '').success)
      ctx.addIssue({ code: 'custom', path: ['venueVillage'], message: 'v.village' });
    if (!body.date1) ctx.addIssue({ code: 'custom', path: ['date1'], message: 'v.required' });
  });
export type SessionRequestFormBody = z.infer<typeof SessionRequestForm>;

export function formToRequest(body: SessionRequestFormBody): SessionRequest {
  return {
    requestId: body.requestId,
    organiserKind: body.organiserKind,
    organiserName: body.organiserName,
    contactName: body.contactName,
    contactPhone: body.contactPhone,
    contactEmail: body.contactEmail,
    venue: body.venue,
    villageCode: body.venueVillage_village ?? '',
    unitCode: body.unitCode,
    preferredDates: [body.date1, body.date2, body.date3].filter((d): d is string => !!d),
    expectedParticipants: body.expectedParticipants,
    participantsText: body.participantsText ?? null,
    participantsCsv: body.participantsFile ? body.participantsFile.bytes.toString('utf8') : null,
  };
}

export const ApprovalFields = {
  date: isoDateField,
  capacity: z.coerce.number({ error: 'v.number' }).int('v.number').min(1, 'v.number').max(10_000, 'v.number'),
  deliveryMode: z.enum(deliveryModes, { error: 'v.choose' }).optional(),
};

/** Checkbox lists arrive as one string for one box and an array for more. */
export const idList = z
  .union([z.uuid(), z.array(z.uuid())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
export const optionalDateField = optionalDate.transform((v) => v || null);
