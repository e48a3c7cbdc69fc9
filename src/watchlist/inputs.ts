import { z } from 'zod';
import { blankAsMissing, isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import { banLists, banSources, type WatchlistEntry } from './schema.ts';

const nik = z
  .string()
  .trim()
  .regex(/^\d{16}$/, 'v.nikFormat');
const nationality = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z<]{3}$/, 'watchlist.v.countryCode')
  .describe('ICAO three-letter code, as in the MRZ (IDN, TLS, AUS, D<< …)');
const documentNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9 -]{0,19}$/, 'watchlist.v.documentNumber');
const common = {
  fullName: z.string().trim().min(2, 'v.required').max(200, 'v.tooLong'),
  reason: z.string().trim().min(3, 'v.required').max(500, 'v.tooLong').describe('Legal basis and grounds in words'),
  reference: requiredText(200).describe('Number of the letter or decision the listing rests on'),
  validFrom: isoDateField.optional().describe('First day (WITA); today when left out'),
  validUntil: isoDateField.optional().describe('Last day (WITA), inclusive; the longest the law allows when left out'),
  requestId: requestIdField,
};

/** A prevention-list entry over the API: a NIK or a birth date; a travel document with its nationality. */
export const ExitEntryBody = z.object({
  ...common,
  nik: nik.optional(),
  nationality: nationality.optional(),
  documentNumber: documentNumber.optional(),
  birthDate: isoDateField.optional(),
});

/** An entry-ban entry over the API: a foreigner by nationality, travel document and birth date. */
export const EntryBanBody = z.object({
  ...common,
  nationality,
  documentNumber,
  birthDate: isoDateField,
  foreignerId: z.uuid().optional().describe('The person in the foreigners register who showed this document'),
});

/** The add form of either list's page: empty fields are "not given"; the use case asks for what its list needs. */
export const EntryForm = z.object({
  ...common,
  nik: blankAsMissing(nik),
  nationality: blankAsMissing(nationality),
  documentNumber: blankAsMissing(documentNumber),
  birthDate: blankAsMissing(isoDateField),
  validFrom: blankAsMissing(isoDateField),
  validUntil: blankAsMissing(isoDateField),
});

export const ExtendBody = z.object({
  validUntil: isoDateField.describe('The new last day'),
  reference: requiredText(200).describe('Number of the letter or decision that extends the listing'),
  requestId: requestIdField,
});

export const LiftBody = z.object({
  reason: z.string().trim().min(3, 'v.required').max(500, 'v.tooLong'),
  requestId: requestIdField,
});

export const EntryParams = z.object({ id: z.uuid() });
const search = z
  .string()
  .trim()
  .max(200, 'v.tooLong')
  .optional()
  .describe('Part of a name (any spelling of its letters), a whole NIK or a whole document number');
const before = z.uuid().optional().describe('The last entry of the page before: the next page has older entries');

export const ListQuery = z.object({
  lifted: z.enum(['true', 'false']).default('false'),
  q: search,
  before,
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Entries per page'),
});

/** The list's page: lifted ones shown, a search, a page further. */
export const PageQuery = z.object({ lifted: z.literal('1').optional(), q: search, before });

export const EntryJson = z.object({
  id: z.string(),
  list: z.enum(banLists),
  nik: z.string().nullable(),
  nationality: z.string().nullable(),
  documentNumber: z.string().nullable(),
  foreignerId: z.string().nullable(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  reason: z.string(),
  reference: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  extensions: z.number().int(),
  source: z.enum(banSources),
  sourceRef: z.string().nullable(),
  addedAt: z.date(),
  liftedAt: z.date().nullable(),
  liftReason: z.string().nullable(),
});

/** An entry as the keepers' API shows it (the history and who acted stay in the audit trail). */
export const entryJson = (e: WatchlistEntry): z.infer<typeof EntryJson> => ({
  id: e.id,
  list: e.list,
  nik: e.nik,
  nationality: e.nationality,
  documentNumber: e.documentNumber,
  foreignerId: e.foreignerId,
  fullName: e.fullName,
  birthDate: e.birthDate,
  reason: e.reason,
  reference: e.reference,
  validFrom: e.validFrom,
  validUntil: e.validUntil,
  extensions: e.extensions,
  source: e.source,
  sourceRef: e.sourceRef,
  addedAt: e.addedAt,
  liftedAt: e.liftedAt,
  liftReason: e.liftReason,
});
