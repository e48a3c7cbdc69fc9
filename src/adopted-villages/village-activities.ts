import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import type { Executor } from '../platform/db/index.ts';
import { listNamesOnDuty } from '../roster/list-names-on-duty.ts';
import { activityKinds, villageActivities, type ActivityKind, type VillageActivity } from './schema.ts';
import { emptySignals, type VillageSignals, type VillageSignalsOf } from './village-signals.ts';

export type Period = { from: IsoDate; to: IsoDate };
export type ActivityRow = VillageActivity & { officers: string[]; createdByName: string | null };

/** A village's activities in the period, latest first, with the officers on their roster duty. */
export async function listVillageActivities(db: Executor, code: string, period: Period): Promise<ActivityRow[]> {
  const rows = await db
    .select({ activity: villageActivities, createdByName: accounts.name })
    .from(villageActivities)
    .leftJoin(accounts, eq(accounts.id, villageActivities.createdBy))
    .where(
      and(
        eq(villageActivities.villageCode, code),
        gte(villageActivities.heldOn, period.from),
        lte(villageActivities.heldOn, period.to),
      ),
    )
    .orderBy(desc(villageActivities.heldOn), asc(villageActivities.createdAt));
  return Promise.all(
    rows.map(async (r) => ({
      ...r.activity,
      createdByName: r.createdByName,
      officers: (await listNamesOnDuty(db, r.activity.id)).flatMap((d) => (d.officerName ? [d.officerName] : [])),
    })),
  );
}

export type VillageSummary = {
  held: Record<ActivityKind, number>;
  planned: number;
  peopleReached: number;
  signals: VillageSignals;
};

/** Per village: activities held by kind, still planned, people reached in the period, and the other features' signals. */
export async function summariseVillages(
  db: Executor,
  codes: string[],
  period: Period,
  signalsOf: VillageSignalsOf,
): Promise<Map<string, VillageSummary>> {
  if (codes.length === 0) return new Map();
  const [rows, signals] = await Promise.all([
    db
      .select({
        code: villageActivities.villageCode,
        kind: villageActivities.kind,
        status: villageActivities.status,
        people: villageActivities.peopleReached,
      })
      .from(villageActivities)
      .where(
        and(
          inArray(villageActivities.villageCode, codes),
          gte(villageActivities.heldOn, period.from),
          lte(villageActivities.heldOn, period.to),
        ),
      ),
    signalsOf(db, codes, period),
  ]);
  return new Map(
    codes.map((code) => {
      const mine = rows.filter((r) => r.code === code);
      const held = mine.filter((r) => r.status === 'held');
      return [
        code,
        {
          held: Object.fromEntries(activityKinds.map((k) => [k, held.filter((r) => r.kind === k).length])) as Record<
            ActivityKind,
            number
          >,
          planned: mine.filter((r) => r.status === 'planned').length,
          peopleReached: held.reduce((sum, r) => sum + (r.people ?? 0), 0),
          signals: signals.get(code) ?? emptySignals,
        },
      ];
    }),
  );
}

/** The village of an activity (the roster's calendar links to activities by id), or not_found. */
export async function findActivityVillage(db: Executor, id: string): Promise<string> {
  const [row] = await db
    .select({ code: villageActivities.villageCode })
    .from(villageActivities)
    .where(eq(villageActivities.id, id));
  if (!row) throw new AppError('not_found');
  return row.code;
}

/** The office's default period: from the first of this month to two months ahead, so planned activities show. */
export const defaultPeriod = (today: IsoDate, period: { from?: IsoDate; to?: IsoDate }): Period => ({
  from: period.from ?? `${today.slice(0, 8)}01`,
  to: period.to ?? addDays(today, 60),
});
