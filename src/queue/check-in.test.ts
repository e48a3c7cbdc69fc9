import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { serviceDay } from '../../test/dates.ts';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeOfficer, makeUnit, openDate } from '../../test/factories.ts';
import { applicationActions } from '../applications/schema.ts';
import { appointments } from '../appointments/schema.ts';
import { settleBilling } from '../appointments/settle-billing.ts';
import { bookDirectly } from '../appointments/test-support.ts';
import { caseApi } from '../cases/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { makeBanEntry } from '../watchlist/test-support.ts';
import { checkInArrival } from './check-in-arrival.ts';
import { apiAs, arrivalState, bookedToday, counterAtOpenUnit, qrOf } from './test-support.ts';

describeApp('check-in', (ctx) => {
  const api = (...args: Parameters<ReturnType<typeof apiAs>>) => apiAs(ctx.app, ctx.db)(...args);
  const setup = () => counterAtOpenUnit(ctx.db);
  /** What a refused arrival must leave untouched. */
  const state = (applicationId: string) => arrivalState(ctx.db, applicationId);

  it('checks booked applicants in by QR, numbering A tickets per unit and day, with history and audit', async () => {
    const { unit, officer } = await setup();
    const other = await makeUnit(ctx.db);
    const otherOfficer = await makeOfficer(ctx.db, { role: 'verifier', unitCode: other.code });
    const first = await bookedToday(ctx.db, unit.code);
    const second = await bookedToday(ctx.db, unit.code, { unitCode: unit.code, status: 'booked' });
    const elsewhere = await bookedToday(ctx.db, other.code);

    const res = await api(officer, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, first) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      ticket: 'A-001',
      applicationId: first.id,
      status: 'checked_in',
      applicant: { nik: first.nik, fullName: first.fullName, trackingCode: first.trackingCode },
    });
    expect(
      (await api(officer, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, second) })).json().ticket,
    ).toBe('A-002');
    expect(
      (
        await api(otherOfficer, 'POST', `/api/v1/units/${other.code}/check-ins`, {
          qr: ` ${qrOf(ctx.app, elsewhere)}\n`,
        })
      ).json().ticket,
    ).toBe('A-001');

    expect(await state(first.id)).toMatchObject({ status: 'checked_in', tickets: 1 });
    expect((await state(second.id)).status).toBe('checked_in');
    const [action] = await ctx.db
      .select()
      .from(applicationActions)
      .where(and(eq(applicationActions.applicationId, first.id), eq(applicationActions.type, 'check_in')));
    expect(action).toMatchObject({
      actorId: officer.id,
      payload: { status: 'checked_in', ticket: 'A-001', appointmentId: first.appointmentId },
    });
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'queue.check_in')))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.details)).toEqual([
      { ticket: 'A-001', via: 'qr' },
      { ticket: 'A-002', via: 'qr' },
    ]);
  });

  it('refuses a tampered QR, a QR for another unit or another day, and changes nothing', async () => {
    const { unit, officer } = await setup();
    const other = await makeUnit(ctx.db);
    const both = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANWIL-NTT' });
    const arrival = await bookedToday(ctx.db, unit.code);
    const before = await state(arrival.id);
    const qr = qrOf(ctx.app, arrival);
    const post = (body: Record<string, unknown>, code = unit.code, who = officer) =>
      api(who, 'POST', `/api/v1/units/${code}/check-ins`, body);
    const refused = async (
      body: Record<string, unknown>,
      code: string,
      status: number,
      error: string,
      who = officer,
    ) => {
      const res = await post(body, code, who);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(error);
      return res.json().error as { fields?: Record<string, string> };
    };

    const signature = qr.slice(qr.lastIndexOf('.') + 1);
    await refused(
      { qr: qr.slice(0, -signature.length) + (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1) },
      unit.code,
      422,
      'invalid_qr',
    );
    // The date edited without the key: the signature no longer matches.
    await refused({ qr: qr.replace(witaDate(), addDays(witaDate(), 1)) }, unit.code, 422, 'invalid_qr');
    await refused({ qr: 'not a qr' }, unit.code, 422, 'invalid_qr');
    // The refusal says which office and which day the appointment is for.
    const elsewhere = await refused({ qr }, other.code, 409, 'wrong_unit', both);
    expect(elsewhere.fields).toEqual({
      qr: `Jadwal ini untuk ${unit.name} pada ${witaDate()}, bukan untuk kantor ini.`,
    });
    const tomorrow = await refused(
      { qr: qrOf(ctx.app, arrival, { date: addDays(witaDate(), 1) }) },
      unit.code,
      409,
      'wrong_day',
    );
    expect(tomorrow.fields).toEqual({
      qr: `Jadwal ini untuk ${addDays(witaDate(), 1)} di ${unit.name}, bukan untuk hari ini.`,
    });
    // A genuine QR of yesterday's proof for an appointment moved to another day: the day it was moved to.
    await ctx.db
      .update(appointments)
      .set({ date: addDays(witaDate(), 2) })
      .where(eq(appointments.id, arrival.appointmentId));
    expect((await refused({ qr }, unit.code, 409, 'wrong_day')).fields!.qr).toContain(addDays(witaDate(), 2));
    expect(
      (await refused({ trackingCode: arrival.trackingCode, birthDate: arrival.birthDate }, unit.code, 409, 'wrong_day'))
        .fields!.trackingCode,
    ).toContain(addDays(witaDate(), 2));
    expect(await state(arrival.id)).toEqual(before);
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'queue.check_in'))),
    ).toBe(0);
  });

  it('checks in by tracking code and birth date, and refuses a wrong birth date or a wrong status without changing anything', async () => {
    const { unit, officer } = await setup();
    const arrival = await bookedToday(ctx.db, unit.code);
    const submitted = await makeApplication(ctx.db, { unitCode: unit.code });
    const before = await state(arrival.id);
    const post = (body: Record<string, unknown>) => api(officer, 'POST', `/api/v1/units/${unit.code}/check-ins`, body);

    const wrong = await post({ trackingCode: arrival.trackingCode, birthDate: addDays(arrival.birthDate!, 1) });
    expect(wrong.statusCode).toBe(404);
    expect(await state(arrival.id)).toEqual(before);
    expect((await post({ trackingCode: 'SK0000000000', birthDate: arrival.birthDate })).statusCode).toBe(404);
    const notBooked = await post({ trackingCode: submitted.trackingCode, birthDate: submitted.birthDate });
    expect(notBooked.statusCode).toBe(409);
    expect(notBooked.json().error.code).toBe('invalid_transition');

    const typed = `${arrival.trackingCode.slice(0, 6).toLowerCase()}-${arrival.trackingCode.slice(6)}`;
    const res = await post({ trackingCode: typed, birthDate: arrival.birthDate });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ticket: 'A-001', applicant: { nik: arrival.nik } });
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'queue.check_in')));
    expect(audit!.details).toEqual({ ticket: 'A-001', via: 'tracking_code' });
  });

  it('gives one ticket per applicant and day, also to two receptions at once', async () => {
    const { unit, officer } = await setup();
    const colleague = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const arrival = await bookedToday(ctx.db, unit.code);
    const url = `/api/v1/units/${unit.code}/check-ins`;
    const results = await Promise.all([
      api(officer, 'POST', url, { qr: qrOf(ctx.app, arrival) }),
      api(colleague, 'POST', url, { trackingCode: arrival.trackingCode, birthDate: arrival.birthDate }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('already_checked_in');
    const again = await api(officer, 'POST', url, { qr: qrOf(ctx.app, arrival) });
    expect(again.json().error.code).toBe('already_checked_in');
    expect(await state(arrival.id)).toMatchObject({ status: 'checked_in', tickets: 1 });
  });

  it('uses up the appointment at check-in, so the person books again once that application is closed', async () => {
    const { unit, officer } = await setup();
    const [day, later] = [await serviceDay(ctx.db, unit.code, 0), await serviceDay(ctx.db, unit.code, 1)];
    await openDate(ctx.db, unit.code, day, 3);
    await openDate(ctx.db, unit.code, later, 3);
    const first = await makeApplication(ctx.db, { unitCode: unit.code });
    const booked = await bookDirectly(ctx.app, first, day);
    await ctx.db.transaction((tx) => settleBilling(tx, systemCaller('test'), { code: booked.billing.code }));
    await ctx.db.transaction((tx) =>
      checkInArrival(
        tx,
        systemCaller('test'),
        { unitCode: unit.code, qr: booked.appointment.qr },
        ctx.app.deps.secrets.qr,
        witaInstant(day, '09:00'),
      ),
    );
    const [attended] = await ctx.db.select().from(appointments).where(eq(appointments.id, booked.appointment.id));
    expect(attended).toMatchObject({ state: 'attended', endedAt: expect.any(Date) });

    // Refused at the counter (the prevention list), the person applies again under the same NIK and books.
    const { act } = caseApi(ctx);
    await makeBanEntry(ctx.db, { nik: first.nik!, fullName: first.fullName!, reason: 'Uji', reference: 'SK-01' });
    await act(officer, first.id, { type: 'take' });
    const documents = ['ektp', 'kk', 'akta_kelahiran'].map((kind) => ({ kind, accepted: true }));
    expect((await act(officer, first.id, { type: 'document_check', documents })).statusCode).toBe(200);
    expect((await act(officer, first.id, { type: 'watchlist_check' })).json()).toMatchObject({ status: 'rejected' });
    const again = await makeApplication(ctx.db, {
      unitCode: unit.code,
      accountId: first.accountId,
      nik: first.nik,
      birthDate: first.birthDate,
    });
    expect(await bookDirectly(ctx.app, again, later)).toMatchObject({ created: true, appointment: { date: later } });
  });

  it('numbers check-ins at several receptions at once without gaps or duplicates', async () => {
    const { unit } = await setup();
    const officers = await Promise.all(
      [1, 2, 3].map(() => makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code })),
    );
    const arrivals = await Promise.all([1, 2, 3, 4, 5, 6].map(() => bookedToday(ctx.db, unit.code)));
    const results = await Promise.all(
      arrivals.map((a, i) =>
        api(officers[i % 3]!, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, a) }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(results.map((r) => r.json().ticket as string).sort()).toEqual([
      'A-001',
      'A-002',
      'A-003',
      'A-004',
      'A-005',
      'A-006',
    ]);
  });
});
