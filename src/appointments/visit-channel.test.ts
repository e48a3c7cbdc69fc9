import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeOfficer, makeUnit, openDate, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import type { Account } from '../platform/auth/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import { translator } from '../platform/i18n/index.ts';
import { releaseVisit } from './release-visit.ts';
import { reserveVisit } from './reserve-visit.ts';
import { appointments, channels } from './schema.ts';
import { bookDirectly, bookedOn, ownerBrowser } from './test-support.ts';

describeApp('the stay-permit visit channel', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  /** The weekly form with `stay_permit` at `visits` on weekdays and nothing else. */
  const weekly = (visits: number) =>
    Object.fromEntries(
      channels.flatMap((c) =>
        [1, 2, 3, 4, 5, 6, 7].map((d) => [`${c}_${d}`, String(c === 'stay_permit' && d <= 5 ? visits : 0)]),
      ),
    );
  const reserve = (unitCode: string, date: string, applicationId: string = crypto.randomUUID()) =>
    ctx.db.transaction((tx) => reserveVisit(tx, { applicationId, unitCode, date }));

  it('is set by the head of office on the quota pages, in both languages, and holds no more visits than set', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }));
    const page = await head.get(`/officer/units/${unit.code}/quotas`);
    expect(page.body).toContain('name="stay_permit_1"');
    expect(page.body).toContain(translator('id')('counterDesk.channels.stay_permit'));
    const english = await head.setCookie('lang=en').get(`/officer/units/${unit.code}/quotas`);
    expect(english.body).toContain(translator('en')('counterDesk.channels.stay_permit'));

    expect((await head.post(`/officer/units/${unit.code}/quotas/weekly`, weekly(2))).statusCode).toBe(303);
    const [date, other] = [await serviceDay(ctx.db, unit.code, 0), await serviceDay(ctx.db, unit.code, 1)];
    const first = await reserve(unit.code, date);
    expect(first).toMatchObject({ date, movedFrom: null });
    expect(await reserve(unit.code, date)).not.toBeNull();
    expect(await reserve(unit.code, date)).toBeNull();
    expect(await bookedOn(ctx.db, unit.code, date, 'stay_permit')).toBe(2);

    // A date's own quota on the same page closes that date to visits.
    const closed = await head.post(`/officer/units/${unit.code}/quotas/dates`, {
      date: other,
      channel: 'stay_permit',
      capacity: '0',
    });
    expect(closed.statusCode, closed.body).toBe(303);
    expect(await reserve(unit.code, other)).toBeNull();

    // Released, the place is free again for the next visit.
    const [visit] = await ctx.db.select().from(appointments).where(eq(appointments.id, first!.appointmentId));
    const release = (tx: Tx) => releaseVisit(tx, { applicationId: visit!.applicationId, verified: false });
    expect(await ctx.db.transaction(release)).toEqual({
      appointmentId: visit!.id,
      date,
      state: 'cancelled',
      placeReturned: true,
    });
    expect(await bookedOn(ctx.db, unit.code, date, 'stay_permit')).toBe(1);
    expect(await reserve(unit.code, date)).not.toBeNull();
  });

  it('is never offered to citizens, and passport booking on the same day goes on beside the visits', async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    const asked = await ctx.app.inject({
      url: `/api/v1/units/${unit.code}/availability?from=${date}&to=${date}&channel=stay_permit`,
    });
    expect(asked.statusCode).toBe(422);
    expect(asked.json().error.fields).toHaveProperty('channel');

    await openDate(ctx.db, unit.code, date, 1);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const page = await (await ownerBrowser(ctx.app, ctx.db, application)).get(`/applications/${application.id}/book`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(translator('id')('counterDesk.channels.stay_permit'));
    const booked = await bookDirectly(ctx.app, application, date);
    expect(booked.created).toBe(true);
    expect(await reserve(unit.code, date)).toBeNull();
    expect(await bookedOn(ctx.db, unit.code, date, 'online')).toBe(1);
    expect(await bookedOn(ctx.db, unit.code, date, 'stay_permit')).toBe(0);
  });
});
