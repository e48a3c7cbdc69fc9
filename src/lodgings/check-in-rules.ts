import { desc } from 'drizzle-orm';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { lodgingRules } from './schema.ts';

export type LodgingRule = typeof lodgingRules.$inferSelect;

/** Every dated rule, newest first: a handful of rows, read once per request and judged per guest. */
export function listLodgingRules(db: Executor): Promise<LodgingRule[]> {
  return db.select().from(lodgingRules).orderBy(desc(lodgingRules.validFrom));
}

/**
 * Whether a check-in reported at `reportedAt` came after the deadline in force on the check-in's WITA day. A report
 * exactly at the deadline is on time; a check-in before any rule was in force is never late.
 */
export function isLate(rules: readonly LodgingRule[], checkInAt: Date, reportedAt: Date): boolean {
  const day = witaDate(checkInAt);
  const rule = rules.find((r) => r.validFrom <= day && (!r.validUntil || day <= r.validUntil));
  if (!rule) return false;
  return reportedAt.getTime() > checkInAt.getTime() + rule.checkInDueHours * 3_600_000;
}
