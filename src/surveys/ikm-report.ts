import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { getUnit } from '../units/list-units.ts';
import type { Unit } from '../units/schema.ts';
import { unitScope } from '../units/scope.ts';
import { computeIkm, periodBounds, type IkmResult } from './compute-ikm.ts';
import { countServed, sampleSize, type SampleSize } from './sample-size.ts';
import type { SurveyService } from './schema.ts';
import { profileFields, type ProfileField } from './inputs.ts';

export type ProfileCounts = Record<ProfileField, { value: string | null; count: number }[]>;
export type IkmReport = {
  unit: Unit;
  from: IsoDate;
  to: IsoDate;
  service: SurveyService | null;
  ikm: IkmResult;
  sample: SampleSize;
  profile: ProfileCounts;
};

const columns: Record<ProfileField, string> = {
  ageGroup: 'age_group',
  sex: 'sex',
  education: 'education',
  occupation: 'occupation',
};

/**
 * A unit's IKM for a period (the unit and the units below it), with the Krejcie–Morgan sample still needed and the
 * respondents' profile counts (null: not given): what the officer page, the PDF and the Excel report show.
 * `population` overrides the people-served count when the officer knows better.
 */
export async function ikmReport(
  db: Executor,
  input: { unitCode: string; from: IsoDate; to: IsoDate; service?: SurveyService; population?: number },
): Promise<IkmReport> {
  const unit = await getUnit(db, input.unitCode);
  const unitCodes = await unitScope(db, unit.code);
  const ikm = await computeIkm(db, { unitCodes, service: input.service, from: input.from, to: input.to });
  const population = input.population ?? (await countServed(db, { unitCodes, from: input.from, to: input.to }));
  const { start, end } = periodBounds(input.from, input.to);
  const profile = {} as ProfileCounts;
  for (const field of profileFields) {
    const rows = await queryRows<{ value: string | null; count: number }>(
      db,
      sql`
      select ${sql.identifier(columns[field])} as value, count(*)::int as count from survey_responses
      where unit_code in ${unitCodes} and answered_at >= ${start} and answered_at < ${end} ${input.service ? sql`and service = ${input.service}` : sql``}
      group by 1 order by 1 nulls last`,
    );
    profile[field] = rows.map((r) => ({ value: r.value, count: Number(r.count) }));
  }
  return {
    unit,
    from: input.from,
    to: input.to,
    service: input.service ?? null,
    ikm,
    sample: sampleSize(population, ikm.respondents),
    profile,
  };
}
