import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, openDate } from '../../test/factories.ts';
import { bookAppointment } from '../appointments/book-appointment.ts';
import { appointments, quotaOverrides } from '../appointments/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { makeOutreachUnit } from './test-support.ts';

const rules = { windowDays: 30, opensAt: '08:00', billingValidMinutes: 120 };

describeDb('booking from a given channel', (ctx) => {
  it('takes the place from the channel asked for, and from the speed when none is asked', async () => {
    const { unit } = await makeOutreachUnit(ctx.db);
    const day = await serviceDay(ctx.db, unit.code, 2);
    await openDate(ctx.db, unit.code, day, 1);
    const book = (applicationId: string, channel?: 'eazy_paspor') =>
      ctx.db.transaction((tx) =>
        bookAppointment(tx, systemCaller('test'), { applicationId, date: day, channel }, rules, 'secret'),
      );

    // Only the online channel is open: the Eazy Paspor channel has no places.
    const participant = await makeApplication(ctx.db, { unitCode: unit.code });
    await expect(book(participant.id, 'eazy_paspor')).rejects.toMatchObject({ code: 'quota_full' });
    await ctx.db.insert(quotaOverrides).values({ unitCode: unit.code, date: day, channel: 'eazy_paspor', capacity: 1 });
    await book(participant.id, 'eazy_paspor');
    const regular = await makeApplication(ctx.db, { unitCode: unit.code });
    await book(regular.id);

    const channelOf = async (applicationId: string) =>
      (await ctx.db.select().from(appointments).where(eq(appointments.applicationId, applicationId)))[0]?.channel;
    expect(await channelOf(participant.id)).toBe('eazy_paspor');
    expect(await channelOf(regular.id)).toBe('online');
  });
});
