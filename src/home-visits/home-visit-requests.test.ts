import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { apiAs } from '../queue/test-support.ts';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { html, pdf, postMultipart } from '../../test/uploads.ts';
import { homeVisits } from './schema.ts';
import { bornYearsAgo, makePeduliUnit, makeVisit, visitRequest } from './test-support.ts';

describeApp('si Koe Peduli home visits: requests, evidence and access', (ctx) => {
  const api = () => apiAs(ctx.app, ctx.db);
  const as = async (account: Parameters<typeof sessionCookie>[1]) =>
    new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const visitOf = async (id: string) => (await ctx.db.select().from(homeVisits).where(eq(homeVisits.id, id)))[0]!;

  it('refuses an elderly request for someone under 60 with the reason, and stores nothing', async () => {
    const unit = await makePeduliUnit(ctx.db);
    const requester = await makeCitizen(ctx.db);
    const body = await visitRequest(ctx.db, unit.code, { applicantBirthDate: bornYearsAgo(45) });
    const res = await api()(requester, 'POST', '/api/v1/home-visits', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.reason).toBe(
      'Menurut tanggal lahirnya, pemohon berusia 45 tahun; layanan lansia untuk 60 tahun ke atas.',
    );
    const sick = await api()(requester, 'POST', '/api/v1/home-visits', { ...body, reason: 'sick' });
    expect(sick.json().error.fields).toEqual({ reasonDetails: expect.any(String) });
    const wrongNik = await api()(requester, 'POST', '/api/v1/home-visits', {
      ...body,
      applicantBirthDate: bornYearsAgo(75),
    });
    expect(wrongNik.json().error.fields).toHaveProperty('applicantBirthDate');
    expect(await ctx.db.$count(homeVisits, eq(homeVisits.requesterAccountId, requester.id))).toBe(0);

    // The page shows the same reason beside the field.
    const browser = await as(requester);
    const form = {
      requesterRelation: 'parent',
      applicantName: body.applicantName,
      applicantNik: body.applicantNik,
      applicantBirthDate: body.applicantBirthDate,
      reason: 'elderly',
      placeKind: 'home',
      address: body.address,
      place_province: '53',
      place_regency: '53.71',
      place_district: '53.71.01',
      place_village: body.villageCode,
      unitCode: unit.code,
      preferredDate1: body.preferredDates[0]!,
    };
    const page = await browser.post('/si-koe-peduli/ajukan', form, '/si-koe-peduli/ajukan');
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('pemohon berusia 45 tahun');
    expect(await ctx.db.$count(homeVisits, eq(homeVisits.requesterAccountId, requester.id))).toBe(0);
  });

  it('accepts a request from the page and shows the confirmation, signed in only', async () => {
    const unit = await makePeduliUnit(ctx.db);
    const requester = await makeCitizen(ctx.db);
    const anonymous = await new Browser(ctx.app).get('/si-koe-peduli/ajukan');
    expect(anonymous.headers.location).toBe('/login?next=%2Fsi-koe-peduli%2Fajukan');
    const body = await visitRequest(ctx.db, unit.code);
    const browser = await as(requester);
    const form = await browser.get('/si-koe-peduli/ajukan');
    const requestId = /name="requestId" value="([^"]+)"/.exec(form.body)![1]!;
    const fields = {
      requestId,
      requesterRelation: 'self',
      applicantName: body.applicantName,
      applicantNik: body.applicantNik,
      applicantBirthDate: body.applicantBirthDate,
      reason: 'elderly',
      placeKind: 'hospital',
      address: 'RSUD W. Z. Johannes, Ruang Cempaka',
      place_province: '53',
      place_regency: '53.71',
      place_district: '53.71.01',
      place_village: body.villageCode,
      unitCode: unit.code,
      preferredDate1: body.preferredDates[0]!,
      preferredDate2: '',
      preferredDate3: '',
    };
    const sent = await browser.post('/si-koe-peduli/ajukan', fields);
    expect(sent.statusCode).toBe(303);
    expect((await browser.post('/si-koe-peduli/ajukan', fields)).headers.location).toBe(sent.headers.location);
    const confirmation = await browser.get(sent.headers.location as string);
    expect(confirmation.body).toContain('Permintaan Anda sudah terkirim');
    expect(await ctx.db.$count(homeVisits, eq(homeVisits.requesterAccountId, requester.id))).toBe(1);
  });

  it('takes evidence recognised by content from the requester and lets the officers download it', async () => {
    const unit = await makePeduliUnit(ctx.db);
    const requester = await makeCitizen(ctx.db);
    const visit = await makeVisit(ctx.db, requester, unit.code, {
      reason: 'disabled',
      reasonDetails: 'Lumpuh sejak 2019',
    });
    const browser = await as(requester);
    const status = `/si-koe-peduli/${visit.trackingCode}`;
    const fake = await postMultipart(
      ctx.app,
      browser,
      `${status}/bukti`,
      status,
      {},
      { filename: 'surat.pdf', type: 'application/pdf', bytes: html },
    );
    expect(fake.statusCode).toBe(422);
    const sent = await postMultipart(
      ctx.app,
      browser,
      `${status}/bukti`,
      status,
      {},
      { filename: 'surat.pdf', type: 'application/pdf', bytes: pdf },
    );
    expect(sent.statusCode).toBe(303);
    const other = await as(await makeCitizen(ctx.db));
    expect(
      (
        await postMultipart(
          ctx.app,
          other,
          `${status}/bukti`,
          '/',
          {},
          { filename: 'x.pdf', type: 'application/pdf', bytes: pdf },
        )
      ).statusCode,
    ).toBe(404);
    const counter = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }));
    const download = await counter.get(`/officer/home-visits/${visit.id}/evidence`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('keeps officers to their role and their units', async () => {
    const unit = await makePeduliUnit(ctx.db);
    const requester = await makeCitizen(ctx.db);
    const visit = await makeVisit(ctx.db, requester, unit.code);
    const page = `/officer/home-visits/${visit.id}`;
    const counter = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }));
    expect((await counter.get(page)).statusCode).toBe(200);
    expect((await counter.post(`${page}/accept`, { requestId: 'accept-counter' }, page)).statusCode).toBe(403);
    const adjudicator = await as(await makeOfficer(ctx.db, { role: 'adjudicator', unitCode: unit.code }));
    expect((await adjudicator.get(page)).statusCode).toBe(403);
    const elsewhere = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' }));
    expect((await elsewhere.get(page)).statusCode).toBe(403);
    expect(
      (await elsewhere.post(`${page}/accept`, { requestId: 'accept-elsewhere' }, '/officer/home-visits')).statusCode,
    ).toBe(403);
    expect((await elsewhere.get('/officer/home-visits')).body).not.toContain(visit.trackingCode);
    const regional = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANWIL-NTT' }));
    expect((await regional.get(page)).statusCode).toBe(200);
    expect((await visitOf(visit.id)).status).toBe('requested');
    // Officers do not make requests as citizens.
    const officerApi = await api()(
      await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }),
      'POST',
      '/api/v1/home-visits',
      await visitRequest(ctx.db, unit.code),
    );
    expect(officerApi.statusCode).toBe(403);
  });
});
