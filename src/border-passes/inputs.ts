import { z } from 'zod';
import { blankAsMissing, csrfField, isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import { uploadedFileField } from '../platform/storage/upload-parser.ts';
import { PHOTO_MAX_BYTES } from './pass-photos.ts';
import { issueChannels, passStatuses } from './schema.ts';
import { actionSteps, replacementSteps } from './workflow.ts';

export const UnitParams = z.object({
  code: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Z0-9-]+$/),
});
export const PassParams = z.object({ id: z.uuid() });
export const UnitPassParams = UnitParams.extend({ id: z.uuid() });

/** The holder and the endorsement, as the page's form and the API send them. */
const holderFields = {
  requestId: requestIdField,
  nik: z
    .string({ error: 'v.required' })
    .trim()
    .regex(/^\d{16}$/, 'v.nikFormat'),
  fullName: requiredText(120),
  birthPlace: requiredText(80),
  birthDate: isoDateField,
  sex: z.enum(['F', 'M'], { error: 'v.choose' }),
  address: requiredText(300),
  villageCode: z.string({ error: 'v.village' }).regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'v.village'),
  endorsementNumber: requiredText(80),
  endorsementDate: isoDateField,
  channel: z.enum(issueChannels, { error: 'v.choose' }),
};

/** A photo sent in JSON: base64, with or without a data: URL prefix. */
const base64Photo = z
  .string()
  .max(Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 100, 'borderPasses.v.photoTooLarge')
  .regex(/^(data:image\/[a-z]+;base64,)?[A-Za-z0-9+/\s]+=*\s*$/, 'borderPasses.v.photoType')
  .transform((s) => Buffer.from(s.replace(/^data:[^,]+,/, '').replace(/\s+/g, ''), 'base64'));

export const IssueBody = z.object({
  unitCode: z.string().trim().max(40).describe('The issuing office, in the officer’s scope'),
  ...holderFields,
  photos: z
    .array(base64Photo)
    .length(2, 'borderPasses.v.twoPhotos')
    .describe('Two 3×4 photos (red background), JPEG or PNG, base64'),
  replaces: z
    .object({ passId: z.uuid(), step: z.enum(replacementSteps) })
    .optional()
    .describe('Renewing the holder’s pass (`renew`) or replacing a lost one (`replace_lost`)'),
});

/** The page's form (multipart, so it works without JavaScript): the same fields, two photo files. */
export const IssuePageBody = z.object({
  ...csrfField,
  ...holderFields,
  photo1: uploadedFileField,
  photo2: uploadedFileField,
  replaces: blankAsMissing(z.uuid()),
  replaceStep: blankAsMissing(z.enum(replacementSteps)),
});

export const NewPassQuery = z.object({
  replaces: blankAsMissing(z.uuid()),
  step: blankAsMissing(z.enum(replacementSteps)),
});
export const UnitPassesQuery = z.object({ q: blankAsMissing(z.string().trim().max(40, 'v.tooLong')) });

export const ActionBody = z.object({
  step: z.enum(actionSteps, { error: 'v.choose' }),
  reason: blankAsMissing(z.string().trim().max(1000, 'v.tooLong')),
  requestId: requestIdField,
});

export const TokenParams = z.object({ token: z.string().max(64) });

export const PassJson = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(passStatuses),
  expired: z.boolean().describe('Still `valid` in the register but past `validUntil`'),
  unitCode: z.string(),
  nik: z.string(),
  fullName: z.string(),
  birthPlace: z.string(),
  birthDate: z.string(),
  sex: z.enum(['F', 'M']),
  address: z.string(),
  villageCode: z.string(),
  endorsementNumber: z.string(),
  endorsementDate: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  channel: z.enum(issueChannels),
  dutyId: z.string().nullable().describe('The roster duty of an issuance on outreach'),
  replacesId: z.string().nullable(),
  replacedById: z.string().nullable(),
  verifyUrl: z.string().describe('What the card’s QR carries: the public check'),
});
