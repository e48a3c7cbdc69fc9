import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { auditFor } from '../accounts/test-support.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { getCrossingPoint, listCrossingPoints, plbUsableAt } from './get-crossing-point.ts';
import { plbSwitches } from './schema.ts';
import { switchPlbAcceptance } from './switch-plb-acceptance.ts';
import { makeCrossingPoint } from './test-support.ts';

describeApp('crossing points and the PLB switch', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const switchesOf = async (code: string) =>
    (await ctx.db.select().from(plbSwitches).where(eq(plbSwitches.pointCode, code))).length;
  const today = witaDate();
  const form = (overrides: Record<string, string> = {}) => ({
    accepts: 'yes',
    effectiveFrom: today,
    reason: 'Nota diplomatik RDTL 12/2026',
    requestId: crypto.randomUUID(),
    ...overrides,
  });

  it('seeds the posts the sources name, each linked to a unit, with the PLB off since COVID-19 everywhere', async () => {
    const points = await listCrossingPoints(ctx.db);
    const codes = points.map((p) => p.code);
    for (const code of ['MOTAAIN', 'MOTAMASIN', 'WINI', 'NAPAN', 'OEPOLI', 'MARITAING', 'HAUMENIANA', 'KOMODO'])
      expect(codes).toContain(code);
    const motaain = await getCrossingPoint(ctx.db, 'MOTAAIN');
    expect(motaain).toMatchObject({ kind: 'plbn', unitCode: 'PLBN-MOTAAIN', documents: ['passport', 'plb'] });
    expect(motaain.counterpart).toContain('Batugade');
    for (const p of points.filter((p) => !p.code.startsWith('TEST-')))
      expect(plbUsableAt(p, today), p.code).toBe(false);
    const api = await ctx.app.inject({ url: '/api/v1/crossing-points' });
    expect(api.statusCode).toBe(200);
    const komodo = api
      .json<{ code: string; plbAccepted: boolean; documents: string[] }[]>()
      .find((p) => p.code === 'KOMODO');
    expect(komodo).toMatchObject({ plbAccepted: false, documents: ['passport'] });
  });

  it('lets the head of the point’s office switch the PLB on from a day, with the history saying who and why', async () => {
    const point = await makeCrossingPoint(ctx.db);
    const head = await makeOfficer(ctx.db, {
      role: 'head_of_office',
      unitCode: 'KANIM-ATAMBUA',
      name: 'Kepala Atambua',
    });
    const browser = await as(head);
    const page = `/officer/crossing-points/${point.code}`;
    const sent = form({ effectiveFrom: addDays(today, 1) });
    const res = await browser.post(`${page}/plb`, sent, page);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    // Resent: one switch, not two.
    await browser.post(`${page}/plb`, sent, page);
    expect(await switchesOf(point.code)).toBe(2);
    const switched = await getCrossingPoint(ctx.db, point.code);
    expect(plbUsableAt(switched, today)).toBe(false);
    expect(plbUsableAt(switched, addDays(today, 1))).toBe(true);
    const shown = await browser.get(page);
    expect(shown.body).toContain('Kepala Atambua');
    expect(shown.body).toContain('Nota diplomatik RDTL 12/2026');
    expect(await auditFor(ctx.db, point.code, 'crossing_point.plb_switched')).toHaveLength(1);
  });

  it('lets the Kanwil’s admin switch, and refuses a Kantor Imigrasi’s admin and another office’s head', async () => {
    const point = await makeCrossingPoint(ctx.db);
    const page = `/officer/crossing-points/${point.code}`;
    const kanwil = await as(await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' }));
    expect((await kanwil.post(`${page}/plb`, form(), page)).statusCode).toBe(303);
    for (const officer of [
      await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANIM-ATAMBUA' }),
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' }),
    ]) {
      const browser = await as(officer);
      const res = await browser.post(`${page}/plb`, form({ accepts: 'no' }), page);
      expect(res.statusCode).toBe(403);
      expect((await browser.get(page)).body).not.toContain(`action="${page}/plb"`);
    }
    expect(await switchesOf(point.code)).toBe(2);
  });

  it('refuses a day in the past and a point that takes no PLB, recording nothing', async () => {
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-ATAMBUA' }));
    const point = await makeCrossingPoint(ctx.db);
    const page = `/officer/crossing-points/${point.code}`;
    const past = await head.post(`${page}/plb`, form({ effectiveFrom: addDays(today, -1) }), page);
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('tidak boleh sebelum hari ini');
    const airport = await makeCrossingPoint(ctx.db, { kind: 'air', documents: ['passport'] });
    const officer = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-ATAMBUA' });
    const none = await ctx.db
      .transaction((tx) =>
        switchPlbAcceptance(
          tx,
          { actor: officerActor(officer) },
          { code: airport.code, accepts: true, effectiveFrom: today, reason: 'x' },
        ),
      )
      .catch((err: unknown) => err);
    expect(none).toMatchObject({ code: 'validation_failed', fields: { accepts: 'crossingPoints.v.noPlb' } });
    expect(await switchesOf(point.code)).toBe(1);
    expect(await switchesOf(airport.code)).toBe(1);
  });
});
