import { z } from 'zod';
import { travelDocumentFields, withMrz } from '../foreigners/inputs.ts';
import { blankAsMissing, isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import { uploadedFileField } from '../platform/storage/upload-parser.ts';
import type { FindingPerson } from './record-finding.ts';
import {
  agencyKinds,
  findingOutcomes,
  operationStatuses,
  permitStates,
  recommendationStatuses,
  teamLevels,
  violationTypes,
} from './schema.ts';
import { operationSteps, recommendationSteps } from './workflow.ts';

// A page form sends one value or several under one name, and empty text for "none".
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v: unknown): unknown[] => {
      if (v === undefined) return [];
      // A text field may list several, separated by spaces, commas or lines.
      const list: unknown[] = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : [v];
      return list.filter((x) => x !== '');
    },
    z.array(item).max(200, 'v.tooLong'),
  );
const optionalText = (max: number) => z.string().trim().max(max, 'v.tooLong').default('');
// A phone's number pad has no '.', so ten digits typed without dots are read as the dotted code.
const villageCode = z
  .string()
  .trim()
  .regex(/^(\d{2}\.\d{2}\.\d{2}\.\d{4}|\d{10})$/, 'v.village')
  .transform((s) => (s.includes('.') ? s : `${s.slice(0, 2)}.${s.slice(2, 4)}.${s.slice(4, 6)}.${s.slice(6)}`));

export const IdParams = z.object({ id: z.uuid() });

export const AgencyBody = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,40}$/, 'v.invalid'),
  name: requiredText(200),
  kind: z.enum(agencyKinds, { error: 'v.choose' }),
});
export const AgencyJson = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(agencyKinds) });

export const TeamBody = z.object({
  name: requiredText(200),
  level: z.enum(teamLevels, { error: 'v.choose' }),
  parentId: blankAsMissing(z.uuid({ error: 'v.choose' })),
  unitCode: requiredText(40),
  regionCode: blankAsMissing(z.string().trim().max(20, 'v.tooLong')),
  decreeNumber: requiredText(120),
  decreeDate: isoDateField,
  chairName: requiredText(200),
  chairPosition: requiredText(200),
  secretaryName: blankAsMissing(z.string().trim().max(200, 'v.tooLong')),
  secretaryPosition: blankAsMissing(z.string().trim().max(200, 'v.tooLong')),
});
const MemberJson = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
});
export const TeamJson = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(teamLevels),
  parentId: z.string().nullable(),
  unitCode: z.string(),
  regionCode: z.string().nullable(),
  decreeNumber: z.string(),
  decreeDate: z.string(),
  chairName: z.string(),
  chairPosition: z.string(),
  secretaryName: z.string().nullable(),
  secretaryPosition: z.string().nullable(),
  depth: z.number().int().describe('0 for a team whose parent the reader does not see'),
  members: z.array(MemberJson),
});

export const TeamAgencyBody = z.object({
  agencyId: z.uuid({ error: 'v.choose' }),
  contactName: requiredText(200),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,24}$/, 'v.phone'),
});
export const PartnerLinkBody = z.object({
  email: z.string().trim().toLowerCase().email('v.email').max(200, 'v.tooLong'),
  agencyId: z.uuid({ error: 'v.choose' }),
});

export const MeetingBody = z.object({
  heldOn: isoDateField,
  place: requiredText(300),
  agenda: requiredText(2000),
  agenciesPresent: many(z.uuid({ error: 'v.choose' })),
  notes: optionalText(8000),
  recommendations: z
    .array(z.object({ text: requiredText(2000), agencyId: z.uuid({ error: 'v.choose' }), dueOn: isoDateField }))
    .max(50, 'v.tooLong')
    .default([]),
  requestId: requestIdField,
});
const RecommendationJson = z.object({
  id: z.string(),
  text: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  dueOn: z.string(),
  status: z.enum(recommendationStatuses),
  doneAt: z.date().nullable(),
  history: z.array(z.object({ type: z.string(), at: z.date(), note: z.string().nullable() })),
});
export const MeetingJson = z.object({
  id: z.string(),
  teamId: z.string(),
  heldOn: z.string(),
  place: z.string(),
  agenda: z.string(),
  notes: z.string(),
  agenciesPresent: z.array(z.object({ id: z.string(), name: z.string() })),
  recommendations: z.array(RecommendationJson),
});
export const RecommendationActionBody = z.object({
  step: z.enum(recommendationSteps, { error: 'v.choose' }),
  note: requiredText(2000),
  requestId: requestIdField,
});

export const OperationBody = z.object({
  title: requiredText(300),
  teamIds: many(z.uuid({ error: 'v.choose' })).pipe(z.array(z.string()).min(1, 'v.choose')),
  recommendationId: blankAsMissing(z.uuid({ error: 'v.choose' })),
  startsOn: isoDateField,
  endsOn: isoDateField,
  places: optionalText(2000),
  lodgingIds: many(z.uuid({ error: 'timpora.v.lodging' })),
  villageCodes: many(villageCode),
  requestId: requestIdField,
});
export const OperationActionBody = z.object({
  step: z.enum(operationSteps, { error: 'v.choose' }),
  note: optionalText(2000),
  requestId: requestIdField,
});
export const OperationJson = z.object({
  id: z.string(),
  unitCode: z.string(),
  title: z.string(),
  status: z.enum(operationStatuses),
  recommendationId: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  places: z.string(),
});

/**
 * One check in the field. The person: both MRZ lines (scanned or typed), or the document's fields, or only its
 * nationality and number to find the person in the register, or the nationality alone for someone with no document.
 */
export const FindingBody = withMrz(
  z.object({
    mrz: blankAsMissing(z.string().max(200, 'v.tooLong')).describe('Both MRZ lines; fill the document fields'),
    nationality: travelDocumentFields.nationality,
    documentNumber: blankAsMissing(travelDocumentFields.documentNumber),
    surname: blankAsMissing(travelDocumentFields.surname),
    givenNames: blankAsMissing(travelDocumentFields.givenNames),
    birthDate: blankAsMissing(travelDocumentFields.birthDate),
    sex: blankAsMissing(travelDocumentFields.sex),
    issuingState: blankAsMissing(travelDocumentFields.issuingState),
    // A scanned MRZ without an expiry date gives null.
    expiresOn: blankAsMissing(travelDocumentFields.expiresOn),
    outcome: z.enum(findingOutcomes, { error: 'v.choose' }),
    handedToAgencyId: blankAsMissing(z.uuid({ error: 'v.choose' })),
    violation: blankAsMissing(z.enum(violationTypes, { error: 'v.choose' })),
    villageCode,
    foundAt: blankAsMissing(z.coerce.date({ error: 'v.invalid' })).describe('When the check was made; now if absent'),
    note: optionalText(2000),
    requestId: requestIdField,
  }),
);
export type FindingBody = z.output<typeof FindingBody>;
/** A photo of the check sent in JSON: base64, with or without a data: URL prefix; its content is sniffed on arrival. */
export const FINDING_PHOTO_MAX_BYTES = 3 * 1024 * 1024;
// Whitespace goes first and the check after is linear: a backtracking pattern over whitespace was quadratic.
const base64Photo = z
  .string()
  .max(Math.ceil((FINDING_PHOTO_MAX_BYTES * 4) / 3) + 100, 'v.fileTooLarge')
  .transform((s) => s.replace(/^data:image\/[a-z]+;base64,/, '').replace(/\s/g, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'v.fileType'))
  .transform((s) => Buffer.from(s, 'base64'));
export const FindingApiBody = z.intersection(
  FindingBody,
  z.object({
    photos: z.array(base64Photo).max(2, 'v.tooLong').default([]).describe('Up to two photos, JPEG, PNG, WebP or HEIC'),
  }),
);
export const FindingPageBody = z.intersection(FindingBody, z.object({ photo: uploadedFileField.optional() }));

/** The person a finding names, read from what the form sent (see FindingBody). */
export function findingPerson(body: FindingBody): FindingPerson {
  const { nationality, documentNumber, surname, birthDate, sex } = body;
  if (documentNumber && surname && birthDate && sex)
    return {
      kind: 'document',
      document: {
        nationality,
        documentNumber,
        surname,
        givenNames: body.givenNames ?? '',
        birthDate,
        sex,
        issuingState: body.issuingState ?? nationality,
        expiresOn: body.expiresOn ?? null,
      },
    };
  if (documentNumber) return { kind: 'lookup', nationality, documentNumber };
  return { kind: 'undocumented', nationality };
}

export const FindingJson = z.object({
  id: z.string(),
  operationId: z.string(),
  foreignerId: z.string().nullable().describe('Null for a partner the person was not handed to'),
  person: z.string().nullable().describe('The name, or initials for a partner the person was not handed to'),
  nationality: z.string(),
  documentNumber: z
    .string()
    .nullable()
    .describe('Partial (X*******9, or all stars when short) for a partner the person was not handed to'),
  masked: z.boolean(),
  permitState: z.enum(permitStates),
  outcome: z.enum(findingOutcomes),
  handedToAgency: z.string().nullable(),
  violation: z.enum(violationTypes).nullable(),
  villageCode: z.string(),
  foundAt: z.date(),
  photos: z.number().int(),
});
export const RecordedFindingJson = z.object({
  id: z.string(),
  foreignerId: z.string().nullable(),
  permitState: z.enum(permitStates),
  outcome: z.enum(findingOutcomes),
  violation: z.enum(violationTypes).nullable(),
  repeated: z.boolean().describe('True when this request id had already recorded the finding'),
});
export const ReportJson = z.object({
  checked: z.number().int(),
  violations: z.number().int(),
  byViolation: z.record(z.string(), z.number().int()),
  byNationality: z.array(
    z.object({ nationality: z.string(), checked: z.number().int(), violations: z.number().int() }),
  ),
  byOutcome: z.record(z.string(), z.number().int()),
});
export const OperationDetailJson = OperationJson.extend({
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  lodgings: z.array(z.object({ id: z.string(), name: z.string(), villageCode: z.string() })),
  villageCodes: z.array(z.string()),
  findings: z.array(FindingJson),
  report: ReportJson,
});

/** The team page's partner form: its agency field has its own name, beside the seat form's. */
export const PartnerLinkPageBody = z.object({
  email: PartnerLinkBody.shape.email,
  partnerAgencyId: z.uuid({ error: 'v.choose' }),
});

/** The meeting form on a page: up to three recommendations, each a row of text, agency and due date left empty or whole. */
export const meetingPageRows = [1, 2, 3] as const;
const rowFields = Object.fromEntries(
  meetingPageRows.flatMap((n) => [
    [`recText${n}`, blankAsMissing(z.string().trim().max(2000, 'v.tooLong'))],
    [`recAgency${n}`, blankAsMissing(z.uuid({ error: 'v.choose' }))],
    [`recDue${n}`, blankAsMissing(isoDateField)],
  ]),
) as Record<`recText${1 | 2 | 3}` | `recAgency${1 | 2 | 3}` | `recDue${1 | 2 | 3}`, z.ZodType<string | undefined>>;
export const MeetingPageBody = MeetingBody.omit({ recommendations: true })
  .extend(rowFields)
  .superRefine((b, ctx) => {
    for (const n of meetingPageRows) {
      const row = [b[`recText${n}`], b[`recAgency${n}`], b[`recDue${n}`]];
      if (row.every((v) => v === undefined) || row.every((v) => v !== undefined)) continue;
      for (const [field, v] of [
        [`recText${n}`, row[0]],
        [`recAgency${n}`, row[1]],
        [`recDue${n}`, row[2]],
      ] as const)
        if (v === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'v.required' });
    }
  })
  .transform(
    ({ recText1, recAgency1, recDue1, recText2, recAgency2, recDue2, recText3, recAgency3, recDue3, ...rest }) => {
      const rows = [
        [recText1, recAgency1, recDue1],
        [recText2, recAgency2, recDue2],
        [recText3, recAgency3, recDue3],
      ];
      return {
        ...rest,
        recommendations: rows.flatMap(([text, agencyId, dueOn]) =>
          text && agencyId && dueOn ? [{ text, agencyId, dueOn }] : [],
        ),
      };
    },
  );
