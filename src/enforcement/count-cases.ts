import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { MeasureType } from './schema.ts';

/**
 * One row per unit, month (`YYYY-MM` of the decision's WITA day), action of Pasal 75(2) and nationality (ICAO code):
 * how many decisions named that action. A decision naming a deportation and a listing counts once in each.
 */
export type DecisionCount = {
  unitCode: string;
  month: string;
  measure: MeasureType;
  nationality: string;
  decisions: number;
};
/** One row per unit, month (`YYYY-MM` of the departure day) and nationality: deportations carried out. */
export type DeportationCount = { unitCode: string; month: string; nationality: string; deportations: number };

/** Administrative action decisions in the range (by decision day): counts only, no person; of the units given, when given. */
export async function countDecisions(
  db: Executor,
  range: { from: IsoDate; to: IsoDate; unitCodes?: readonly string[] },
): Promise<DecisionCount[]> {
  const rows = await queryRows<{ unit_code: string; month: string; type: MeasureType; nationality: string; n: number }>(
    db,
    sql`
    select c.unit_code, to_char(c.decided_on, 'YYYY-MM') as month, m.type, c.nationality, count(*)::int as n
    from enforcement_cases c join enforcement_measures m on m.case_id = c.id
    where c.decided_on between ${range.from}::date and ${range.to}::date ${range.unitCodes ? sql`and c.unit_code in ${range.unitCodes}` : sql``}
    group by 1, 2, 3, 4 order by 2, 1, 3, 4`,
  );
  return rows.map((r) => ({
    unitCode: r.unit_code,
    month: r.month,
    measure: r.type,
    nationality: r.nationality,
    decisions: r.n,
  }));
}

/** Deportations carried out in the range (by departure day): counts only, no person; of the units given, when given. */
export async function countDeportations(
  db: Executor,
  range: { from: IsoDate; to: IsoDate; unitCodes?: readonly string[] },
): Promise<DeportationCount[]> {
  const rows = await queryRows<{ unit_code: string; month: string; nationality: string; n: number }>(
    db,
    sql`
    select unit_code, to_char(depart_on, 'YYYY-MM') as month, nationality, count(*)::int as n
    from deportations where depart_on between ${range.from}::date and ${range.to}::date ${range.unitCodes ? sql`and unit_code in ${range.unitCodes}` : sql``}
    group by 1, 2, 3 order by 2, 1, 3`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, month: r.month, nationality: r.nationality, deportations: r.n }));
}
