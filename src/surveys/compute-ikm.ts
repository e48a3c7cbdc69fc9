import { sql } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { SurveyService } from './schema.ts';

/** The 9 elements (unsur) of PermenPANRB 14/2017, in the order of ../shared/domain.md. */
export const elementCodes = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type ElementCode = (typeof elementCodes)[number];
export type IkmCategory = 'A' | 'B' | 'C' | 'D';

/**
 * The regulation's quality labels (mutu pelayanan). `label` is this Indonesian term as published, so that the public
 * API and exports carry the regulation's own words; pages show `surveys.categories.<category>` in the reader's language.
 */
export const categoryLabels: Record<IkmCategory, string> = {
  A: 'Sangat Baik',
  B: 'Baik',
  C: 'Kurang Baik',
  D: 'Tidak Baik',
};

export type IkmScore = {
  ikm: number | null;
  converted: number | null;
  category: IkmCategory | null;
  label: string | null;
};
export type IkmResult = IkmScore & { respondents: number; elements: { code: ElementCode; mean: number }[] };

/**
 * The category of a converted value (25–100). The regulation's table publishes two decimals, so the value is rounded
 * to hundredths first: 64.994 is 64.99 (D), 64.995 is 65.00 (C); likewise at 76.60/76.61 and 88.30/88.31.
 */
export function ikmCategory(converted: number): IkmCategory {
  const hundredths = Math.round(converted * 100);
  if (hundredths >= 8831) return 'A';
  if (hundredths >= 7661) return 'B';
  if (hundredths >= 6500) return 'C';
  return 'D';
}

/**
 * IKM = Σ (mean of element × 1/9) with the exact weight (the sum divided by 9, never × 0.111, which understates it by
 * 0.1 %), converted = IKM × 25. Values are unrounded; round only to show them.
 */
export function ikmFrom(elementMeans: readonly number[]): IkmScore {
  if (elementMeans.length !== elementCodes.length) return { ikm: null, converted: null, category: null, label: null };
  const ikm = elementMeans.reduce((sum, mean) => sum + mean, 0) / elementCodes.length;
  const converted = ikm * 25;
  const category = ikmCategory(converted);
  return { ikm, converted, category, label: categoryLabels[category] };
}

/**
 * The converted value as offices publish it, to hundredths: 64.99999999999999 (binary arithmetic on 65.00) is 65, the
 * same hundredths ikmCategory decides the category on, so the published value and its category always agree.
 */
export const publishedConverted = (converted: number): number => Math.round(converted * 100) / 100;

/** A result as the public API publishes it: the converted value to hundredths, everything else as computed. */
export const publishedIkm = (result: IkmResult): IkmResult => ({
  ...result,
  converted: result.converted === null ? null : publishedConverted(result.converted),
});

/** The WITA days from…to (inclusive) as instants, for `answered_at`. */
export const periodBounds = (from: IsoDate, to: IsoDate) => ({
  start: witaInstant(from),
  end: witaInstant(addDays(to, 1)),
});

/**
 * IKM of the responses answered (WITA days, inclusive) at the given units (`null`: every unit), optionally of one
 * service. With no respondents the elements list is empty and every score is null.
 */
export async function computeIkm(
  db: Executor,
  input: { unitCodes: string[] | null; service?: SurveyService; from: IsoDate; to: IsoDate },
): Promise<IkmResult> {
  const empty: IkmResult = { respondents: 0, elements: [], ikm: null, converted: null, category: null, label: null };
  if (input.unitCodes?.length === 0) return empty;
  const { start, end } = periodBounds(input.from, input.to);
  const [row] = await queryRows<Record<string, string | number | null>>(
    db,
    sql`
    select count(*)::int as respondents, ${sql.join(
      elementCodes.map((c) => sql`avg(${sql.identifier(c)})::float8 as ${sql.identifier(c)}`),
      sql`, `,
    )}
    from survey_responses
    where answered_at >= ${start} and answered_at < ${end}
      ${input.unitCodes ? sql`and unit_code in ${input.unitCodes}` : sql``}
      ${input.service ? sql`and service = ${input.service}` : sql``}`,
  );
  const respondents = Number(row?.respondents ?? 0);
  if (!row || respondents === 0) return empty;
  const elements = elementCodes.map((code) => ({ code, mean: Number(row[code]) }));
  return { respondents, elements, ...ikmFrom(elements.map((e) => e.mean)) };
}
