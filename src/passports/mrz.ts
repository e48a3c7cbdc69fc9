/**
 * The machine-readable zone of a passport data page: ICAO Doc 9303 (8th edition) Part 3 §4.6 (names), §4.9 (check
 * digits), §6 Table A (transliteration) and Part 4 §4.2 (TD3: 2 lines × 44). Pure; where the stated family name
 * stands in the name is the applications' rule, shared.
 */
import { familyNameAt, nameWords } from '../applications/family-name.ts';

const FILLER = '<';
const TD3_NAME_WIDTH = 39;

export type MrzNameInput = { primary: string; secondary?: string | null };

export type Td3Input = {
  /** 'P', or 'P' plus the passport type letter (Doc 9303 Part 4 §4.4); padded with '<' to two characters. */
  documentType?: string;
  issuingState?: string;
  nationality?: string;
  documentNumber: string;
  name: MrzNameInput;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'F' | 'M' | 'X';
  /** YYYY-MM-DD */
  expiryDate: string;
  /** Personal number or other optional data, A–Z 0–9 <, at most 14 characters (positions 29–42 of line 2). */
  optionalData?: string;
};

/** Doc 9303 Part 3 §4.9: weights 7-3-1, 0–9 → 0–9, A–Z → 10–35, '<' → 0, sum modulo 10. */
export function checkDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    let value: number;
    if (c >= '0' && c <= '9') value = c.charCodeAt(0) - 48;
    else if (c >= 'A' && c <= 'Z') value = c.charCodeAt(0) - 55;
    else if (c === FILLER) value = 0;
    else throw new Error(`MRZ check digit: invalid character ${JSON.stringify(c)} in ${JSON.stringify(field)}`);
    sum += value * [7, 3, 1][i % 3]!;
  }
  return String(sum % 10);
}

// Doc 9303 Part 3 §6 Table A, upper case (ß upper-cases to SS by itself). Where the table offers two forms (Ä AE or
// A, Å AA or A, Ö OE or O, Ü UE or U) the first is taken; the other letters here do not decompose under NFD. Every
// other accented Latin letter loses its accent: the table's form for it is its base letter.
const LATIN: Record<string, string> = {
  Ä: 'AE',
  Å: 'AA',
  Æ: 'AE',
  Ö: 'OE',
  Ø: 'OE',
  Ü: 'UE',
  ẞ: 'SS',
  Œ: 'OE',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ħ: 'H',
  Ĳ: 'IJ',
  Ŀ: 'L',
  Ł: 'L',
  Ŋ: 'N',
  Ŧ: 'T',
};
// ʼ (U+02BC) is a letter to Unicode but an apostrophe in names.
const APOSTROPHE = /['‘’ʼ`]/u;
const SEPARATOR = /[\s,\-‐‑‒–—]/u;

/**
 * One identifier as MRZ components. Part 3 §4.6: apostrophes are dropped and their parts joined (O'BRIEN → OBRIEN);
 * hyphens, spaces and commas separate components (one '<' each); other punctuation and digits are dropped.
 * A letter outside Table A (Cyrillic, Arabic…) throws rather than vanish from the name.
 */
function components(identifier: string): string[] {
  let out = '';
  for (const ch of identifier.normalize('NFC').toUpperCase()) {
    const latin = (LATIN[ch] ?? ch).normalize('NFD').replace(/\p{M}/gu, '');
    for (const c of latin) {
      if (c >= 'A' && c <= 'Z') out += c;
      else if (SEPARATOR.test(c)) out += FILLER;
      else if (/\p{L}/u.test(c) && !APOSTROPHE.test(c)) {
        throw new Error(`MRZ name: cannot transliterate ${JSON.stringify(ch)} in ${JSON.stringify(identifier)}`);
      }
    }
  }
  return out.split(FILLER).filter((part) => part !== '');
}

/**
 * The components joined with '<' in at most `budget` positions, ending with a letter. Whole components are kept from
 * the front; the first one that does not fit is cut to what is left, down to its initial (Doc 9303 Part 4 §4.2.3.2:
 * CHARONGUANG → CHARONGU, KRASUANG → K). When a single position is left, too few for '<' and an initial, the
 * rightmost kept component longer than one letter gives up its last letter so that the initial still fits. Shorter
 * than `budget` only when no component can give up a letter.
 */
function fit(parts: string[], budget: number): string {
  const kept: string[] = [];
  let used = 0;
  for (const part of parts) {
    const room = budget - used - (kept.length > 0 ? 1 : 0);
    if (room < 0) break;
    if (room === 0) {
      const donor = kept.findLastIndex((k) => k.length > 1);
      if (donor >= 0) {
        kept[donor] = kept[donor]!.slice(0, -1);
        kept.push(part[0]!);
      }
      break;
    }
    const piece = part.slice(0, room);
    used += (kept.length > 0 ? 1 : 0) + piece.length;
    kept.push(piece);
    if (piece.length < part.length) break;
  }
  return kept.join(FILLER);
}

/**
 * The name field: primary `<<` secondary, components separated by '<', padded with '<' to `width` (39 on TD3).
 * A name with only a primary identifier is followed by fillers alone.
 *
 * Truncation (Doc 9303 Part 4 §4.2.2.1 and §4.2.3), only when the full name does not fit: the field then ends with
 * a letter, which tells readers the name may have been cut.
 * - The secondary identifier is cut first, the primary kept whole, while that leaves room for `<<` and at least one
 *   letter of the secondary.
 * - Otherwise the primary is cut to width − 3 and followed by `<<` and the secondary's first letter: the least
 *   truncation of the primary the standard allows (it permits, but does not require, cutting the primary further).
 * - A primary alone is cut to the width.
 * Cutting keeps whole components from the front, as `fit` describes.
 */
export function mrzName(name: MrzNameInput, width = TD3_NAME_WIDTH): string {
  if (!Number.isInteger(width) || width < 4)
    throw new Error(`MRZ name: width must be an integer of at least 4, got ${width}`);
  const primary = components(name.primary);
  if (primary.length === 0)
    throw new Error(`MRZ name: the primary identifier ${JSON.stringify(name.primary)} has no letters`);
  const secondary = components(name.secondary ?? '');
  const p = primary.join(FILLER);
  const full = secondary.length > 0 ? `${p}${FILLER}${FILLER}${secondary.join(FILLER)}` : p;
  if (full.length <= width) return full.padEnd(width, FILLER);

  if (secondary.length === 0) return fit(primary, width).padEnd(width, FILLER);
  const kept = p.length + 3 <= width ? p : fit(primary, width - 3);
  return `${kept}${FILLER}${FILLER}${fit(secondary, width - kept.length - 2)}`.padEnd(width, FILLER);
}

/**
 * The MRZ's primary and secondary identifiers (Doc 9303 Part 3 §4.6) of an Indonesian name. Many Indonesian names
 * have no family name, and where there is one it is not always the last word, so the applicant states it: the
 * stated family-name part is the primary identifier and the other words, in order, the secondary
 * (MARIA IMACULATA DA COSTA-SOARES with "Da Costa-Soares" → DA<COSTA<SOARES<<MARIA<IMACULATA). For a name without
 * one ('') the whole name is the primary identifier with no secondary, as in Part 4 §4.2.3.1 f
 * (SATRIYA SUDARPA → SATRIYA<SUDARPA). A family name that is not part of the full name throws.
 */
export function mrzNameParts(fullName: string, familyName: string): { primary: string; secondary: string | null } {
  const full = nameWords(fullName);
  if (full.length === 0) throw new Error('MRZ name: the name is empty');
  const family = nameWords(familyName);
  if (family.length === 0) return { primary: full.join(' '), secondary: null };
  const at = familyNameAt(full, family);
  if (at < 0) throw new Error('MRZ name: the family name is not part of the full name');
  const rest = [...full.slice(0, at), ...full.slice(at + family.length)];
  return { primary: full.slice(at, at + family.length).join(' '), secondary: rest.length > 0 ? rest.join(' ') : null };
}

function yymmdd(date: string, label: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  // Date.UTC rolls 2023-02-30 over into March: a date that does not survive the round trip does not exist.
  if (!m || new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().slice(0, 10) !== date) {
    throw new Error(`MRZ: ${label} must be a real date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  return `${m[1]!.slice(2)}${m[2]}${m[3]}`;
}

function stateCode(code: string, label: string): string {
  if (!/^[A-Z]{1,3}$/.test(code))
    throw new Error(`MRZ: ${label} must be a code of 1–3 letters A–Z, got ${JSON.stringify(code)}`);
  return code.padEnd(3, FILLER);
}

/**
 * The two TD3 lines (Doc 9303 Part 4 §4.2.2). Throws a plain Error for input that cannot be written.
 *
 * Optional data is empty unless given. A NIK (16 digits) does not fit its 14 positions, and cutting it would
 * produce a number that is nobody's, so callers that want one there must decide what to put; more than 14 throws.
 * When the field is all fillers its check digit is '0' (Part 4 allows '0' or '<'): '0' is what the check-digit
 * algorithm gives, so readers that do not special-case an empty field still validate it, and as '<' also counts 0
 * the composite is the same either way.
 */
export function buildTd3(input: Td3Input): [string, string] {
  const documentType = input.documentType ?? 'P';
  if (!/^P[A-Z]?$/.test(documentType)) {
    throw new Error(`MRZ: document type must be P or P plus one letter A–Z, got ${JSON.stringify(documentType)}`);
  }
  const issuingState = stateCode(input.issuingState ?? 'IDN', 'issuing state');
  const nationality = stateCode(input.nationality ?? 'IDN', 'nationality');
  if (!/^[A-Z0-9]{1,9}$/.test(input.documentNumber)) {
    throw new Error(`MRZ: document number must be 1–9 characters A–Z 0–9, got ${JSON.stringify(input.documentNumber)}`);
  }
  const birth = yymmdd(input.birthDate, 'birth date');
  const expiry = yymmdd(input.expiryDate, 'expiry date');
  if (input.expiryDate <= input.birthDate) throw new Error('MRZ: the expiry date must be after the birth date');
  const sex = ({ F: 'F', M: 'M', X: FILLER } as Record<string, string>)[input.sex];
  if (!sex) throw new Error(`MRZ: sex must be F, M or X, got ${JSON.stringify(input.sex)}`);
  const optionalData = input.optionalData ?? '';
  if (!/^[A-Z0-9<]{0,14}$/.test(optionalData)) {
    throw new Error(`MRZ: optional data must be at most 14 characters A–Z 0–9 <, got ${JSON.stringify(optionalData)}`);
  }

  const line1 = `${documentType.padEnd(2, FILLER)}${issuingState}${mrzName(input.name)}`;
  const number = input.documentNumber.padEnd(9, FILLER);
  const optional = optionalData.padEnd(14, FILLER);
  const numberPart = `${number}${checkDigit(number)}`;
  const birthPart = `${birth}${checkDigit(birth)}`;
  const tail = `${expiry}${checkDigit(expiry)}${optional}${checkDigit(optional)}`;
  const composite = checkDigit(`${numberPart}${birthPart}${tail}`);
  return [line1, `${numberPart}${nationality}${birthPart}${sex}${tail}${composite}`];
}
