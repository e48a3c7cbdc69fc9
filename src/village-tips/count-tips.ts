import { and, count, gte, inArray, lt, sql } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { villageTips, villageWarnings } from './schema.ts';
import { inForceOn } from './warning-in-force.ts';

export type Period = { from: IsoDate; to: IsoDate };

const receivedIn = (period: Period & { unitCodes?: readonly string[] }) =>
  and(
    gte(villageTips.receivedAt, witaInstant(period.from)),
    lt(villageTips.receivedAt, witaInstant(addDays(period.to, 1))),
    period.unitCodes ? inArray(villageTips.unitCode, [...period.unitCodes]) : undefined,
  );

/**
 * Tips received in the period (WITA days, both ends included) per office, regency of the village ('' when none was
 * given) and `<kind>:<outcome or "open">`: figures without personal data, for the transparency page and the
 * dashboard (`unitCodes` narrows to those offices).
 */
export async function countTips(
  db: Executor,
  period: Period & { unitCodes?: readonly string[] },
): Promise<{ unitCode: string; regencyCode: string; category: string; count: number }[]> {
  const regency = sql<string>`coalesce(left(${villageTips.villageCode}, 5), '')`;
  const category = sql<string>`${villageTips.kind} || ':' || coalesce(${villageTips.outcome}, 'open')`;
  const rows = await db
    .select({ unitCode: villageTips.unitCode, regencyCode: regency, category, count: count() })
    .from(villageTips)
    .where(receivedIn(period))
    .groupBy(villageTips.unitCode, regency, category)
    .orderBy(villageTips.unitCode, regency, category);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/**
 * For each village asked about: tips received in the period about it, and warnings whose area is the village in
 * force on the period's last day (`inForceOn`: raised by then, not closed nor expired then). Villages with neither
 * are there with zeros.
 */
export async function countTipsByVillage(
  db: Executor,
  villageCodes: string[],
  period: Period,
): Promise<Map<string, { tips: number; openWarnings: number }>> {
  const result = new Map(villageCodes.map((code) => [code, { tips: 0, openWarnings: 0 }]));
  if (villageCodes.length === 0) return result;
  const tips = await db
    .select({ code: villageTips.villageCode, count: count() })
    .from(villageTips)
    .where(and(inArray(villageTips.villageCode, villageCodes), receivedIn(period)))
    .groupBy(villageTips.villageCode);
  const warnings = await db
    .select({ code: villageWarnings.areaCode, count: count() })
    .from(villageWarnings)
    .where(and(inArray(villageWarnings.areaCode, villageCodes), inForceOn(period.to)))
    .groupBy(villageWarnings.areaCode);
  for (const t of tips) result.get(t.code!)!.tips = Number(t.count);
  for (const w of warnings) result.get(w.code!)!.openWarnings = Number(w.count);
  return result;
}
