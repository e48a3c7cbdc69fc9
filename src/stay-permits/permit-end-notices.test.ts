import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { makeForeigner } from '../foreigners/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { describeDb } from '../../test/db.ts';
import { makeCitizen } from '../../test/factories.ts';
import { extendStayPermit } from './extend-stay-permit.ts';
import { permitEndNotices } from './schema.ts';
import { NOTICE_JOB, scheduleEndNotices, sendPermitEndNotices } from './send-permit-end-notices.ts';
import { makeSponsor, makeStayPermit } from './test-support.ts';

const options = { publicUrl: 'https://sikoe.test' };

describeDb('stay permits: notices 30, 14 and 7 days before a permit ends', (ctx) => {
  const mailsTo = (email: string) =>
    ctx.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${email}`));
  const noticesOf = (permitId: string) =>
    ctx.db
      .select({ daysBefore: permitEndNotices.daysBefore })
      .from(permitEndNotices)
      .where(eq(permitEndNotices.permitId, permitId))
      .orderBy(sql`days_before desc`);
  const run = (today: string) => ctx.db.transaction((tx) => sendPermitEndNotices(tx, today, options));

  it('mails every member once per threshold, the nearest one when first seen late, and again after an extension', async () => {
    // A day of its own far ahead, so other tests' permits (ending near today) are not in this run.
    const today = addDays(witaDate(), 3000 + Math.floor(Math.random() * 5000));
    const [a, b] = [await makeCitizen(ctx.db), await makeCitizen(ctx.db)];
    const sponsor = await makeSponsor(ctx.db, {
      members: [a, b],
      registrationNumber: `8${Date.now()}`.slice(0, 13),
    });
    const { id: foreignerId } = await makeForeigner(ctx.db, { surname: 'NOTICED' });
    const soon = await makeStayPermit(ctx.db, {
      foreignerId,
      sponsorId: sponsor.id,
      validFrom: today,
      validUntil: addDays(today, 20),
    });
    const late = await makeStayPermit(ctx.db, {
      sponsorId: sponsor.id,
      validFrom: today,
      validUntil: addDays(today, 10),
    });
    const far = await makeStayPermit(ctx.db, {
      sponsorId: sponsor.id,
      validFrom: today,
      validUntil: addDays(today, 31),
    });
    const unsponsored = await makeStayPermit(ctx.db, { validFrom: today, validUntil: addDays(today, 5) });

    expect(await run(today)).toBe(2);
    expect(await noticesOf(soon.id)).toEqual([{ daysBefore: 30 }]);
    expect(await noticesOf(late.id)).toEqual([{ daysBefore: 14 }]);
    expect(await noticesOf(far.id)).toEqual([]);
    expect(await noticesOf(unsponsored.id)).toEqual([]);
    const first = await mailsTo(a.email);
    expect(first).toHaveLength(2);
    expect((await mailsTo(b.email)).length).toBe(2);
    const text = String(first.find((m) => String(m.payload.text).includes('NOTICED'))!.payload.text);
    expect(text).toContain('in 20 days');
    expect(text).toContain('EPO');
    expect(text).toContain(`https://sikoe.test/sponsors/${sponsor.id}/permits/${soon.id}`);

    expect(await run(today)).toBe(0);
    expect(await run(addDays(today, 1))).toBe(1);
    expect(await noticesOf(far.id)).toEqual([{ daysBefore: 30 }]);
    expect(await run(addDays(today, 6))).toBe(2);
    expect(await noticesOf(late.id)).toEqual([{ daysBefore: 14 }, { daysBefore: 7 }]);
    expect(await run(addDays(today, 13))).toBe(1);
    expect(await noticesOf(soon.id)).toEqual([{ daysBefore: 30 }, { daysBefore: 14 }, { daysBefore: 7 }]);
    expect(await run(addDays(today, 13))).toBe(0);
    expect((await mailsTo(a.email)).length).toBe(6);

    await ctx.db.transaction((tx) =>
      extendStayPermit(tx, systemCaller('test'), { permitId: late.id, validUntil: addDays(today, 40) }),
    );
    expect(await run(addDays(today, 14))).toBe(1);
    expect(await noticesOf(late.id)).toHaveLength(3);
  });

  it('keeps one run waiting for the next morning', async () => {
    const today = witaDate();
    await ctx.db.transaction((tx) => scheduleEndNotices(tx, today));
    await ctx.db.transaction((tx) => scheduleEndNotices(tx, today));
    const waiting = await ctx.db.$count(
      jobs,
      and(eq(jobs.kind, NOTICE_JOB), sql`done_at is null and failed_at is null`),
    );
    expect(waiting).toBe(1);
  });
});
