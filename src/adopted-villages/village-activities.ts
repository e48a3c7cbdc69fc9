import { periodOfAtMost } from '../platform/http/fields.ts';
import { PeriodQuery } from './inputs.ts';
import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import type { Executor } from '../platform/db/index.ts';
import { listNamesOnDuty } from '../roster/list-names-on-duty.ts';
import {
  activityKinds,
  villageActivities,
  villageActivityActions,
  type ActivityKind,
  type VillageActivity,
} from './schema.ts';
import { emptySignals, type VillageSignals, type VillageSignalsOf } from './village-signals.ts';

export type Period = { from: IsoDate; to: IsoDate };
export type ActivityRow = VillageActivity & { officers: string[]; createdByName: string | null };

/**
 * A village's activities in the period, latest first, with their officers: those on its roster duty, or for an
 * activity of a past day recorded as held when it was entered, those its record names (it never went on the roster).
 */
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
    // The id last: two activities written in one instant still list in the same order every time.
    .orderBy(desc(villageActivities.heldOn), asc(villageActivities.createdAt), asc(villageActivities.id));
  const recorded = await recordedOfficers(
    db,
    rows.map((r) => r.activity.id),
  );
  return Promise.all(
    rows.map(async (r) => ({
      ...r.activity,
      createdByName: r.createdByName,
      officers:
        recorded.get(r.activity.id) ??
        (await listNamesOnDuty(db, r.activity.id)).flatMap((d) => (d.officerName ? [d.officerName] : [])),
    })),
  );
}

/** The officers named by the activities entered as held at once (their first history entry is `held`). */
async function recordedOfficers(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const entries = await db
    .select({ activityId: villageActivityActions.activityId, payload: villageActivityActions.payload })
    .from(villageActivityActions)
    .where(and(inArray(villageActivityActions.activityId, ids), eq(villageActivityActions.type, 'held')));
  const named = entries.flatMap((e) =>
    Array.isArray(e.payload.officerIds) ? [{ id: e.activityId, officerIds: e.payload.officerIds as string[] }] : [],
  );
  const officerIds = [...new Set(named.flatMap((n) => n.officerIds))];
  const names = officerIds.length
    ? await db
        .select({ id: accounts.id, name: accounts.name })
        .from(accounts)
        .where(inArray(accounts.id, officerIds))
        .orderBy(asc(accounts.name))
    : [];
  return new Map(named.map((n) => [n.id, names.filter((a) => n.officerIds.includes(a.id)).map((a) => a.name)]));
}

export type VillageSummary = {
  held: Record<ActivityKind, number>;
  planned: number;
  peopleReached: number;
  /** Null where the reader may not read the signals (see `adopted_village.signals`): they are not even counted. */
  signals: VillageSignals | null;
};

/**
 * Per village: activities held by kind, still planned, people reached in the period, and the other features'
 * signals for the villages in `signalCodes` only (those whose signals the reader may read).
 */
export async function summariseVillages(
  db: Executor,
  codes: string[],
  period: Period,
  signalsOf: VillageSignalsOf,
  signalCodes: readonly string[],
): Promise<Map<string, VillageSummary>> {
  if (codes.length === 0) return new Map();
  const readable = codes.filter((c) => signalCodes.includes(c));
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
    readable.length > 0 ? signalsOf(db, readable, period) : new Map<string, VillageSignals>(),
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
          signals: readable.includes(code) ? (signals.get(code) ?? emptySignals) : null,
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

/**
 * The period a page asks for in its query, checked as `PeriodQuery` checks it: the form pages that answer a refused
 * POST read the query without the GET's schema, so a query that fails it (a date that is none, more than a year, or
 * one end only, which would leave the other open) gives the default period instead of reaching the database.
 */
export function periodOfQuery(today: IsoDate, query: unknown): Period {
  const parsed = PeriodQuery.safeParse(query ?? {});
  if (!parsed.success) return defaultPeriod(today, {});
  const period = defaultPeriod(today, parsed.data);
  return period.from <= period.to && periodOfAtMost(366)(period) ? period : defaultPeriod(today, {});
}
