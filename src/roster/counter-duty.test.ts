import { and, eq, inArray, sql } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { formatDay } from '../platform/i18n/index.ts';
import { holidays } from '../holidays/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { addDays, dayOfWeek } from '../platform/calendar/wita.ts';
import { queryRows } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { assignCounterDuty } from './assign-counter-duty.ts';
import { duties } from './schema.ts';

/** A Monday in a year no seeded holiday reaches, different per call so that tests never share a week. */
let weeks = 0;
const aMonday = () => {
  const start = addDays('2093-01-05', 7 * (weeks++ + Math.floor(Math.random() * 40) * 3));
  return addDays(start, (8 - dayOfWeek(start)) % 7);
};

describeApp('counter duty', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const dutiesOf = (officerIds: string[]) =>
    ctx.db.select().from(duties).where(inArray(duties.officerId, officerIds)).orderBy(duties.date);

  it('plans a range on working days only, skipping weekends and the unit’s closure, and removes one duty', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const ana = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: 'Ana Loket' });
    const budi = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code, name: 'Budi Loket' });
    const monday = aMonday();
    const wednesday = addDays(monday, 2);
    await ctx.db
      .insert(holidays)
      .values({ date: wednesday, name: 'Penutupan uji', kind: 'office_closure', unitCode: unit.code });
    const browser = await as(head);
    const page = `/officer/units/${unit.code}/calendar`;
    const to = addDays(monday, 8); // Tuesday of the next week
    const res = await browser.post(
      `${page}/counter-duty`,
      { from: monday, to, officerIds: [ana.id, budi.id] },
      `${page}?month=${monday.slice(0, 7)}`,
    );
    expect(res.statusCode, res.body).toBe(303);
    const planned = [
      monday,
      addDays(monday, 1),
      addDays(monday, 3),
      addDays(monday, 4),
      addDays(monday, 7),
      addDays(monday, 8),
    ];
    expect(res.headers.location).toBe(`${page}?month=${monday.slice(0, 7)}&saved=assigned&n=12`);
    const rows = await dutiesOf([ana.id, budi.id]);
    expect(rows.filter((r) => r.officerId === ana.id).map((r) => r.date)).toEqual(planned);
    expect(rows.every((r) => r.kind === 'counter' && r.unitCode === unit.code && r.assignedBy === head.id)).toBe(true);
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'duty.assign'))),
    ).toBe(planned.length);

    // Re-sending the range with one more officer adds only what is new.
    const cici = await makeOfficer(ctx.db, { role: 'adjudicator', unitCode: unit.code });
    const again = await browser.post(`${page}/counter-duty`, {
      from: monday,
      to,
      officerIds: [ana.id, budi.id, cici.id],
    });
    expect(again.headers.location).toContain('n=6');
    expect(await dutiesOf([ana.id, budi.id, cici.id])).toHaveLength(18);

    const removed = await browser.post(`${page}/duties/${rows[0]!.id}/remove`, {}, page);
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`${page}?month=${monday.slice(0, 7)}&saved=removed`);
    expect(await dutiesOf([ana.id, budi.id, cici.id])).toHaveLength(17);
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.targetId, rows[0]!.id), eq(auditLog.action, 'duty.remove'))),
    ).toBe(1);
    expect((await browser.post(`${page}/duties/${rows[0]!.id}/remove`, {}, page)).statusCode).toBe(404);

    // Nothing to plan, or a range the wrong way round.
    const weekend = await browser.post(
      `${page}/counter-duty`,
      { from: addDays(monday, 5), to: addDays(monday, 6), officerIds: ana.id },
      page,
    );
    expect(weekend.statusCode).toBe(422);
    expect(weekend.body).toContain('Tidak ada hari kerja dalam rentang ini.');
    expect(
      (await browser.post(`${page}/counter-duty`, { from: to, to: monday, officerIds: ana.id }, page)).statusCode,
    ).toBe(422);
    const none = await browser.post(`${page}/counter-duty`, { from: monday, to: monday }, page);
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Pilih paling sedikit satu petugas.');
  });

  it('refuses the whole range when an officer is on a session one day, naming them, and assigns nothing', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const ana = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: 'Ana Loket' });
    const yosef = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: 'Yosef Keliling' });
    const monday = aMonday();
    await ctx.db.insert(duties).values({
      date: addDays(monday, 3),
      unitCode: unit.code,
      kind: 'session',
      refId: crypto.randomUUID(),
      officerId: yosef.id,
    });
    const browser = await as(head);
    const page = `/officer/units/${unit.code}/calendar`;
    const res = await browser.post(
      `${page}/counter-duty`,
      { from: monday, to: addDays(monday, 4), officerIds: [ana.id, yosef.id] },
      page,
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Yosef Keliling');
    expect(res.body).toContain('Sudah bertugas di sesi Eazy Paspor pada hari itu.');
    expect(res.body).toContain(`href="#f-officer:${yosef.id}"`);
    expect(res.body).toContain(`Yosef Keliling (${formatDay('id', addDays(monday, 3))})`);
    expect(await dutiesOf([ana.id, yosef.id])).toHaveLength(1);

    // The same through the use case: resource_busy with the officer and the day.
    const caller = { actor: toActor(head, 'session', true) };
    const error = await ctx.db
      .transaction((tx) =>
        assignCounterDuty(tx, caller, {
          unitCode: unit.code,
          from: monday,
          to: addDays(monday, 4),
          officerIds: [ana.id, yosef.id],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'resource_busy',
      fields: { [`officer:${yosef.id}`]: 'roster.busy.session' },
      params: { date: addDays(monday, 3) },
    });
    expect(await dutiesOf([ana.id, yosef.id])).toHaveLength(1);
  });

  it('lets exactly one of two concurrent assignments of the same officer and day succeed', async () => {
    // Ana works at a post below the office, so both may roster her: the office and the post race for her day.
    const unit = await makeUnit(ctx.db);
    const post = await makeUnit(ctx.db, { parentCode: unit.code, kind: 'pos' });
    const head = toActor(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }), 'session', true);
    const ana = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: post.code });
    const day = aMonday();
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    // The first holds its row uncommitted until the second, having checked (and seen nothing), waits on it at its
    // insert: only the unique index can stop the second on PostgreSQL. PGlite runs one transaction at a time, so
    // there the second starts once the first has committed, and the check stops it.
    const plan = (unitCode: string) => ({ unitCode, from: day, to: day, officerIds: [ana.id] });
    const blockedBy = async (pid: number) =>
      (
        await queryRows<{ n: number }>(
          ctx.db,
          sql`select count(*)::int as n from pg_stat_activity where ${pid} = any(pg_blocking_pids(pid))`,
        )
      )[0]!.n;
    const first = ctx.db
      .transaction(async (tx) => {
        const result = await assignCounterDuty(tx, { actor: head }, plan(unit.code));
        const [backend] =
          ctx.kind === 'postgres' ? await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`) : [];
        inserted();
        if (backend)
          await vi.waitFor(async () => expect(await blockedBy(backend.pid)).toBeGreaterThan(0), { timeout: 10_000 });
        return result;
      })
      .finally(() => inserted());
    const second = firstInserted.then(() =>
      ctx.db.transaction((tx) => assignCounterDuty(tx, { actor: head }, plan(post.code))),
    );
    const results = await Promise.allSettled([first, second]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const refused = (results[1] as PromiseRejectedResult).reason as AppError;
    expect(refused).toMatchObject({ code: 'resource_busy' });
    // Which guard stopped it: the index (no time to name anyone) on PostgreSQL, the check on PGlite.
    expect(refused.fields).toEqual(
      ctx.kind === 'postgres' ? undefined : { [`officer:${ana.id}`]: 'roster.busy.counter' },
    );
    expect(await dutiesOf([ana.id])).toMatchObject([{ unitCode: unit.code, date: day }]);
  });
});
