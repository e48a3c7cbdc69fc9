import { sql } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { applicationActions, applications } from './schema.ts';

export type ActionCount = { unitCode: string; villageCode: string | null; value: string | null; count: number };

/**
 * Actions of one type recorded between `from` and `to` (WITA days, inclusive) whose payload contains `match`,
 * counted per application unit, address village and the payload's `key` (null where an action lacks it). The owner of
 * the action type (e.g. cases, for interviews) says what its payload means; this only counts, without personal data.
 * `villageCodes` narrows to applicants living in those villages, `unitCodes` to applications of those units.
 */
export async function countActionsByPayload(
  db: Executor,
  query: {
    type: string;
    match: Record<string, string>;
    key: string;
    period: { from: IsoDate; to: IsoDate };
    villageCodes?: readonly string[];
    unitCodes?: readonly string[];
  },
): Promise<ActionCount[]> {
  const { type, match, key, period, villageCodes, unitCodes } = query;
  if ((villageCodes && villageCodes.length === 0) || (unitCodes && unitCodes.length === 0)) return [];
  const inUnits = unitCodes ? sql`and a.unit_code in ${unitCodes}` : sql``;
  const inVillages = villageCodes
    ? sql`and a.village_code in (${sql.join(
        villageCodes.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql``;
  const rows = await queryRows<{
    unit_code: string | null;
    village_code: string | null;
    value: string | null;
    n: number;
  }>(
    db,
    sql`select a.unit_code, a.village_code, x.payload->>${key} as value, count(*)::int as n
      from ${applicationActions} x join ${applications} a on a.id = x.application_id
      where x.type = ${type} and x.payload @> ${JSON.stringify(match)}::jsonb
        and x.at >= ${witaInstant(period.from)} and x.at < ${witaInstant(addDays(period.to, 1))}
        ${inVillages} ${inUnits}
      group by 1, 2, 3`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code ?? '', villageCode: r.village_code, value: r.value, count: r.n }));
}
