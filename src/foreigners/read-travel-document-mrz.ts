import { parse } from 'mrz';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Sex } from './schema.ts';

/** What a travel document tells about its holder: the fields of the foreigners' entry forms. */
export type TravelDocumentFields = {
  surname: string;
  givenNames: string;
  nationality: string;
  issuingState: string;
  documentNumber: string;
  birthDate: IsoDate;
  sex: Sex;
  expiresOn: IsoDate | null;
};

export type MrzReading =
  | { ok: true; fields: TravelDocumentFields }
  /** `format`: not two or three MRZ lines of a known document; `check`: a check digit or a code does not hold. */
  | { ok: false; reason: 'format' | 'check'; invalid: string[] };

const sexes: Record<string, Sex> = { male: 'M', female: 'F' };

/**
 * A scanner or a paste may keep any line break (CR LF, LF, a lone CR) or none: a passport's 88 characters or an ID
 * card's 90 in one line are its two lines of 44 or three of 30.
 */
function mrzLines(text: string): string[] {
  const lines = text
    .toUpperCase()
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ''))
    .filter((l) => l !== '');
  const [only] = lines;
  if (lines.length !== 1 || !only) return lines;
  if (only.length === 88) return [only.slice(0, 44), only.slice(44)];
  if (only.length === 90) return [only.slice(0, 30), only.slice(30, 60), only.slice(60)];
  return lines;
}

/**
 * Reads a passport's or ID card's machine-readable zone, typed or pasted (any line breaks or none, spaces and lower
 * case are forgiven), with the maintained `mrz` library checking every check digit and state code. A birth year's
 * century is the latest that is not in the future; an expiry is in this century.
 */
export function readTravelDocumentMrz(text: string, today: IsoDate): MrzReading {
  const lines = mrzLines(text);
  let result: ReturnType<typeof parse>;
  try {
    result = parse(lines);
  } catch {
    return { ok: false, reason: 'format', invalid: [] };
  }
  if (!result.valid) {
    const invalid = result.details.filter((d) => !d.valid).map((d) => d.field ?? d.label);
    return { ok: false, reason: 'check', invalid: [...new Set(invalid)] };
  }
  const f = result.fields;
  const birth = f.birthDate!;
  const century = Number(birth.slice(0, 2)) > Number(today.slice(2, 4)) ? '19' : '20';
  const expiry = f.expirationDate;
  return {
    ok: true,
    fields: {
      surname: f.lastName ?? '',
      givenNames: f.firstName ?? '',
      nationality: f.nationality!.padEnd(3, '<'),
      issuingState: f.issuingState!.padEnd(3, '<'),
      documentNumber: f.documentNumber!,
      birthDate: `${century}${birth.slice(0, 2)}-${birth.slice(2, 4)}-${birth.slice(4, 6)}`,
      sex: sexes[f.sex ?? ''] ?? 'X',
      expiresOn: expiry ? `20${expiry.slice(0, 2)}-${expiry.slice(2, 4)}-${expiry.slice(4, 6)}` : null,
    },
  };
}
