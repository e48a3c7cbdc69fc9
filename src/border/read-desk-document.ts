import { findPassForCrossing, type PassForCrossing } from '../border-passes/find-pass-for-crossing.ts';
import { mrzErrorKey } from '../foreigners/inputs.ts';
import { readTravelDocumentMrz, type TravelDocumentFields } from '../foreigners/read-travel-document-mrz.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';

/** What the desk was given: a scan (both MRZ lines, a PLB's QR or number) or a passport's fields typed. */
export type DeskDocumentInput = {
  scan?: string | null;
  documentNumber?: string | null;
  nationality?: string | null;
  fullName?: string | null;
  birthDate?: IsoDate | null;
  expiresOn?: IsoDate | null;
};

export type DeskDocument = { kind: 'passport'; doc: TravelDocumentFields } | { kind: 'plb'; pass: PassForCrossing };

const isPlbNumber = (text: string) => /^PLB-[A-Z0-9]+-[A-Z0-9]{8}$/i.test(text);
/** The QR's address or its token alone: 24 URL-safe characters after the last slash. */
const isPlbToken = (text: string) => /(^|\/)[A-Za-z0-9_-]{24}$/.test(text) && !text.includes('\n');

/**
 * A passport typed field by field: every field the checks need, or the missing ones as the form's errors. A birth
 * date after today is a typing slip, refused as the foreigners' forms refuse it, not a traveller to judge.
 */
function typedPassport(input: DeskDocumentInput, today: IsoDate): TravelDocumentFields {
  const errors: FieldErrors = {};
  for (const field of ['documentNumber', 'nationality', 'fullName', 'birthDate', 'expiresOn'] as const)
    if (!input[field]) errors[field] = 'v.required';
  if (Object.keys(errors).length > 0) errors.scan = 'border.v.nothingRead';
  if (input.birthDate && input.birthDate > today) errors.birthDate = 'foreigners.v.birthInFuture';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  return {
    surname: input.fullName!.toUpperCase(),
    givenNames: '',
    nationality: input.nationality!,
    issuingState: input.nationality!,
    documentNumber: input.documentNumber!,
    birthDate: input.birthDate!,
    sex: 'X',
    expiresOn: input.expiresOn!,
  };
}

/**
 * Reads the desk's input: a scan that is a PLB number or QR finds the pass (an unknown one is the scan's error), a
 * scan of two or three lines is a passport's MRZ (check digits must hold: a misread is re-scanned, not judged), and
 * without a scan the typed fields describe a passport.
 */
export async function readDeskDocument(db: Executor, input: DeskDocumentInput, today: IsoDate): Promise<DeskDocument> {
  const scan = input.scan?.trim() ?? '';
  if (scan === '') return { kind: 'passport', doc: typedPassport(input, today) };
  if (isPlbNumber(scan) || isPlbToken(scan)) {
    const pass = await findPassForCrossing(db, isPlbNumber(scan) ? { number: scan } : { token: scan }, today);
    if (!pass) throw new AppError('validation_failed', { scan: 'border.v.passUnknown' });
    return { kind: 'plb', pass };
  }
  const reading = readTravelDocumentMrz(scan, today);
  if (!reading.ok) throw new AppError('validation_failed', { scan: mrzErrorKey(reading.reason) });
  return { kind: 'passport', doc: reading.fields };
}
