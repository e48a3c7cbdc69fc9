import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from '../../test/db.ts';
import { makeCitizen, makeOfficer, makeUnit } from '../../test/factories.ts';
import { seedQuotaTemplates } from '../appointments/seed-quota-templates.ts';
import { appointments } from '../appointments/schema.ts';
import { bookedOn } from '../appointments/test-support.ts';
import { paidForByPurpose } from '../billing-purposes.ts';
import { recordPayment } from '../payments/record-payment.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { callerAs } from '../stay-permits/test-support.ts';
import { biometricsDays, bookBiometrics } from './book-biometrics.ts';
import { decideApplication } from './decide-application.ts';
import { fileApplication } from './file-application.ts';
import { getPermitApplication } from './get-application.ts';
import { permitApplicationActions } from './schema.ts';
import { makeSponsoredPermit } from './test-support.ts';
import { verifyApplication } from './verify-application.ts';
import { withdrawApplication } from './withdraw-application.ts';

describeDb('biometrics visits in the stay_permit quota', (ctx) => {
  /** The refusal's code and fields, or null when it went through. */
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (err: unknown) => (err instanceof AppError ? { code: err.code, fields: err.fields } : String(err)),
    );
  /** A unit taking `perDay` visits each working day, and its first two days open for booking. */
  async function office(perDay: number) {
    const unit = await makeUnit(ctx.db, { services: ['stay_permit'] });
    await seedQuotaTemplates(ctx.db, { channel: 'stay_permit', unitCodes: [unit.code], perWeekday: perDay });
    const [first, second] = await biometricsDays(ctx.db, unit.code, witaDate());
    return { unitCode: unit.code, first: first!, second: second! };
  }
  /** A paid ITK extension at the unit, ready for its visit. */
  async function paidApplication(member: Account, unitCode: string) {
    const permit = await makeSponsoredPermit(ctx.db, member, { daysLeft: 5, unitCode });
    const filed = await ctx.db.transaction((tx) =>
      fileApplication(tx, callerAs(member), { service: 'itk_extension', permitId: permit.id }),
    );
    await ctx.db.transaction((tx) =>
      recordPayment(tx, systemCaller('test'), { code: filed.billingCode! }, paidForByPurpose),
    );
    return filed.id;
  }
  const book = (member: Account, applicationId: string, date: string) =>
    ctx.db.transaction((tx) => bookBiometrics(tx, callerAs(member), { applicationId, date }));
  const visitsOf = (applicationId: string) =>
    ctx.db
      .select({ date: appointments.date, state: appointments.state, channel: appointments.channel })
      .from(appointments)
      .where(eq(appointments.applicationId, applicationId))
      .orderBy(appointments.createdAt);
  const places = async (unitCode: string, ...days: string[]) =>
    Promise.all(days.map((d) => bookedOn(ctx.db, unitCode, d, 'stay_permit')));
  const historyOf = async (applicationId: string) =>
    (
      await ctx.db
        .select({ type: permitApplicationActions.type })
        .from(permitApplicationActions)
        .where(eq(permitApplicationActions.applicationId, applicationId))
    ).map((h) => h.type);

  it('books a place in the unit’s quota, moves it giving the old day’s place back, and releases it on withdrawal', async () => {
    const { unitCode, first, second } = await office(3);
    const member = await makeCitizen(ctx.db);
    const id = await paidApplication(member, unitCode);

    expect(await book(member, id, first)).toMatchObject({ status: 'scheduled', biometricsOn: first });
    const [visit] = await ctx.db.select().from(appointments).where(eq(appointments.applicationId, id));
    expect(visit).toMatchObject({ unitCode, date: first, channel: 'stay_permit', nik: null, state: 'paid' });
    expect(await places(unitCode, first, second)).toEqual([1, 0]);
    // The same day again keeps the one visit and its one place.
    await book(member, id, first);
    expect(await places(unitCode, first, second)).toEqual([1, 0]);

    expect(await book(member, id, second)).toMatchObject({ status: 'scheduled', biometricsOn: second });
    expect(await places(unitCode, first, second)).toEqual([0, 1]);
    expect(await visitsOf(id)).toEqual([
      { date: first, state: 'cancelled', channel: 'stay_permit' },
      { date: second, state: 'paid', channel: 'stay_permit' },
    ]);

    await ctx.db.transaction((tx) => withdrawApplication(tx, callerAs(member), { applicationId: id }));
    expect((await getPermitApplication(ctx.db, id)).status).toBe('withdrawn');
    expect(await places(unitCode, first, second)).toEqual([0, 0]);
    expect((await visitsOf(id)).map((v) => v.state)).toEqual(['cancelled', 'cancelled']);
    expect(await historyOf(id)).toEqual([
      'filed',
      'paid',
      'biometrics_booked',
      'biometrics_booked',
      'biometrics_booked',
      'withdrawn',
    ]);
  });

  it('gives the last place to one of two bookings at once; the other is told the day is full and nothing of it changes', async () => {
    const { unitCode, first, second } = await office(1);
    const member = await makeCitizen(ctx.db);
    const [a, b] = [await paidApplication(member, unitCode), await paidApplication(member, unitCode)];

    const outcomes = await Promise.all([refusal(book(member, a, first)), refusal(book(member, b, first))]);
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(outcomes.find((o) => o !== null)).toEqual({
      code: 'validation_failed',
      fields: { date: 'permitServices.v.dateFull' },
    });
    expect(await places(unitCode, first)).toEqual([1]);
    const [winner, loser] = outcomes[0] === null ? [a, b] : [b, a];
    expect(await visitsOf(loser)).toEqual([]);
    expect(await getPermitApplication(ctx.db, loser)).toMatchObject({ status: 'paid', biometricsOn: null });
    expect(await historyOf(loser)).toEqual(['filed', 'paid']);

    // Moving onto a full day is refused too, and the visit keeps its own day and place.
    await book(member, loser, second);
    expect(await refusal(book(member, winner, second))).toMatchObject({ code: 'validation_failed' });
    expect(await places(unitCode, first, second)).toEqual([1, 1]);
    expect(await getPermitApplication(ctx.db, winner)).toMatchObject({ biometricsOn: first });
    expect(await visitsOf(winner)).toEqual([{ date: first, state: 'paid', channel: 'stay_permit' }]);
  });

  it('ends a visit whose day came without giving its place back: cancelled on withdrawal, attended on a decision', async () => {
    const { unitCode, first, second } = await office(2);
    const member = await makeCitizen(ctx.db);
    /** Noon in Kupang (WITA, UTC+8) on `day`. */
    const on = (day: string) => new Date(`${day}T04:00:00Z`);
    const withdrawn = await paidApplication(member, unitCode);
    await book(member, withdrawn, first);
    await ctx.db.transaction((tx) =>
      withdrawApplication(tx, callerAs(member), { applicationId: withdrawn }, on(first)),
    );
    expect(await visitsOf(withdrawn)).toEqual([{ date: first, state: 'cancelled', channel: 'stay_permit' }]);
    expect(await places(unitCode, first)).toEqual([1]);
    const [withdrawal] = await ctx.db
      .select({ payload: permitApplicationActions.payload })
      .from(permitApplicationActions)
      .where(
        and(eq(permitApplicationActions.applicationId, withdrawn), eq(permitApplicationActions.type, 'withdrawn')),
      );
    expect(withdrawal!.payload).toMatchObject({ visitEnded: 'cancelled', visitDate: first });

    const decided = await paidApplication(member, unitCode);
    await book(member, decided, second);
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode });
    await ctx.db.transaction((tx) => verifyApplication(tx, callerAs(verifier), { applicationId: decided }));
    const adjudicator = await makeOfficer(ctx.db, { role: 'adjudicator', unitCode });
    await ctx.db.transaction((tx) =>
      decideApplication(
        tx,
        callerAs(adjudicator),
        { applicationId: decided, decision: 'refuse', reason: 'Dokumen tidak sah' },
        new Date(on(second).getTime() + 24 * 3600 * 1000),
      ),
    );
    expect(await visitsOf(decided)).toEqual([{ date: second, state: 'attended', channel: 'stay_permit' }]);
    expect(await places(unitCode, second)).toEqual([1]);
  });

  it('gives back the place of a visit still ahead when the application is refused', async () => {
    const { unitCode, second } = await office(2);
    const member = await makeCitizen(ctx.db);
    const id = await paidApplication(member, unitCode);
    await book(member, id, second);
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode });
    await ctx.db.transaction((tx) => verifyApplication(tx, callerAs(verifier), { applicationId: id }));
    const adjudicator = await makeOfficer(ctx.db, { role: 'adjudicator', unitCode });
    await ctx.db.transaction((tx) =>
      decideApplication(tx, callerAs(adjudicator), { applicationId: id, decision: 'refuse', reason: 'Tidak hadir' }),
    );
    expect(await places(unitCode, second)).toEqual([0]);
    const live = await ctx.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.applicationId, id), eq(appointments.state, 'paid')));
    expect(live).toEqual([]);
  });
});
