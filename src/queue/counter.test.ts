import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeOfficer, makeUnit } from '../../test/factories.ts';
import { applicationActions, applications } from '../applications/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { queueTickets } from './schema.ts';
import { alwaysOpen, apiAs, bookedToday, priorityQuota, qrOf } from './test-support.ts';

describeApp('calling tickets at the counters', (ctx) => {
  const api = (...args: Parameters<ReturnType<typeof apiAs>>) => apiAs(ctx.app, ctx.db)(...args);
  /** A unit with `booked` A arrivals checked in, then `priority` P walk-ins. */
  const queueOf = async (booked: number, priority = 0) => {
    const unit = await makeUnit(ctx.db, { openingHours: alwaysOpen });
    const officer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const admitted: { ticket: string; applicationId: string; ticketId: string }[] = [];
    for (let i = 0; i < booked; i++) {
      const arrival = await bookedToday(ctx.db, unit.code);
      admitted.push(
        (await api(officer, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, arrival) })).json(),
      );
    }
    if (priority) await priorityQuota(ctx.db, unit.code, priority);
    for (let i = 0; i < priority; i++) {
      const walkIn = await makeApplication(ctx.db, { unitCode: unit.code });
      admitted.push(
        (
          await api(officer, 'POST', `/api/v1/units/${unit.code}/walk-ins`, {
            trackingCode: walkIn.trackingCode,
            birthDate: walkIn.birthDate,
            reason: 'disabled',
          })
        ).json(),
      );
    }
    return { unit, officer, admitted };
  };
  const call = (officer: { id: string }, unitCode: string, counter = 'Loket 1') =>
    api(officer, 'POST', `/api/v1/units/${unitCode}/queue/call`, { counter });

  it('calls priority tickets first, then booked ones in the order they arrived, and says when nobody waits', async () => {
    const { unit, officer, admitted } = await queueOf(2, 1);
    expect(admitted.map((a) => a.ticket)).toEqual(['A-001', 'A-002', 'P-001']);
    const calls = [];
    for (let i = 0; i < 3; i++) calls.push((await call(officer, unit.code, 'Loket 2')).json());
    expect(calls.map((c) => c.ticket)).toEqual(['P-001', 'A-001', 'A-002']);
    expect(calls[0]).toMatchObject({ applicationId: admitted[2]!.applicationId, counter: 'Loket 2', calls: 1 });
    const empty = await call(officer, unit.code);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.code).toBe('queue_empty');
    const [row] = await ctx.db.select().from(queueTickets).where(eq(queueTickets.id, calls[1].ticketId));
    expect(row).toMatchObject({ counter: 'Loket 2', calledBy: officer.id, calls: 1 });
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'queue.call'))),
    ).toBe(3);

    const board = (await ctx.app.inject({ url: `/api/v1/units/${unit.code}/queue` })).json();
    expect(board).toMatchObject({ unitCode: unit.code, waiting: { A: 0, P: 0 } });
    expect(board.called.map((c: { ticket: string }) => c.ticket)).toEqual(['A-002', 'A-001', 'P-001']);
    expect(JSON.stringify(board)).not.toMatch(/applicationId|nik|fullName|trackingCode/i);
  });

  it('never gives two officers calling at once the same ticket', async () => {
    const { unit, admitted } = await queueOf(6, 2);
    const officers = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        makeOfficer(ctx.db, { role: n % 2 ? 'verifier' : 'counter_officer', unitCode: unit.code }),
      ),
    );
    const results = await Promise.all(
      [...Array(9).keys()].map((i) => call(officers[i % 4]!, unit.code, `Loket ${i + 1}`)),
    );
    const called = results.filter((r) => r.statusCode === 200).map((r) => r.json().ticket as string);
    expect(called.sort()).toEqual(admitted.map((a) => a.ticket).sort());
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(['queue_empty']);
    const rows = await ctx.db.select().from(queueTickets).where(eq(queueTickets.unitCode, unit.code));
    expect(rows.every((r) => r.calls === 1 && r.counter)).toBe(true);
    expect(new Set(rows.map((r) => r.counter)).size).toBe(8);
  });

  it('recalls a ticket and marks a no-show, which leaves the queue and the display but keeps the case checked in', async () => {
    const { unit, officer, admitted } = await queueOf(2);
    const first = (await call(officer, unit.code)).json();
    const recall = (ticketId: string, counter = 'Loket 1') =>
      api(officer, 'POST', `/api/v1/units/${unit.code}/queue/tickets/${ticketId}/recall`, { counter });
    const noShow = (ticketId: string) =>
      api(officer, 'POST', `/api/v1/units/${unit.code}/queue/tickets/${ticketId}/no-show`);

    // A waiting ticket is called, not recalled; a ticket of another unit is not found there.
    expect((await recall(admitted[1]!.ticketId)).json().error.code).toBe('invalid_transition');
    const elsewhere = await queueOf(1);
    expect((await recall(elsewhere.admitted[0]!.ticketId)).statusCode).toBe(404);

    const again = await recall(first.ticketId, 'Loket 3');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ ticket: 'A-001', counter: 'Loket 3', calls: 2 });

    const gone = await noShow(first.ticketId);
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toEqual({ ticket: 'A-001' });
    expect((await noShow(first.ticketId)).json().error.code).toBe('invalid_transition');
    const board = (await ctx.app.inject({ url: `/api/v1/units/${unit.code}/queue` })).json();
    expect(board.called).toEqual([]);
    expect(board.waiting).toEqual({ A: 1, P: 0 });
    const [application] = await ctx.db
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.id, first.applicationId));
    expect(application!.status).toBe('checked_in');
    const [noted] = await ctx.db
      .select()
      .from(applicationActions)
      .where(
        and(eq(applicationActions.applicationId, first.applicationId), eq(applicationActions.type, 'queue_no_show')),
      );
    expect(noted!.payload).toEqual({ ticket: 'A-001', counter: 'Loket 3' });
    // The next call skips the no-show.
    expect((await call(officer, unit.code)).json().ticket).toBe('A-002');

    // Back later the same day: a recall brings the ticket back to the display.
    expect((await recall(first.ticketId)).json()).toMatchObject({ ticket: 'A-001', calls: 3 });
    const [row] = await ctx.db.select().from(queueTickets).where(eq(queueTickets.id, first.ticketId));
    expect(row!.noShowAt).toBeNull();
    const audited = await ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.targetId, first.ticketId)))
      .orderBy(auditLog.id);
    expect(audited.map((a) => a.action)).toEqual(['queue.call', 'queue.recall', 'queue.no_show', 'queue.recall']);
  });
});
