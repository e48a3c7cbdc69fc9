import { and, eq, isNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { makeForeigner } from '../foreigners/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeNik, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { permitChangeReports, permitEndNotices, sponsorMembers, sponsors } from './schema.ts';
import { NOTICE_JOB } from './send-permit-end-notices.ts';
import { makeSponsor, makeStayPermit } from './test-support.ts';

describeApp('sponsors: registration, verification, members, their own foreigners, change reports', (ctx) => {
  const as = async (account: Parameters<typeof sessionCookie>[1]) =>
    new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const mailsTo = (email: string) =>
    ctx.db.$count(jobs, and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${email}`));
  const nib = () => `9${String(Date.now()).slice(-8)}${Math.floor(1000 + Math.random() * 8999)}`;

  it('registers a company in English, is verified by its office, and adds a member by e-mail', async () => {
    const owner = await makeCitizen(ctx.db);
    const browser = await as(owner);
    const form = await browser.get('/sponsors/register');
    expect(form.body).toContain('Register a sponsor');
    const number = nib();
    const registration = {
      kind: 'company',
      name: 'PT Sumba Dive',
      registrationNumber: number,
      address: 'Jl. Soekarno 2, Waingapu',
      regencyCode: '53.02',
      phone: '0387 61234',
      email: 'office@sumbadive.test',
    };
    const undeclared = await browser.post('/sponsors/register', registration);
    expect(undeclared.statusCode).toBe(422);
    expect(undeclared.body).toContain('Tick this declaration');
    const done = await browser.post('/sponsors/register', { ...registration, declaration: 'yes' });
    expect(done.statusCode).toBe(303);
    const [sponsor] = await ctx.db.select().from(sponsors).where(eq(sponsors.registrationNumber, number));
    expect(sponsor).toMatchObject({ status: 'pending', unitCode: 'KANIM-KUPANG' });
    expect((await browser.get(done.headers.location as string)).body).toContain('Awaiting verification');

    const elsewhere = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' }));
    const refused = await elsewhere.post(`/officer/sponsors/${sponsor!.id}/decision`, { decision: 'verified' }, '/');
    expect(refused.statusCode).toBe(403);
    const counter = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' }));
    expect(
      (await counter.post(`/officer/sponsors/${sponsor!.id}/decision`, { decision: 'verified' }, '/')).statusCode,
    ).toBe(403);
    expect((await ctx.db.select().from(sponsors).where(eq(sponsors.id, sponsor!.id)))[0]!.status).toBe('pending');

    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' }));
    expect((await head.get('/officer/units/KANIM-KUPANG/sponsors')).body).toContain('PT Sumba Dive');
    const decided = await head.post(`/officer/sponsors/${sponsor!.id}/decision`, {
      decision: 'verified',
      note: 'NIB sesuai',
    });
    expect(decided.statusCode).toBe(303);
    expect(await mailsTo(owner.email)).toBe(1);
    const twice = await head.post(
      `/officer/sponsors/${sponsor!.id}/decision`,
      { decision: 'refused' },
      '/officer/units/KANIM-KUPANG/sponsors',
    );
    expect(twice.statusCode).toBe(422);
    expect((await ctx.db.select().from(sponsors).where(eq(sponsors.id, sponsor!.id)))[0]!.status).toBe('verified');

    const colleague = await makeCitizen(ctx.db, { name: 'Rambu Ana' });
    const unknown = await browser.post(
      `/sponsors/${sponsor!.id}/members`,
      { email: 'nobody-here@test.sikoe.id' },
      `/sponsors/${sponsor!.id}`,
    );
    expect(unknown.statusCode).toBe(422);
    expect(await browser.post(`/sponsors/${sponsor!.id}/members`, { email: colleague.email })).toMatchObject({
      statusCode: 303,
    });
    const colleagueBrowser = await as(colleague);
    expect((await colleagueBrowser.get(`/sponsors/${sponsor!.id}`)).body).toContain('Rambu Ana');
    expect(await ctx.db.$count(sponsorMembers, eq(sponsorMembers.sponsorId, sponsor!.id))).toBe(2);

    // The colleague leaves the company: removed, they see nothing of the sponsor; the last member cannot go.
    const removed = await browser.post(`/sponsors/${sponsor!.id}/members/${colleague.id}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect((await colleagueBrowser.get(`/sponsors/${sponsor!.id}`)).statusCode).toBe(404);
    const last = await browser.post(
      `/sponsors/${sponsor!.id}/members/${owner.id}/remove`,
      {},
      `/sponsors/${sponsor!.id}`,
    );
    expect(last.statusCode).toBe(422);
    expect((await browser.get(`/sponsors/${sponsor!.id}`)).statusCode).toBe(200);
  });

  it('checks a person sponsor’s NIK and the regency, and records nothing when refused', async () => {
    const browser = await as(await makeCitizen(ctx.db));
    const nik = makeNik();
    const res = await browser.post(
      '/sponsors/register',
      {
        kind: 'person',
        name: 'Yakobus Tefa',
        registrationNumber: '9999999999999999',
        address: 'Jl. Timor Raya',
        regencyCode: '31.71',
        phone: '081234567890',
        email: 'yakobus@test.sikoe.id',
        declaration: 'yes',
      },
      '/sponsors/register',
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('outside the working areas');
    expect(res.body).toContain('id="f-registrationNumber-error"');
    expect(await ctx.db.$count(sponsors, eq(sponsors.registrationNumber, '9999999999999999'))).toBe(0);
    const officer = await as(await makeOfficer(ctx.db, { role: 'head_of_office' }));
    expect(
      (await officer.post('/sponsors/register', { kind: 'person', registrationNumber: nik }, '/')).statusCode,
    ).toBe(403);
  });

  it('shows a sponsor only its own foreigners, and tells others it is not there', async () => {
    const memberA = await makeCitizen(ctx.db);
    const a = await makeSponsor(ctx.db, { members: [memberA], registrationNumber: nib() });
    const b = await makeSponsor(ctx.db, { name: 'CV Lain', registrationNumber: nib() });
    const ours = await makeStayPermit(ctx.db, {
      foreignerId: (await makeForeigner(ctx.db, { surname: 'OURS' })).id,
      sponsorId: a.id,
    });
    const theirs = await makeStayPermit(ctx.db, {
      foreignerId: (await makeForeigner(ctx.db, { surname: 'THEIRS' })).id,
      sponsorId: b.id,
    });
    const browser = await as(memberA);
    const page = await browser.get(`/sponsors/${a.id}`);
    expect(page.body).toContain('OURS');
    expect(page.body).toContain('365 days left');
    expect(page.body).not.toContain('THEIRS');
    expect((await browser.get(`/sponsors/${b.id}`)).statusCode).toBe(404);
    expect((await browser.get(`/sponsors/${a.id}/permits/${theirs.id}`)).statusCode).toBe(404);
    expect((await browser.get(`/sponsors/${a.id}/permits/${ours.id}`)).statusCode).toBe(200);
    expect((await browser.get('/sponsors')).body).toContain(a.name);
  });

  it('takes a member’s change report to the office, which acknowledges it once, audited', async () => {
    const unit = await makeUnit(ctx.db);
    const member = await makeCitizen(ctx.db);
    const sponsor = await makeSponsor(ctx.db, { members: [member], registrationNumber: nib() });
    const permit = await makeStayPermit(ctx.db, { sponsorId: sponsor.id, unitCode: unit.code });
    const browser = await as(member);
    const url = `/sponsors/${sponsor.id}/permits/${permit.id}`;
    expect((await browser.post(`${url}/changes`, { kind: '', details: '' }, url)).statusCode).toBe(422);
    expect(
      (await browser.post(`${url}/changes`, { kind: 'address', details: 'Moved to Jl. Adisucipto 5' })).statusCode,
    ).toBe(303);
    const outsider = await as(await makeCitizen(ctx.db));
    expect((await outsider.post(`${url}/changes`, { kind: 'job', details: 'x' }, '/')).statusCode).toBe(404);
    const [report] = await ctx.db.select().from(permitChangeReports).where(eq(permitChangeReports.permitId, permit.id));
    expect(await ctx.db.$count(permitChangeReports, eq(permitChangeReports.permitId, permit.id))).toBe(1);
    expect(report).toMatchObject({ kind: 'address', acknowledgedAt: null });

    const elsewhere = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA' }));
    expect((await elsewhere.post(`/officer/change-reports/${report!.id}/acknowledge`, {}, '/')).statusCode).toBe(403);
    const officer = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }));
    const list = await officer.get(`/officer/units/${unit.code}/stay-permits`);
    expect(list.body).toContain('Moved to Jl. Adisucipto 5');
    expect((await officer.post(`/officer/change-reports/${report!.id}/acknowledge`, {})).statusCode).toBe(303);
    expect((await officer.post(`/officer/change-reports/${report!.id}/acknowledge`, {}, '/')).statusCode).toBe(409);
    expect((await officer.get(`/officer/units/${unit.code}/stay-permits`)).body).not.toContain(
      'Moved to Jl. Adisucipto 5',
    );
    expect(
      await ctx.db.$count(
        auditLog,
        and(eq(auditLog.targetId, permit.id), eq(auditLog.action, 'stay_permit.change_acknowledged')),
      ),
    ).toBe(1);
  });

  it('runs the daily notice job: the sponsor’s members are mailed, and the next morning’s run is queued', async () => {
    const member = await makeCitizen(ctx.db);
    const sponsor = await makeSponsor(ctx.db, { members: [member], registrationNumber: nib() });
    const permit = await makeStayPermit(ctx.db, { sponsorId: sponsor.id, validUntil: addDays(witaDate(), 7) });
    await ctx.db.transaction((tx) => enqueueJob(tx, NOTICE_JOB, {}));
    await ctx.app.deps.jobs.runDue();
    expect(await mailsTo(member.email)).toBe(1);
    expect(await ctx.db.$count(permitEndNotices, eq(permitEndNotices.permitId, permit.id))).toBe(1);
    const next = await ctx.db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(and(eq(jobs.kind, NOTICE_JOB), isNull(jobs.doneAt)));
    expect(next.map((j) => witaDate(j.runAt))).toContain(addDays(witaDate(), 1));
  });
});
