import { and, count, eq, gt, gte, inArray, isNull, lte, or, sum } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { adoptedVillages, villageActivities } from './schema.ts';

export type DesaBinaanFigure = { unitCode: string; regencyCode: string; category: string; count: number };

/**
 * The programme's public figures per office and regency, with nothing about a person: `villages` (adoptions in force
 * on `to`), `activities:<kind>` (held in the period) and `people_reached` (summed over the activities held). An
 * activity counts for the office that held it, even if the village has since been handed to another. `unitCodes`
 * narrows to those offices.
 */
export async function countDesaBinaan(
  db: Executor,
  period: { from: IsoDate; to: IsoDate; unitCodes?: readonly string[] },
): Promise<DesaBinaanFigure[]> {
  const units = period.unitCodes ? [...period.unitCodes] : undefined;
  const [villages, activities] = await Promise.all([
    db
      .select({ unitCode: adoptedVillages.unitCode, regencyCode: adoptedVillages.regencyCode, n: count() })
      .from(adoptedVillages)
      .where(
        and(
          lte(adoptedVillages.adoptedOn, period.to),
          or(isNull(adoptedVillages.endedOn), gt(adoptedVillages.endedOn, period.to)),
          units ? inArray(adoptedVillages.unitCode, units) : undefined,
        ),
      )
      .groupBy(adoptedVillages.unitCode, adoptedVillages.regencyCode),
    db
      .select({
        unitCode: villageActivities.unitCode,
        regencyCode: adoptedVillages.regencyCode,
        kind: villageActivities.kind,
        n: count(),
        people: sum(villageActivities.peopleReached),
      })
      .from(villageActivities)
      .innerJoin(adoptedVillages, eq(adoptedVillages.villageCode, villageActivities.villageCode))
      .where(
        and(
          eq(villageActivities.status, 'held'),
          gte(villageActivities.heldOn, period.from),
          lte(villageActivities.heldOn, period.to),
          units ? inArray(villageActivities.unitCode, units) : undefined,
        ),
      )
      .groupBy(villageActivities.unitCode, adoptedVillages.regencyCode, villageActivities.kind),
  ]);
  const figures: DesaBinaanFigure[] = villages.map((v) => ({
    unitCode: v.unitCode,
    regencyCode: v.regencyCode,
    category: 'villages',
    count: Number(v.n),
  }));
  const people = new Map<string, DesaBinaanFigure>();
  for (const a of activities) {
    figures.push({
      unitCode: a.unitCode,
      regencyCode: a.regencyCode,
      category: `activities:${a.kind}`,
      count: Number(a.n),
    });
    const key = `${a.unitCode} ${a.regencyCode}`;
    const entry = people.get(key) ?? {
      unitCode: a.unitCode,
      regencyCode: a.regencyCode,
      category: 'people_reached',
      count: 0,
    };
    entry.count += Number(a.people ?? 0);
    people.set(key, entry);
  }
  return [...figures, ...people.values()].sort(
    (a, b) =>
      a.unitCode.localeCompare(b.unitCode) ||
      a.regencyCode.localeCompare(b.regencyCode) ||
      a.category.localeCompare(b.category),
  );
}
