import { eq, inArray, ne } from 'drizzle-orm';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { withCounts } from './list-detainees.ts';
import { missedStreaks } from './missed-months.ts';
import { detainees, detentionAlerts, refugeeReports, refugees, type AlertKind } from './schema.ts';

type Alert = { unitCode: string; subjectId: string; kind: AlertKind; key: string };

/** The month before the one `today` falls in: the last month whose report can be missed. */
function lastMonthOver(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The daily scan: a detainee whose review is due or who is within the warning days of Pasal 85's limit, and a
 * refugee under oversight with three months in a row unreported, each raise an alert once (per review due day, per
 * limit, per streak). Returns the alerts newly raised.
 */
export async function scanDetention(tx: Tx, today = witaDate()): Promise<Alert[]> {
  const alerts: Alert[] = [];
  const held = await withCounts(tx, await tx.select().from(detainees).where(ne(detainees.status, 'released')), today);
  for (const d of held) {
    if (d.reviewDueOn && d.reviewDueOn <= today)
      alerts.push({ unitCode: d.authorityUnitCode, subjectId: d.id, kind: 'review_due', key: d.reviewDueOn });
    if (d.warnOn <= today)
      alerts.push({ unitCode: d.authorityUnitCode, subjectId: d.id, kind: 'limit_near', key: d.limitOn });
  }
  const overseen = await tx.select().from(refugees).where(eq(refugees.status, 'under_oversight'));
  const reports = overseen.length
    ? await tx
        .select({ refugeeId: refugeeReports.refugeeId, month: refugeeReports.month })
        .from(refugeeReports)
        .where(
          inArray(
            refugeeReports.refugeeId,
            overseen.map((r) => r.id),
          ),
        )
    : [];
  const last = lastMonthOver(today);
  for (const r of overseen) {
    const reported = new Set(reports.filter((p) => p.refugeeId === r.id).map((p) => p.month));
    for (const start of missedStreaks(r.firstMonth, last, reported))
      alerts.push({ unitCode: r.unitCode, subjectId: r.id, kind: 'missed_reports', key: start });
  }
  if (alerts.length === 0) return [];
  const raised = await tx
    .insert(detentionAlerts)
    .values(alerts.map((a) => ({ ...a, raisedOn: today })))
    .onConflictDoNothing()
    .returning();
  return raised.map(({ unitCode, subjectId, kind, key }) => ({ unitCode, subjectId, kind, key }));
}
