import { and, asc, eq, gte } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { dayQuotas, quotaOverrides, quotaTemplates } from './schema.ts';
import { emptyWeeklyQuota } from './set-quota-template.ts';

/** What the quota page shows: the weekly template, and the overrides from a date on with what is booked on them. */
export async function quotaOverview(db: Executor, unitCode: string, from: IsoDate) {
  const [templates, overrides] = await Promise.all([
    db.select().from(quotaTemplates).where(eq(quotaTemplates.unitCode, unitCode)),
    db
      .select({
        date: quotaOverrides.date,
        channel: quotaOverrides.channel,
        capacity: quotaOverrides.capacity,
        booked: dayQuotas.booked,
      })
      .from(quotaOverrides)
      .leftJoin(
        dayQuotas,
        and(
          eq(dayQuotas.unitCode, quotaOverrides.unitCode),
          eq(dayQuotas.date, quotaOverrides.date),
          eq(dayQuotas.channel, quotaOverrides.channel),
        ),
      )
      .where(and(eq(quotaOverrides.unitCode, unitCode), gte(quotaOverrides.date, from)))
      .orderBy(asc(quotaOverrides.date), asc(quotaOverrides.channel))
      .limit(200),
  ]);
  const weekly = emptyWeeklyQuota();
  for (const t of templates) if (t.weekday >= 1 && t.weekday <= 7) weekly[t.channel][t.weekday - 1] = t.capacity;
  return { weekly, overrides: overrides.map((o) => ({ ...o, booked: o.booked ?? 0 })) };
}
