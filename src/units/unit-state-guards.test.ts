import { eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { Browser } from '../../test/http.ts';
import { makeApplication, makeOfficer, makeUnit, openDate, sessionCookie } from '../../test/factories.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import type { Account, OfficerRole } from '../platform/auth/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { translator } from '../platform/i18n/index.ts';
import { unitStateChanges, units } from './schema.ts';
import { seedUnits } from './seed-units.ts';

const tId = translator('id');

describeApp('post states: what guards them', (ctx) => {
  const officer = (role: OfficerRole, unitCode: string) => makeOfficer(ctx.db, { role, unitCode });
  const tokenOf = async (account: Account) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token;
  const post = async (token: string, url: string, payload: object) =>
    ctx.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
  const history = (code: string) => ctx.db.select().from(unitStateChanges).where(eq(unitStateChanges.unitCode, code));

  it('refuses to close a unit while appointments from today on are live there, on the page too', async () => {
    const unit = await makeUnit(ctx.db, { stateSince: '2025-01-06' });
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 3);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const citizen = await ctx.db.transaction((tx) =>
      createApiToken(tx, systemCaller('test'), application.accountId, 'test'),
    );
    const booked = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${application.id}/appointment`,
      headers: { authorization: `Bearer ${citizen.token}` },
      payload: { date },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const admin = await officer('admin', 'KANWIL-NTT');
    const close = { step: 'close', effectiveOn: '2025-02-03', note: 'Ditutup' };
    const refused = await post(await tokenOf(admin), `/api/v1/units/${unit.code}/state`, close);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual({ step: tId('units.v.liveAppointments', { count: 1 }) });
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, admin));
    const onPage = await browser.post(`/admin/units/${unit.code}/state`, close);
    expect(onPage.statusCode).toBe(422);
    expect(onPage.body).toContain(tId('units.v.liveAppointments', { count: 1 }));
    expect(await history(unit.code)).toHaveLength(0);
    expect((await ctx.app.inject({ url: `/api/v1/units/${unit.code}` })).json().state).toBe('active');

    // Once the appointment is gone (here: cancelled) the unit closes.
    const cancelled = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${application.id}/appointment/cancel`,
      headers: { authorization: `Bearer ${citizen.token}` },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await post(await tokenOf(admin), `/api/v1/units/${unit.code}/state`, close)).json().state).toBe('closed');
  });

  it('dates the revitalisation of Oepoli and Sumba Tengah on installs seeded before "since" was kept', async () => {
    const sinceOf = async (code: string) =>
      (await ctx.db.select().from(units).where(eq(units.code, code)))[0]!.stateSince;
    await ctx.db
      .update(units)
      .set({ stateSince: null })
      .where(inArray(units.code, ['POS-OEPOLI', 'POS-SUMBA-TENGAH', 'POS-MARITAING']));
    // Sumba Tengah moved on meanwhile: the seeded day is not its state's.
    await ctx.db.update(units).set({ state: 'normalised' }).where(eq(units.code, 'POS-SUMBA-TENGAH'));
    await seedUnits(ctx.db);
    await seedUnits(ctx.db);
    expect(await sinceOf('POS-OEPOLI')).toBe('2023-01-13');
    expect(await sinceOf('POS-SUMBA-TENGAH')).toBeNull();
    expect(await sinceOf('POS-MARITAING')).toBeNull();
    await ctx.db.update(units).set({ state: 'under_revitalisation' }).where(eq(units.code, 'POS-SUMBA-TENGAH'));
    await seedUnits(ctx.db);
    expect(await sinceOf('POS-SUMBA-TENGAH')).toBe('2023-01-13');
  });

  it('takes days from 2000 on (targets up to 2099) only, as a field error, even for a unit with no "since"', async () => {
    const unit = await makeUnit(ctx.db, { kind: 'pos', parentCode: 'KANIM-KUPANG', stateSince: null });
    const token = await tokenOf(await officer('admin', 'KANWIL-NTT'));
    for (const effectiveOn of ['0001-01-01', '0000-01-01', '1999-12-31']) {
      const res = await post(token, `/api/v1/units/${unit.code}/state`, { step: 'revitalise', effectiveOn, note: 'x' });
      expect(res.statusCode, effectiveOn).toBe(422);
      expect(res.json().error.fields).toEqual({ effectiveOn: tId('units.v.yearFrom') });
    }
    expect(await history(unit.code)).toHaveLength(0);
    const url = `/api/v1/units/${unit.code}/milestones`;
    const far = await post(token, url, { title: 'Gedung', targetDate: '0000-06-30' });
    expect(far.json().error.fields).toEqual({ targetDate: tId('units.v.year') });
    const made = await post(token, url, { title: 'Gedung', targetDate: '2026-06-30' });
    const early = await post(token, `${url}/${made.json().id}/actions`, { step: 'done', on: '0001-01-01' });
    expect(early.json().error.fields).toEqual({ on: tId('units.v.yearFrom') });
    const beyond = await post(token, url, { title: 'Gedung', targetDate: '2100-01-01' });
    expect(beyond.json().error.fields).toEqual({ targetDate: tId('units.v.year') });
  });

  it('answers 404 on the page for a milestone address that names none, whatever the form holds', async () => {
    const unit = await makeUnit(ctx.db, { kind: 'pos', parentCode: 'KANIM-KUPANG' });
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, await officer('admin', 'KANWIL-NTT')));
    const base = `/admin/units/${unit.code}/milestones`;
    for (const [id, form] of [
      ['not-a-uuid', { step: 'done', on: '2025-03-03', note: '' }],
      ['not-a-uuid', { step: 'done', on: 'x', note: '' }],
      [crypto.randomUUID(), { step: 'done', on: '2025-03-03', note: '' }],
      [crypto.randomUUID(), { step: 'done', on: 'x', note: '' }],
    ] as const) {
      const res = await browser.post(`${base}/${id}`, form);
      expect(res.statusCode, `${id} ${form.on}`).toBe(404);
    }
  });

  it('answers a resent request id with what it made, and 409 when the same id asks for something else', async () => {
    const unit = await makeUnit(ctx.db, { kind: 'pos', parentCode: 'KANIM-KUPANG' });
    const token = await tokenOf(await officer('admin', 'KANWIL-NTT'));
    const url = `/api/v1/units/${unit.code}/milestones`;
    const add = { title: 'Gedung', targetQuarter: '2026-Q3', note: 'DIPA', requestId: 'add-milestone-9' };
    const made = await post(token, url, add);
    expect(made.statusCode).toBe(201);
    expect((await post(token, url, add)).json().id).toBe(made.json().id);
    for (const other of [{ title: 'Lain' }, { targetQuarter: '2026-Q4' }, { note: 'lain' }]) {
      const res = await post(token, url, { ...add, ...other });
      expect(res.statusCode, JSON.stringify(other)).toBe(409);
    }
    const act = `${url}/${made.json().id}/actions`;
    const done = { step: 'done', on: '2025-03-03', note: 'Selesai', requestId: 'done-milestone-9' };
    expect((await post(token, act, done)).statusCode).toBe(200);
    expect((await post(token, act, done)).statusCode).toBe(200);
    expect((await post(token, act, { ...done, on: '2025-03-04' })).statusCode).toBe(409);
    expect((await post(token, act, { ...done, note: 'lain' })).statusCode).toBe(409);
  });

  it('links the public unit page to the officer page only for a fully signed-in officer who keeps it', async () => {
    const unit = await makeUnit(ctx.db, { kind: 'pos', parentCode: 'KANIM-KUPANG' });
    const link = `/admin/units/${unit.code}/roadmap`;
    const pageFor = async (totp: boolean) => {
      const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG', totp });
      return (await new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, head)).get(`/units/${unit.code}`)).body;
    };
    expect(await pageFor(true)).toContain(link);
    // Signed in without the second factor set up: not yet an officer who may use that page.
    expect(await pageFor(false)).not.toContain(link);
  });
});
