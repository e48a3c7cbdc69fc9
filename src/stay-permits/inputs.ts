import { z } from 'zod';
import { travelDocumentFields, withMrz } from '../foreigners/inputs.ts';
import { blankAsMissing, isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import { changeKinds, entryBases, permitStatuses, permitTypes, sponsorStatuses } from './schema.ts';

const optionalText = (max: number) => blankAsMissing(z.string().trim().max(max, 'v.tooLong'));

export const UnitParams = z.object({ code: z.string().min(1).max(40) });
export const PermitParams = z.object({ id: z.uuid() });
export const SponsorParams = z.object({ id: z.uuid() });
export const SponsorMemberParams = z.object({ id: z.uuid(), accountId: z.uuid() });
export const SponsorPermitParams = z.object({ id: z.uuid(), permitId: z.uuid() });
export const ReportParams = z.object({ id: z.uuid() });

export const UnitPermitsQuery = z.object({
  type: blankAsMissing(z.enum(permitTypes)),
  ending: blankAsMissing(z.literal('1')),
});

/** An officer records a permit: the holder's travel document (by MRZ or typed) and the permit's terms. */
export const RecordPermitForm = withMrz(
  z.object({
    mrz: z.string().max(200, 'v.tooLong').optional(),
    ...travelDocumentFields,
    expiresOn: blankAsMissing(isoDateField),
    type: z.enum(permitTypes, { error: 'v.choose' }),
    entryBasis: z.enum(entryBases, { error: 'v.choose' }),
    visaIndex: optionalText(10),
    permitNumber: optionalText(40),
    entryDate: isoDateField,
    validFrom: isoDateField,
    validUntil: isoDateField,
    sponsorId: blankAsMissing(z.uuid('v.choose')),
    responsiblePerson: optionalText(120),
    requestId: requestIdField,
  }),
);

/** A sponsor registers: a company by its NIB (13 digits) or a citizen by NIK, with the declaration of §1.6. */
export const SponsorRegistrationForm = z
  .object({
    kind: z.enum(['company', 'person'], { error: 'v.choose' }),
    name: requiredText(200),
    registrationNumber: z.string().trim(),
    address: requiredText(300),
    regencyCode: z.string().regex(/^\d{2}\.\d{2}$/, 'v.choose'),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 -]{6,20}$/, 'v.phone'),
    email: z.email('v.email'),
    // An unticked box sends nothing: that is "not declared", with the declaration's own message.
    declaration: z.preprocess(
      (v) => v ?? '',
      z.string().refine((v) => v === 'yes', 'stayPermits.v.declaration'),
    ),
  })
  .superRefine((v, ctx) => {
    const pattern = v.kind === 'company' ? /^\d{13}$/ : /^\d{16}$/;
    if (!pattern.test(v.registrationNumber))
      ctx.addIssue({
        code: 'custom',
        path: ['registrationNumber'],
        message: v.kind === 'company' ? 'stayPermits.v.nib' : 'v.nikFormat',
      });
  });

export const MemberForm = z.object({ email: z.email('v.email') });

export const DecisionForm = z.object({
  decision: z.enum(['verified', 'refused'], { error: 'v.choose' }),
  note: optionalText(500),
});

export const ChangeReportForm = z.object({
  kind: z.enum(changeKinds, { error: 'v.choose' }),
  details: requiredText(1000),
});

const HistoryJson = z.object({
  type: z.string(),
  at: z.date(),
  actorName: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export const PermitJson = z.object({
  id: z.string(),
  foreignerId: z.string(),
  holder: z.object({ surname: z.string(), givenNames: z.string(), nationality: z.string(), birthDate: z.string() }),
  type: z.enum(permitTypes),
  entryBasis: z.enum(entryBases),
  visaIndex: z.string().nullable(),
  permitNumber: z.string().nullable(),
  entryDate: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  daysLeft: z.number().int(),
  extensions: z.number().int(),
  unitCode: z.string(),
  status: z.enum(permitStatuses),
  sponsor: z.object({ id: z.string(), name: z.string(), status: z.enum(sponsorStatuses) }).nullable(),
  responsiblePerson: z.string().nullable(),
  previousPermitId: z.string().nullable(),
  pendingChangePaidOn: z.string().nullable(),
  history: z.array(HistoryJson),
});
