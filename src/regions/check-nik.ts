import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { districts } from './schema.ts';

export type ParsedNik = {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  /** Day of birth with the women's +40 (or the irregular +50/+60) removed. */
  day: number;
  month: number;
  /** Two-digit year: the century is not in the NIK. */
  year2: number;
  sex: 'F' | 'M';
  /** How much was added to the day: 0 (men), 40 (women), 50 or 60 (irregular, seen in real data). */
  dayOffset: 0 | 40 | 50 | 60;
  serial: string;
};

/** Splits a NIK (16 digits: PP RR DD DDMMYY SSSS) into its parts, or null when it cannot be one. */
export function parseNik(nik: string): ParsedNik | null {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{4})$/.exec(nik);
  if (!m) return null;
  const [, pp, rr, dd, rawDay, mm, yy, serial] = m as unknown as string[];
  const encodedDay = Number(rawDay);
  // Women: day + 40 (41–71). Above 71 only the irregular +50/+60 fit; checkNik resolves 51–71 against the birth date.
  const dayOffset = encodedDay > 81 ? 60 : encodedDay > 71 ? 50 : encodedDay > 40 ? 40 : 0;
  const day = encodedDay - dayOffset;
  const month = Number(mm);
  if (day < 1 || day > 31 || month < 1 || month > 12 || serial === '0000') return null;
  return {
    provinceCode: pp!,
    regencyCode: `${pp}.${rr}`,
    districtCode: `${pp}.${rr}.${dd}`,
    day,
    month,
    year2: Number(yy),
    sex: dayOffset === 0 ? 'M' : 'F',
    dayOffset: dayOffset,
    serial: serial!,
  };
}

export type NikCheck = { errors: string[]; warnings: string[]; parsed: ParsedNik | null };

/**
 * Checks a NIK against the Kemendagri district list and, when given, the applicant's birth date (YYYY-MM-DD)
 * and sex. Returns catalogue keys: errors refuse the NIK, warnings let it through for an officer to look at
 * (a day encoded +50/+60 occurs in real records).
 */
export async function checkNik(
  db: Executor,
  nik: string,
  person: { birthDate?: string; sex?: 'F' | 'M' } = {},
): Promise<NikCheck> {
  const parsed = parseNik(nik);
  if (!parsed) return { errors: ['v.nikFormat'], warnings: [], parsed };
  const errors: string[] = [];
  const warnings: string[] = [];
  const [district] = await db
    .select({ code: districts.code })
    .from(districts)
    .where(eq(districts.code, parsed.districtCode));
  if (!district) errors.push('v.nikRegion');
  let offset: number = parsed.dayOffset;
  if (person.birthDate) {
    const [y, mo, d] = person.birthDate.split('-').map(Number) as [number, number, number];
    offset = parsed.day + parsed.dayOffset - d;
    if (![0, 40, 50, 60].includes(offset) || mo !== parsed.month || y % 100 !== parsed.year2)
      errors.push('v.nikBirthDate');
  }
  if (offset === 50 || offset === 60) warnings.push('w.nikDayOffset');
  if (person.sex && person.sex !== parsed.sex) errors.push('v.nikSex');
  return { errors, warnings, parsed };
}
