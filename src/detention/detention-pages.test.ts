import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { birthDatesFrom, makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { makeTravelDocument, mrzOf } from '../foreigners/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { DETENTION_SCAN_JOB } from './schedule-detention-scan.ts';

describeApp('the Rudenim’s pages and API', (ctx) => {
  const born = birthDatesFrom(1975);
  let browser: Browser;
  let bearer: string;
  let partnerBearer: string;
  const tokenOf = async (role: OfficerRole) => {
    const officer = await makeOfficer(ctx.db, { role, unitCode: 'RUDENIM-KUPANG' });
    return (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), officer.id, 'test'))).token;
  };
  const api = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const placement = {
    authorityUnitCode: 'KANIM-KUPANG',
    reason: 'awaiting_deportation',
    place: 'Rudenim Kupang',
    decisionNumber: 'W.21.IMI-001',
    decisionDate: '2025-01-10',
    signedBy: 'Kepala Kantor Imigrasi Kupang',
    placedOn: '2025-01-10',
    handedByAgency: 'Kanim Kupang',
    handedByOfficer: 'Petugas Inteldakim',
    handedOn: '2025-01-10',
    block: 'single',
  };

  beforeAll(async () => {
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'RUDENIM-KUPANG' });
    browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    bearer = await tokenOf('oversight_officer');
    partnerBearer = await tokenOf('partner');
  });

  it('places a detainee from the MRZ on the plain form, shows the detainee and takes a visit', async () => {
    const doc = makeTravelDocument({ nationality: 'BGD', issuingState: 'BGD', birthDate: born() });
    const form = { ...placement, mrz: mrzOf(doc), property: '1 handphone\n2 kemeja' };
    const bad = await browser.post(
      '/officer/detention/new',
      { ...form, property: 'handphone' },
      '/officer/detention/new',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Satu barang per baris');
    const res = await browser.post('/officer/detention/new', form, '/officer/detention/new');
    expect(res.statusCode).toBe(303);
    const page = await browser.get(res.headers.location as string);
    expect(page.body).toContain(doc.surname);
    expect(page.body).toContain('titipan KANIM-KUPANG');
    expect(page.body).toContain('kemeja');
    const visit = await browser.post(`${res.headers.location as string}/actions`, {
      step: 'visit',
      visitorName: 'Konsul',
      relation: 'konsuler',
      on: '2025-01-12',
      time: '10:00',
    });
    expect(visit.statusCode).toBe(303);
    expect((await browser.get('/officer/detention')).body).toContain(doc.surname);
  });

  it('places by the API once per request id, and refuses partners', async () => {
    const doc = makeTravelDocument({ nationality: 'MMR', issuingState: 'MMR', birthDate: born() });
    const body = { ...placement, document: doc, requestId: `api-${crypto.randomUUID()}` };
    const first = await api('POST', '/api/v1/detention/detainees', bearer, body);
    expect(first.statusCode).toBe(201);
    const again = await api('POST', '/api/v1/detention/detainees', bearer, body);
    expect(again.json().id).toBe(first.json().id);
    expect(first.json()).toMatchObject({
      status: 'detained',
      authorityUnitCode: 'KANIM-KUPANG',
      limitOn: '2035-01-10',
    });
    expect((await api('POST', '/api/v1/detention/detainees', partnerBearer, body)).statusCode).toBe(403);
    expect((await api('GET', `/api/v1/detention/detainees/${first.json().id}`, partnerBearer)).statusCode).toBe(403);
    const occupancy = await api('GET', '/api/v1/detention/occupancy?on=2025-01-11', bearer);
    expect(occupancy.json().byAuthority['KANIM-KUPANG']).toBeGreaterThanOrEqual(1);
  });

  it('counts people of unknown sex in the occupancy blocks, so the blocks add up to the total', async () => {
    const doc = makeTravelDocument({ nationality: 'SOM', issuingState: 'SOM', birthDate: born(), sex: 'X' });
    const on = { placedOn: '2025-01-20', decisionDate: '2025-01-20', handedOn: '2025-01-20' };
    expect(
      (await api('POST', '/api/v1/detention/detainees', bearer, { ...placement, ...on, document: doc })).statusCode,
    ).toBe(201);
    const report = (await api('GET', '/api/v1/detention/occupancy?on=2025-01-21', bearer)).json();
    const blocks = Object.values(report.byBlock as Record<string, Record<string, number>>);
    expect(blocks.reduce((n, b) => n + b.men! + b.women! + b.children! + b.other!, 0)).toBe(report.total);
    expect(report.byBlock.single.other).toBeGreaterThanOrEqual(1);
  });

  it('refuses a release as deported by hand: a deportation ends the detention through enforcement', async () => {
    const doc = makeTravelDocument({ nationality: 'LKA', issuingState: 'LKA', birthDate: born() });
    const placed = await api('POST', '/api/v1/detention/detainees', bearer, { ...placement, document: doc });
    const head = await tokenOf('head_of_office');
    const release = { step: 'release', on: '2025-02-01', reason: 'deported', reference: 'x' };
    const res = await api('POST', `/api/v1/detention/detainees/${placed.json().id}/actions`, head, release);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.reason).toBeDefined();
    expect((await api('GET', `/api/v1/detention/detainees/${placed.json().id}`, head)).json().status).toBe('detained');
  });

  it('registers a refugee and stamps the month by the API, once per month', async () => {
    const doc = makeTravelDocument({ nationality: 'AFG', issuingState: 'AFG', birthDate: born() });
    const created = await api('POST', '/api/v1/refugees', bearer, {
      document: doc,
      unhcrStatus: 'refugee',
      unhcrNumber: 'UNHCR-123',
      shelter: 'Ina Boi',
      cardNumber: `RUD-${crypto.randomUUID().slice(0, 8)}`,
      firstMonth: witaDate().slice(0, 7),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const month = witaDate().slice(0, 7);
    const report = { month, reportedOn: witaDate(), requestId: `rep-${crypto.randomUUID()}` };
    expect((await api('POST', `/api/v1/refugees/${id}/reports`, bearer, report)).json().reportedMonths).toEqual([
      month,
    ]);
    expect((await api('POST', `/api/v1/refugees/${id}/reports`, bearer, report)).statusCode).toBe(201);
    const twice = await api('POST', `/api/v1/refugees/${id}/reports`, bearer, { ...report, requestId: undefined });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.fields.month).toBe('Bulan ini sudah dicap.');
    expect((await api('POST', `/api/v1/refugees/${id}/reports`, partnerBearer, report)).statusCode).toBe(403);
    expect((await browser.get(`/officer/refugees/${id}`)).body).toContain(month);
  });
});

describeApp(
  'the daily detention scan',
  (ctx) => {
    it('runs as a daily job that queues itself for 01.00 WITA the next day', async () => {
      await ctx.db.delete(jobs).where(and(eq(jobs.kind, DETENTION_SCAN_JOB), isNull(jobs.doneAt)));
      await ctx.db.insert(jobs).values({ kind: DETENTION_SCAN_JOB, payload: {}, runAt: new Date(Date.now() - 1000) });
      await ctx.app.deps.jobs.runDue();
      const queued = await ctx.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, DETENTION_SCAN_JOB), isNull(jobs.doneAt)));
      expect(queued.map((j) => j.runAt)).toEqual([witaInstant(addDays(witaDate(), 1), '01:00')]);
    });
  },
  {},
  { ownDatabase: true },
);
