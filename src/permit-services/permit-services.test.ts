import { and, eq, sql } from 'drizzle-orm';
import { jobs } from '../platform/jobs/schema.ts';
import { MAIL_JOB } from '../platform/mail/mailer.ts';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { PASSWORD, makeCitizen, makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { auditFor } from '../accounts/test-support.ts';
import { billings } from '../payments/schema.ts';
import { signPayload } from '../payments/signature.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { getStayPermit } from '../stay-permits/get-stay-permit.ts';
import { makeStayPermit } from '../stay-permits/test-support.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import { getForeigner } from '../foreigners/get-foreigner.ts';
import { biometricsDays } from './book-biometrics.ts';
import { getPermitApplication } from './get-application.ts';
import { permitApplicationActions, permitApplications } from './schema.ts';
import { makeSponsoredPermit } from './test-support.ts';

const en = translator('en');

describeApp('stay permit services', (ctx) => {
  const tokenOf = async (account: Account) =>
    (
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: { email: account.email, password: PASSWORD },
      })
    ).json<{ token: string }>().token;
  const file = async (token: string, body: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/stay-permits',
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
      payload: body,
    });
  const pay = (code: string, amount: number) => {
    const raw = JSON.stringify({ billingCode: code, amount, reference: 'BRI-1' });
    return ctx.app.inject({
      method: 'POST',
      url: '/api/v1/payments/notifications',
      headers: {
        'content-type': 'application/json',
        'x-sikoe-signature': signPayload(ctx.app.deps.secrets.payments, raw),
      },
      payload: raw,
    });
  };
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const applicationsOf = (permitId: string) =>
    ctx.db.select().from(permitApplications).where(eq(permitApplications.permitId, permitId));

  it('extends an ITK from filing to decision: billing, payment, biometrics, verification, four eyes, the permit moved', async () => {
    const member = await makeCitizen(ctx.db);
    const permit = await makeSponsoredPermit(ctx.db, member, { daysLeft: 5 });
    const token = await tokenOf(member);
    const body = { service: 'itk_extension', permitId: permit.id, requestId: `itk-${permit.id.slice(0, 8)}` };
    const filed = await file(token, body);
    expect(filed.statusCode, filed.body).toBe(201);
    const application = filed.json<{ id: string; billingCode: string; feeAmount: number; status: string }>();
    expect(application).toMatchObject({ status: 'billed', feeAmount: 1_000_000, feeRegulation: 'PP 45/2024' });
    expect((await file(token, body)).json().id).toBe(application.id);
    const [billing] = await ctx.db.select().from(billings).where(eq(billings.code, application.billingCode));
    expect(billing).toMatchObject({ purpose: 'stay_permit_service', subjectId: application.id, amount: 1_000_000 });

    expect((await pay(application.billingCode, 1_000_000)).statusCode).toBe(200);
    const paid = await getPermitApplication(ctx.db, application.id);
    expect(paid.status).toBe('paid');
    expect(paid.dueOn! > witaDate()).toBe(true);

    const applicant = await as(member);
    const form = await applicant.get('/stay-permits/apply');
    expect(form.body).toContain(`<option value="${permit.id}"`);
    const page = await applicant.get(`/stay-permits/applications/${application.id}`);
    expect(page.body).toContain(en('permitServices.application.bookTitle'));
    const [day] = await biometricsDays(ctx.db, permit.unitCode, witaDate());
    const booked = await applicant.post(`/stay-permits/applications/${application.id}/biometrics`, { date: day! });
    expect(booked.statusCode, booked.body).toBe(303);

    const verifier = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    const verifierPages = await as(verifier);
    const officerUrl = `/officer/stay-permit-services/${application.id}`;
    expect((await verifierPages.post(`${officerUrl}/verify`, { note: 'Dokumen lengkap' }, officerUrl)).statusCode).toBe(
      303,
    );
    const ownDecision = await verifierPages.post(`${officerUrl}/decide`, { decision: 'approve' }, officerUrl);
    expect(ownDecision.statusCode).toBe(409);
    // Each opening of the application's page (the verifier's before each post) is audited.
    expect((await auditFor(ctx.db, application.id, 'permit_application.view')).length).toBeGreaterThanOrEqual(2);
    expect((await getPermitApplication(ctx.db, application.id)).status).toBe('verified');
    expect((await getStayPermit(ctx.db, permit.id)).validUntil).toBe(permit.validUntil);

    const adjudicator = await as(await makeOfficer(ctx.db, { role: 'adjudicator', unitCode: 'KANIM-KUPANG' }));
    expect((await adjudicator.post(`${officerUrl}/decide`, { decision: 'approve' }, officerUrl)).statusCode).toBe(303);
    const after = await getStayPermit(ctx.db, permit.id);
    expect(after).toMatchObject({ validUntil: addDays(permit.validUntil, 60), extensions: 1, status: 'active' });
    const decided = await getPermitApplication(ctx.db, application.id);
    expect(decided).toMatchObject({ status: 'approved', grantUntil: after.validUntil, verifiedBy: verifier.id });
    const history = await ctx.db
      .select({ type: permitApplicationActions.type })
      .from(permitApplicationActions)
      .where(eq(permitApplicationActions.applicationId, application.id));
    expect(history.map((h) => h.type)).toEqual(['filed', 'paid', 'biometrics_booked', 'verified', 'approved']);

    const mails = await ctx.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(and(eq(jobs.kind, MAIL_JOB), sql`${jobs.payload}->>'to' = ${member.email}`));
    expect(mails.map((m) => m.payload.subject)).toEqual(
      ['filed', 'approved'].map((k) =>
        en(`permitServices.mail.${k}.subject`, {
          reference: application.id.slice(0, 8).toUpperCase(),
          service: en('permitServices.services.itk_extension'),
        }),
      ),
    );

    for (const lang of ['id', 'en']) {
      const officerPage = await verifierPages.setCookie(`lang=${lang}`).get(officerUrl);
      expect(officerPage.statusCode).toBe(200);
      expect(officerPage.body).not.toMatch(/permitServices\./);
    }

    const queue = await verifierPages.get('/officer/stay-permit-services');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).not.toContain(application.id);
  });

  it('marks a permit whose alih status was paid before it ended, and clears it on refusal', async () => {
    const member = await makeCitizen(ctx.db);
    const permit = await makeSponsoredPermit(ctx.db, member, { daysLeft: 40 });
    const filed = await file(await tokenOf(member), { service: 'itk_to_itas', permitId: permit.id });
    expect(filed.statusCode, filed.body).toBe(201);
    const { id, billingCode, feeAmount } = filed.json<{ id: string; billingCode: string; feeAmount: number }>();
    expect(feeAmount).toBe(1_500_000);
    await pay(billingCode, feeAmount);
    expect((await getStayPermit(ctx.db, permit.id)).pendingChangePaidOn).toBe(witaDate());

    const url = `/officer/stay-permit-services/${id}`;
    const applicant = await as(member);
    const [day] = await biometricsDays(ctx.db, permit.unitCode, witaDate());
    await applicant.post(`/stay-permits/applications/${id}/biometrics`, { date: day! });
    await (await as(await makeOfficer(ctx.db, { role: 'verifier' }))).post(`${url}/verify`, {}, url);
    const adjudicator = await as(await makeOfficer(ctx.db, { role: 'adjudicator' }));
    const noReason = await adjudicator.post(`${url}/decide`, { decision: 'refuse' }, url);
    expect(noReason.statusCode).toBe(422);
    expect(
      (await adjudicator.post(`${url}/decide`, { decision: 'refuse', reason: 'Sponsor tidak sah' }, url)).statusCode,
    ).toBe(303);
    expect(await getPermitApplication(ctx.db, id)).toMatchObject({
      status: 'refused',
      refusalReason: 'Sponsor tidak sah',
    });
    expect(await getStayPermit(ctx.db, permit.id)).toMatchObject({
      pendingChangePaidOn: null,
      status: 'active',
      type: 'itk',
    });
  });

  it('refuses what the rules do not allow with a field message in English, changing nothing', async () => {
    const member = await makeCitizen(ctx.db);
    const token = await tokenOf(member);
    const voa = await makeSponsoredPermit(ctx.db, member, { entryBasis: 'voa', daysLeft: 40 });
    const early = await makeSponsoredPermit(ctx.db, member, { daysLeft: 40 });
    const used = await makeSponsoredPermit(ctx.db, member, { daysLeft: 5, extensions: 2 });
    const cases = [
      [voa.id, 'itk_to_itas', 'alihStatusBasis'],
      [early.id, 'itk_extension', 'tooEarly'],
      [used.id, 'itk_extension', 'tooManyExtensions'],
      [early.id, 'itap_extension', 'notOffered'],
    ] as const;
    for (const [permitId, service, reason] of cases) {
      const res = await file(token, { service, permitId });
      expect(res.statusCode, `${service} ${reason}`).toBe(422);
      expect(res.json().error.fields.service).toBe(en(`permitServices.v.${reason}`));
      expect(await applicationsOf(permitId)).toEqual([]);
    }
    expect((await getStayPermit(ctx.db, used.id)).extensions).toBe(2);

    const stranger = await makeCitizen(ctx.db);
    const notMine = await file(await tokenOf(stranger), { service: 'itk_extension', permitId: used.id });
    expect(notMine.statusCode).toBe(422);
    expect(notMine.json().error.fields.permitId).toBe(en('permitServices.v.notHolder'));
    const first = await makeSponsoredPermit(ctx.db, member, { daysLeft: 5 });
    expect((await file(token, { service: 'itk_extension', permitId: first.id })).statusCode).toBe(201);
    const again = await file(token, { service: 'cancellation', permitId: first.id });
    expect(again.json().error.fields.service).toBe(en('permitServices.v.alreadyOpen'));
    expect(await applicationsOf(first.id)).toHaveLength(1);
  });

  it('leaves ending a sponsored permit to its sponsor: the holder’s EPO is refused and nothing is filed', async () => {
    const holder = await makeCitizen(ctx.db);
    const permit = await makeSponsoredPermit(ctx.db, await makeCitizen(ctx.db), {
      permitNumber: `2C21JE${crypto.randomUUID().slice(0, 8)}`,
    });
    const person = await getForeigner(ctx.db, permit.foreignerId);
    const fields = {
      service: 'epo',
      permitId: permit.id,
      documentNumber: person.documents[0]!.number,
      birthDate: person.birthDate,
      permitNumber: permit.permitNumber!,
    };
    const refused = await (await as(holder)).post('/stay-permits/apply', fields, '/stay-permits/apply');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(en('permitServices.v.sponsorEnds'));
    expect(await applicationsOf(permit.id)).toEqual([]);
  });

  it('lets the holder apply with their passport, birth date and permit number on the English page, without JavaScript', async () => {
    const holder = await makeCitizen(ctx.db);
    const { id: foreignerId, doc } = await makeForeigner(ctx.db);
    const permitNumber = `2D11JE${foreignerId.slice(0, 6).toUpperCase()}`;
    const permit = await makeStayPermit(ctx.db, { foreignerId, permitNumber });
    const browser = await as(holder);
    const form = await browser.get(`/stay-permits/apply?permitId=${permit.id}&service=epo`);
    expect(form.body).toContain(`value="${permit.id}"`);
    expect(form.body).toContain(en('permitServices.apply.title'));
    expect(form.body).toContain(en('permitServices.apply.permitNumberHint'));
    const bad = await browser.post('/stay-permits/apply', { service: 'epo', permitId: 'nope' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(en('permitServices.v.permitId'));
    const fields = {
      service: 'epo',
      permitId: permit.id,
      documentNumber: doc.documentNumber,
      birthDate: doc.birthDate,
      permitNumber: permitNumber.toLowerCase().replace('je', 'je '),
    };
    // A passport copy is not enough, nor a wrong birth date, and a permit that does not exist gets the same answer:
    // the form again with one message, and nothing filed.
    const refusals = [
      { ...fields, permitNumber: '' },
      { ...fields, permitNumber: '2D11JE000000' },
      { ...fields, birthDate: '1999-09-09' },
      { ...fields, permitId: crypto.randomUUID() },
    ];
    for (const refused of refusals) {
      const res = await browser.post('/stay-permits/apply', refused, '/stay-permits/apply');
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(en('permitServices.v.notHolder'));
    }
    expect(await applicationsOf(permit.id)).toEqual([]);
    const byHolder = await ctx.db
      .select()
      .from(permitApplications)
      .where(eq(permitApplications.applicantAccountId, holder.id));
    expect(byHolder).toEqual([]);
    const filed = await browser.post('/stay-permits/apply', fields, '/stay-permits/apply');
    expect(filed.statusCode, filed.body).toBe(303);
    const [application] = await applicationsOf(permit.id);
    expect(application).toMatchObject({ applicantRole: 'foreigner', feeAmount: 500_000, status: 'billed' });
    expect(filed.headers.location).toBe(`/stay-permits/applications/${application!.id}`);
    const page = await browser.get(filed.headers.location!);
    expect(page.body).toContain(application!.billingCode!);
    expect((await browser.get('/stay-permits/applications')).body).toContain(filed.headers.location);
    const other = await as(await makeCitizen(ctx.db));
    expect((await other.get(filed.headers.location!)).statusCode).toBe(404);
  });
});
