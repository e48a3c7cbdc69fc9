import { z } from 'zod';
import { csrfField, isoDateField, requestIdField } from '../platform/http/fields.ts';
import { complaintCategories, complaintChannels, complaintStatuses, complaintTypes } from './schema.ts';
import { complaintSteps } from './workflow.ts';

const optionalText = (max: number) => z.string().trim().max(max, 'v.tooLong').nullish();
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'v.choose' });
/** A client-generated id of one form or API call: a resend with it finds the same complaint. */
/** A complaint, the same fields for the API and the page (which sends one file apart). */
export const ComplaintBody = z.object({
  requestId: requestIdField,
  channel: choice(complaintChannels)
    .optional()
    .describe('`web` unless an officer types in a complaint that came another way'),
  laporReference: optionalText(60).describe('SP4N-LAPOR! number, required with channel `lapor`'),
  type: choice(complaintTypes),
  category: choice(complaintCategories),
  unitCode: z.string({ error: 'v.choose' }).trim().min(1, 'v.choose').max(40),
  applicationTrackingCode: optionalText(20),
  description: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(5000, 'v.tooLong'),
  anonymous: z.boolean().optional(),
  reporterName: optionalText(120),
  reporterEmail: z.email('v.email').nullish(),
  reporterPhone: optionalText(30),
  subjectName: optionalText(120).describe('whistle-blowing: the officer reported, as known to the reporter'),
  attachments: z
    .array(z.object({ filename: z.string().max(200).optional(), contentBase64: z.base64() }))
    .max(3)
    .optional()
    .describe('JPEG, PNG or PDF, recognised by content'),
});

export const FilingResult = z.object({ trackingCode: z.string(), secret: z.string() });

export const FollowResult = z.object({
  trackingCode: z.string(),
  status: z.enum(complaintStatuses),
  type: z.enum(complaintTypes),
  category: z.enum(complaintCategories),
  unitCode: z.string(),
  receivedAt: z.date(),
  replies: z.array(z.object({ at: z.date(), text: z.string() })),
});

export const ListQuery = z.object({
  unit: z.string().trim().max(40).optional(),
  status: z.enum(complaintStatuses).optional(),
  from: isoDateField.optional(),
  to: isoDateField.optional(),
});

export const ActionBody = z.object({
  ...csrfField,
  requestId: requestIdField,
  step: choice(complaintSteps),
  text: z.string().trim().max(5000, 'v.tooLong').optional(),
  forwardedTo: z.string().trim().max(300, 'v.tooLong').optional(),
  assigneeId: z.union([z.uuid('complaints.v.assignee'), z.literal('')]).optional(),
});
