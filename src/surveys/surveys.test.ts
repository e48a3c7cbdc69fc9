import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { bookStock } from '../passports/schema.ts';
import type { CaseActionBody } from '../cases/inputs.ts';
import { performCaseAction } from '../cases/perform-case-action.ts';
import { makeCase } from '../cases/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account, OfficerRole } from '../platform/auth/schema.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { markVisited } from '../home-visits/mark-visited.ts';
import { homeVisits } from '../home-visits/schema.ts';
import { makePeduliUnit, makeVisit } from '../home-visits/test-support.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { MAIL_JOB } from '../platform/mail/mailer.ts';
import { openStorage } from '../platform/storage/open-storage.ts';
import { issueSurveyToken } from './issue-survey-token.ts';
import { surveyResponses, surveyTokens } from './schema.ts';

const tId = translator('id');
const codes = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
const scoresOf = (values: readonly number[]) =>
  Object.fromEntries(codes.map((c, i) => [c, values[i]!])) as Record<(typeof codes)[number], number>;
const all = (n: number) => scoresOf(Array<number>(9).fill(n));

describeApp('satisfaction survey: answering, paper entry and the links sent', (ctx) => {
  const today = witaDate();
  const issue = (unitCode: string, service: 'passport' | 'home_visit' = 'passport') =>
    ctx.db.transaction((tx) => issueSurveyToken(tx, { unitCode, service }, ctx.config.publicUrl));
  const bearer = async (account: Account) => {
    const { token } = await ctx.db.transaction((tx) =>
      createApiToken(tx, systemCaller('test'), account.id, 'survey test'),
    );
    return { authorization: `Bearer ${token}` };
  };
  const officer = (role: OfficerRole, unitCode: string) => makeOfficer(ctx.db, { role, unitCode });
  const responsesOf = (unitCode: string) =>
    ctx.db.select().from(surveyResponses).where(eq(surveyResponses.unitCode, unitCode));

  it('saves a link’s answers once: reuse is 409 already_answered and changes nothing; an unknown token is 404', async () => {
    const unit = await makeUnit(ctx.db);
    const { token, url } = await issue(unit.code);
    expect(url).toBe(`${ctx.config.publicUrl.replace(/\/$/, '')}/survei/${token}`);
    const body = { scores: all(3), profile: { ageGroup: '30_39', sex: 'F' }, comment: '  Cepat dan ramah.  ' };
    const first = await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${token}`, payload: body });
    expect(first.statusCode).toBe(201);
    const [spent] = await ctx.db.select().from(surveyTokens).where(eq(surveyTokens.unitCode, unit.code));
    expect(spent!.usedAt).toBeInstanceOf(Date);

    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${token}`,
      payload: { scores: all(1) },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'already_answered' } });
    const rows = await responsesOf(unit.code);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'link' as const,
      service: 'passport',
      u1: 3,
      u9: 3,
      ageGroup: '30_39',
      sex: 'F',
      education: null,
      comment: 'Cepat dan ramah.',
      enteredBy: null,
    });
    const [still] = await ctx.db.select().from(surveyTokens).where(eq(surveyTokens.unitCode, unit.code));
    expect(still!.usedAt).toEqual(spent!.usedAt);

    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/v1/surveys/no-such-token-000', payload: body })).statusCode,
    ).toBe(404);
    const bad = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${(await issue(unit.code)).token}`,
      payload: { scores: { ...all(3), u4: 5 } },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('lets someone answer on the page without an account, once, and shows the QR of the link', async () => {
    const unit = await makeUnit(ctx.db);
    const { token } = await issue(unit.code, 'home_visit');
    const browser = new Browser(ctx.app);
    const page = await browser.get(`/survei/${token}`);
    expect(page.statusCode).toBe(200);
    for (const text of [
      tId('surveys.elements.u1.question'),
      tId('surveys.elements.u1.o1'),
      tId('surveys.elements.u9.o4'),
      unit.name,
      tId('surveys.services.home_visit'),
    ])
      expect(page.body).toContain(text);
    const en = await browser.get(`/survei/${token}?lang=en`);
    expect(en.statusCode).toBe(200);

    const missing = await browser.request({
      method: 'POST',
      url: `/survei/${token}`,
      form: { ...Object.fromEntries(codes.map((c) => [c, '4'])), u5: '' },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('id="f-u5"');
    const form = {
      ...Object.fromEntries(codes.map((c) => [c, '4'])),
      ageGroup: '',
      sex: 'M',
      education: 's1',
      occupation: '',
      comment: '',
    };
    const saved = await browser.request({ method: 'POST', url: `/survei/${token}`, form });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain(tId('surveys.thanks.body'));
    const twice = await browser.request({ method: 'POST', url: `/survei/${token}`, form });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain(tId('surveys.answered.body'));
    expect((await browser.get(`/survei/${token}`)).body).toContain(tId('surveys.answered.body'));
    expect(await responsesOf(unit.code)).toMatchObject([
      { service: 'home_visit', u1: 4, sex: 'M', education: 's1', ageGroup: null },
    ]);

    const qr = await ctx.app.inject({ url: `/survei/${(await issue(unit.code)).token}/qr.svg` });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toContain('<svg');
    expect((await ctx.app.inject({ url: '/survei/no-such-token-000' })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: '/survei/no-such-token-000/qr.svg' })).statusCode).toBe(404);
  });

  it('lets the unit’s counter staff type in paper questionnaires and refuses other roles and units', async () => {
    const unit = await makeUnit(ctx.db);
    const other = await makeUnit(ctx.db);
    const body = { service: 'passport', scores: all(2), profile: { occupation: 'wirausaha' } };
    const send = async (account: Account, unitCode = unit.code) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/units/${unitCode}/surveys`,
        headers: await bearer(account),
        payload: body,
      });

    const counter = await officer('counter_officer', unit.code);
    const saved = await send(counter);
    expect(saved.statusCode).toBe(201);
    expect(await responsesOf(unit.code)).toMatchObject([
      { source: 'paper' as const, service: 'passport', u1: 2, occupation: 'wirausaha', enteredBy: counter.id },
    ]);
    for (const refused of [
      await officer('adjudicator', unit.code),
      await officer('auditor', unit.code),
      await officer('counter_officer', other.code),
    ]) {
      const res = await send(refused);
      expect(res.statusCode, refused.role!).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await send(await makeCitizen(ctx.db))).statusCode).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'POST', url: `/api/v1/units/${unit.code}/surveys`, payload: body })).statusCode,
    ).toBe(401);
    expect(await responsesOf(unit.code)).toHaveLength(1);
    expect(
      await ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'survey.entered'))),
    ).toHaveLength(1);

    const head = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await officer('head_of_office', unit.code)),
    );
    const page = await head.get(`/officer/units/${unit.code}/surveys?from=${today}&to=${today}&population=100`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(tId('surveys.officer.enterTitle'));
    expect(page.body).toContain(tId('surveys.officer.sample', { population: 100, sample: 80, needed: 79 }));
    expect(page.body).toContain(`D (${tId('surveys.categories.D')})`);
    const form = { ...Object.fromEntries(codes.map((c) => [c, '4'])), service: 'home_visit' };
    const posted = await head.request({ method: 'POST', url: `/officer/units/${unit.code}/surveys`, form });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/officer/units/${unit.code}/surveys?saved=1`);
    const invalid = await head.request({
      method: 'POST',
      url: `/officer/units/${unit.code}/surveys`,
      form: { ...form, service: '' },
    });
    expect(invalid.statusCode).toBe(422);
    expect(await responsesOf(unit.code)).toHaveLength(2);

    // An adjudicator reads the IKM but gets no form, and cannot post one.
    const adjudicator = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await officer('adjudicator', unit.code)),
    );
    const readOnly = await adjudicator.get(`/officer/units/${unit.code}/surveys`);
    expect(readOnly.statusCode).toBe(200);
    expect(readOnly.body).not.toContain(tId('surveys.officer.enterTitle'));
    expect(
      (await adjudicator.request({ method: 'POST', url: `/officer/units/${unit.code}/surveys`, form: {} })).statusCode,
    ).toBe(403);
  });

  it('issues a survey link after a hand-over and mails it to the applicant', async () => {
    const unit = await makeUnit(ctx.db);
    await ctx.db.insert(bookStock).values({ unitCode: unit.code, passportType: 'elektronik', quantity: 2 });
    const counter = await officer('counter_officer', unit.code);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'approved', holderId: counter.id });
    const act = (body: CaseActionBody) =>
      ctx.db.transaction((tx) =>
        performCaseAction(
          tx,
          { actor: toActor(counter, 'session', true) },
          { applicationId: c.id, body },
          { storage: openStorage(ctx.config), publicUrl: ctx.config.publicUrl },
        ),
      );
    await act({ type: 'print' });
    await act({ type: 'quality_check', passed: true });
    const mailsTo = () =>
      ctx.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, MAIL_JOB), sql`${jobs.payload}->>'to' = ${c.email}`));
    const before = (await mailsTo()).length;
    await act({ type: 'hand_over', identityChecked: true, recipient: 'applicant' });

    const tokens = await ctx.db.select().from(surveyTokens).where(eq(surveyTokens.refId, c.id));
    expect(tokens).toMatchObject([{ unitCode: unit.code, service: 'passport', usedAt: null }]);
    const mails = (await mailsTo()).slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!.payload as { subject: string; text: string };
    expect(mail.subject).toBe(tId('surveys.mail.subject'));
    const link = /\/survei\/([\w-]+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    expect(
      (await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${link}`, payload: { scores: all(4) } }))
        .statusCode,
    ).toBe(201);
    expect(await responsesOf(unit.code)).toMatchObject([{ service: 'passport' as const, source: 'link' }]);
  });

  it('issues a survey link when a home visit is made and mails it to the requester', async () => {
    const unit = await makePeduliUnit(ctx.db);
    const requester = await makeCitizen(ctx.db);
    const visit = await makeVisit(ctx.db, requester, unit.code);
    await ctx.db.update(homeVisits).set({ status: 'scheduled', visitDate: today }).where(eq(homeVisits.id, visit.id));
    const counter = await officer('counter_officer', unit.code);
    await ctx.db.transaction((tx) =>
      markVisited(
        tx,
        { actor: toActor(counter, 'session', true) },
        { visitId: visit.id, publicUrl: ctx.config.publicUrl },
      ),
    );
    expect(await ctx.db.select().from(surveyTokens).where(eq(surveyTokens.refId, visit.id))).toMatchObject([
      { unitCode: unit.code, service: 'home_visit' },
    ]);
    const mails = await ctx.db
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.kind, MAIL_JOB),
          sql`${jobs.payload}->>'to' = ${requester.email}`,
          sql`${jobs.payload}->>'subject' = ${tId('surveys.mail.subject')}`,
        ),
      );
    expect(mails).toHaveLength(1);
    expect((mails[0]!.payload as { text: string }).text).toContain(
      `${ctx.config.publicUrl.replace(/\/$/, '')}/survei/`,
    );
  });
});
