import { and, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from '../../test/db.ts';
import { makeUnit } from '../../test/factories.ts';
import { complaints } from '../complaints/schema.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { publishedReport, REFRESH_REPORTS_JOB, scheduleReportRefresh } from './published-report.ts';

describeDb('the published transparency report', (ctx) => {
  const complaintIn = async (unitCode: string, receivedAt: Date) =>
    ctx.db.insert(complaints).values({
      trackingCode: `PR${crypto.randomUUID().slice(0, 10)}`.toUpperCase(),
      secretHash: 'x',
      channel: 'web',
      type: 'complaint',
      category: 'undue_delay',
      unitCode,
      description: 'Paspor belum jadi',
      status: 'received',
      verifyDueOn: witaDate(receivedAt),
      receivedAt,
    });

  it('is read from the stored report while younger than its age, and computed again once older', async () => {
    const unit = await makeUnit(ctx.db);
    // Not a past year (kept a day), nor this one, which the refresh job of any server on this database rewrites.
    const year = Number(witaDate().slice(0, 4)) + 3;
    const t0 = new Date();
    const first = await publishedReport({ read: ctx.db, write: ctx.db }, year, 300, t0);
    expect(first.computedAt).toEqual(t0);
    await complaintIn(unit.code, new Date(`${year}-03-01T02:00:00Z`));

    const within = await publishedReport({ read: ctx.db, write: ctx.db }, year, 300, new Date(t0.getTime() + 299_000));
    expect(within.computedAt).toEqual(t0);
    expect(within.region.complaints.received).toBe(first.region.complaints.received);

    const later = new Date(t0.getTime() + 301_000);
    const after = await publishedReport({ read: ctx.db, write: ctx.db }, year, 300, later);
    expect(after.computedAt).toEqual(later);
    expect(after.region.complaints.received).toBeGreaterThan(first.region.complaints.received);
  });

  it('keeps a past year for a day, and computes on every call when the age is 0', async () => {
    const unit = await makeUnit(ctx.db);
    const year = Number(witaDate().slice(0, 4)) - 7;
    const t0 = new Date();
    const first = await publishedReport({ read: ctx.db, write: ctx.db }, year, 300, t0);
    await complaintIn(unit.code, new Date(`${year}-06-01T02:00:00Z`));
    const hoursLater = await publishedReport(
      { read: ctx.db, write: ctx.db },
      year,
      300,
      new Date(t0.getTime() + 23 * 3_600_000),
    );
    expect(hoursLater.region.complaints.received).toBe(first.region.complaints.received);
    const live = await publishedReport({ read: ctx.db, write: ctx.db }, year, 0, t0);
    expect(live.region.complaints.received).toBe(first.region.complaints.received + 1);
    const nextDay = await publishedReport(
      { read: ctx.db, write: ctx.db },
      year,
      300,
      new Date(t0.getTime() + 25 * 3_600_000),
    );
    expect(nextDay.region.complaints.received).toBe(first.region.complaints.received + 1);
  });

  it('queues one refresh at a time, none when computing per request', async () => {
    const waiting = () =>
      ctx.db
        .select({ id: jobs.id, runAt: jobs.runAt })
        .from(jobs)
        .where(and(eq(jobs.kind, REFRESH_REPORTS_JOB), isNull(jobs.doneAt), isNull(jobs.failedAt)));
    await ctx.db.delete(jobs).where(eq(jobs.kind, REFRESH_REPORTS_JOB));
    await scheduleReportRefresh(ctx.db, 0);
    expect(await waiting()).toHaveLength(0);
    const now = new Date();
    await scheduleReportRefresh(ctx.db, 300, now);
    await scheduleReportRefresh(ctx.db, 300, now);
    const queued = await waiting();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.runAt.getTime()).toBe(now.getTime() + 240_000);
  });
});
