import { z } from 'zod';
import { blankAsMissing, csrfField, isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import { permitServices } from './schema.ts';

const reason = z.string().trim().max(1000, 'v.tooLong');
const filing = {
  service: z.enum(permitServices, { error: 'v.choose' }),
  permitId: z.uuid({ error: 'permitServices.v.permitId' }),
  reason: reason.nullish(),
  requestId: requestIdField,
};

const documentNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,15}$/, 'permitServices.v.documentNumber');
const permitNumber = z.string().trim().max(40, 'v.tooLong');

/**
 * An application for a service on a permit (`POST /api/v1/stay-permits`). A member of the permit's sponsor names the
 * permit; the holder adds a passport number and birth date of theirs and the permit's number printed on the permit,
 * which together prove they hold it.
 */
export const FilingBody = z.object({
  ...filing,
  documentNumber: documentNumber.nullish(),
  birthDate: isoDateField.nullish(),
  permitNumber: permitNumber.nullish().describe('The holder’s proof: the permit’s number as printed on the permit'),
});
export type FilingBody = z.output<typeof FilingBody>;

export const FilingForm = z.object({
  ...filing,
  reason: blankAsMissing(reason),
  documentNumber: blankAsMissing(documentNumber),
  birthDate: blankAsMissing(isoDateField),
  permitNumber: blankAsMissing(permitNumber),
  ...csrfField,
});

export const ApplicationJson = z.object({
  id: z.uuid(),
  service: z.enum(permitServices),
  permitId: z.uuid(),
  status: z.string(),
  filedOn: z.string(),
  feeAmount: z.number().int(),
  feeRegulation: z.string().nullable(),
  billingCode: z.string().nullable(),
  dueOn: z.string().nullable(),
});

export const IdParams = z.object({ id: z.uuid() });
/** A link from a permit's page may name the permit (and the service) to apply for. */
export const ApplyQuery = z.object({ permitId: z.uuid().optional(), service: z.enum(permitServices).optional() });
export const BookForm = z.object({ date: isoDateField, requestId: requestIdField, ...csrfField });
export const StepForm = z.object({ requestId: requestIdField, ...csrfField });
export const VerifyForm = z.object({
  note: blankAsMissing(z.string().trim().max(1000, 'v.tooLong')),
  ...StepForm.shape,
});
export const DecideForm = z.object({
  decision: z.enum(['approve', 'refuse'], { error: 'v.choose' }),
  reason: blankAsMissing(requiredText(1000)),
  ...StepForm.shape,
});
