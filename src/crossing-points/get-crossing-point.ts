import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { crossingPoints, plbSwitches, type CrossingPointRow, type PlbSwitch } from './schema.ts';

/** A crossing point with its PLB switches, newest in force first: enough to judge a PLB on any day without a query. */
export type CrossingPoint = CrossingPointRow & { plbSwitches: PlbSwitch[] };

const newestFirst = [desc(plbSwitches.effectiveFrom), desc(plbSwitches.switchedAt)];

export async function getCrossingPoint(db: Executor, code: string): Promise<CrossingPoint> {
  const [point] = await db.select().from(crossingPoints).where(eq(crossingPoints.code, code));
  if (!point) throw new AppError('not_found');
  const switches = await db
    .select()
    .from(plbSwitches)
    .where(eq(plbSwitches.pointCode, code))
    .orderBy(...newestFirst);
  return { ...point, plbSwitches: switches };
}

/** Every crossing point, by unit then name, each with its switches. */
export async function listCrossingPoints(db: Executor): Promise<CrossingPoint[]> {
  const points = await db.select().from(crossingPoints).orderBy(asc(crossingPoints.unitCode), asc(crossingPoints.name));
  if (points.length === 0) return [];
  const switches = await db
    .select()
    .from(plbSwitches)
    .where(
      inArray(
        plbSwitches.pointCode,
        points.map((p) => p.code),
      ),
    )
    .orderBy(...newestFirst);
  return points.map((p) => ({ ...p, plbSwitches: switches.filter((s) => s.pointCode === p.code) }));
}

/** The switch in force on a WITA day: the newest whose day has come (the later of two for the same day). */
export function plbSwitchOn(point: CrossingPoint, date: IsoDate): PlbSwitch | null {
  return (
    [...point.plbSwitches]
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.switchedAt.getTime() - a.switchedAt.getTime())
      .find((s) => s.effectiveFrom <= date) ?? null
  );
}

/**
 * Whether a Pas Lintas Batas may be used at the point on a WITA day: the point inspects PLBs and the switch in force
 * says its counterpart accepts them. No switch yet means no.
 */
export function plbUsableAt(point: CrossingPoint, date: IsoDate): boolean {
  return point.documents.includes('plb') && (plbSwitchOn(point, date)?.accepts ?? false);
}
