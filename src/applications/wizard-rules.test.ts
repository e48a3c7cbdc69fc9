import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeNik, makeUnit } from '../../test/factories.ts';
import { pdf, postMultipart } from '../../test/uploads.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { openStorage } from '../platform/storage/open-storage.ts';
import { applications } from './schema.ts';
import {
  adultAnswers,
  answerUntil,
  applicationRow,
  citizenBrowser,
  startDraft,
  uploadAdultDocuments,
} from './test-support.ts';
import { stepPath } from './wizard-steps.ts';

const tId = translator('id');
const fifteenYearsAgo = () => `${Number(witaDate().slice(0, 4)) - 15}-01-01`;

describeApp('application wizard: rules', (ctx) => {
  it('offers a single 15-year-old only 5 years, refuses 10, and asks again when marriage no longer allows 10', async () => {
    const unit = await makeUnit(ctx.db);
    const { browser } = await citizenBrowser(ctx.app, ctx.db);
    const id = await startDraft(browser);
    const answers = await adultAnswers(ctx.db, unit.code, fifteenYearsAgo());
    answers.marital = { maritalStatus: 'single' };
    await answerUntil(browser, id, answers, 'validity');
    const page = await browser.get(stepPath(id, 'validity'));
    expect(page.body).toContain('value="5"');
    expect(page.body).not.toContain('value="10"');
    expect(page.body).toContain(tId('applications.hints.onlyFiveYears'));
    const refused = await browser.post(stepPath(id, 'validity'), { validityYears: '10' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(tId('v.validityTen'));
    expect((await applicationRow(ctx.db, id)).validityYears).toBeNull();

    // Married minors may have ten years; becoming "single" again voids that answer and the wizard asks anew.
    expect((await browser.post(stepPath(id, 'marital'), { maritalStatus: 'married' })).statusCode).toBe(303);
    expect((await browser.get(stepPath(id, 'validity'))).body).toContain('value="10"');
    expect((await browser.post(stepPath(id, 'validity'), { validityYears: '10' })).statusCode).toBe(303);
    expect((await browser.post(stepPath(id, 'marital', true), { maritalStatus: 'single' })).headers.location).toBe(
      `/applications/${id}/check`,
    );
    expect((await applicationRow(ctx.db, id)).validityYears).toBeNull();
    expect((await browser.get(`/applications/${id}/check`)).headers.location).toBe(stepPath(id, 'validity', true));
  });

  it("asks a child for the parents' documents instead of an e-KTP", async () => {
    const unit = await makeUnit(ctx.db);
    const { browser } = await citizenBrowser(ctx.app, ctx.db);
    const id = await startDraft(browser);
    const answers = await adultAnswers(ctx.db, unit.code, fifteenYearsAgo());
    answers.marital = { maritalStatus: 'single' };
    answers.validity = { validityYears: '5' };
    await answerUntil(browser, id, answers);
    const page = await browser.get(stepPath(id, 'documents'));
    for (const kind of ['parent_ktp', 'parent_marriage_book', 'power_of_attorney'])
      expect(page.body).toContain(tId(`applications.documentKinds.${kind}`));
    expect(page.body).not.toContain(`<option value="ektp"`);
    await uploadAdultDocuments(ctx.app, browser, id);
    expect((await browser.post(stepPath(id, 'documents'), {})).statusCode).toBe(422);
    for (const kind of ['parent_ktp', 'parent_marriage_book']) {
      const res = await postMultipart(
        ctx.app,
        browser,
        `/applications/${id}/documents`,
        stepPath(id, 'documents'),
        { kind },
        { filename: 'scan.pdf', type: 'application/pdf', bytes: pdf },
      );
      expect(res.statusCode).toBe(303);
    }
    expect((await browser.post(stepPath(id, 'documents'), {})).statusCode).toBe(303);
    expect((await browser.post(`/applications/${id}/submit`, {})).statusCode).toBe(303);
    expect(await applicationRow(ctx.db, id)).toMatchObject({ status: 'submitted', feeTotal: 650_000 + 1_000_000 });
  });

  it('refuses a sixth person on one account, at the NIK page and again at submission', async () => {
    const unit = await makeUnit(ctx.db);
    const { citizen, browser } = await citizenBrowser(ctx.app, ctx.db);
    const family = [];
    for (let i = 0; i < 5; i++)
      family.push(await makeApplication(ctx.db, { unitCode: unit.code, accountId: citizen.id }));
    const id = await startDraft(browser);
    const answers = await adultAnswers(ctx.db, unit.code);
    await answerUntil(browser, id, answers, 'nik');
    const sixth = await browser.post(stepPath(id, 'nik'), answers.nik);
    expect(sixth.statusCode).toBe(422);
    expect(sixth.body).toContain(tId('v.tooManyApplicants'));
    expect((await applicationRow(ctx.db, id)).nik).toBeNull();

    // Another passport type for someone already on the account is fine (the same type is one open application)…
    const again = family[0]!;
    const repeat = await adultAnswers(ctx.db, unit.code, again.birthDate!);
    Object.assign(repeat, {
      nik: { nik: again.nik! },
      sex: { sex: 'M' },
      type: { passportType: again.passportType === 'biasa' ? 'elektronik' : 'biasa' },
    });
    await answerUntil(browser, id, repeat);
    await uploadAdultDocuments(ctx.app, browser, id);
    // …but if a sixth person was added meanwhile (here: straight into the database), submission refuses it.
    await ctx.db
      .update(applications)
      .set({ nik: makeNik('1985-03-03'), birthDate: '1985-03-03', sex: 'M' })
      .where(eq(applications.id, id));
    const submit = await browser.post(`/applications/${id}/submit`, {});
    expect(submit.statusCode).toBe(422);
    expect(submit.body).toContain(tId('v.tooManyApplicants'));
    expect(submit.body).toContain(`href="#f-nik"`);
    expect(await applicationRow(ctx.db, id)).toMatchObject({ status: 'draft', feeTotal: null, submittedAt: null });
  });

  it('says at the passport-type page that this person already has an application of that type under way', async () => {
    const unit = await makeUnit(ctx.db);
    const { citizen, browser } = await citizenBrowser(ctx.app, ctx.db);
    const answers = await adultAnswers(ctx.db, unit.code);
    await makeApplication(ctx.db, {
      unitCode: unit.code,
      accountId: citizen.id,
      nik: answers.nik.nik,
      birthDate: '1990-07-05',
      sex: 'F',
      passportType: 'elektronik',
      status: 'paid',
    });
    const id = await startDraft(browser);
    await answerUntil(browser, id, answers, 'type');
    const refused = await browser.post(stepPath(id, 'type'), answers.type);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(tId('v.openApplicationExists'));
    // Another type is another application.
    expect((await browser.post(stepPath(id, 'type'), { passportType: 'biasa' })).statusCode).toBe(303);
  });

  it('caps open drafts, and a discarded draft frees its place and deletes its files', async () => {
    const { browser } = await citizenBrowser(ctx.app, ctx.db);
    const ids: string[] = [];
    for (let i = 0; i < ctx.config.booking.applicantsPerAccount; i++) ids.push(await startDraft(browser));
    const refused = await browser.post('/applications', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(tId('v.tooManyDrafts'));
    const unit = await makeUnit(ctx.db);
    await answerUntil(browser, ids[0]!, await adultAnswers(ctx.db, unit.code));
    await uploadAdultDocuments(ctx.app, browser, ids[0]!);
    const discard = await browser.post(`/applications/${ids[0]}/discard`, {});
    expect(discard.headers.location).toBe('/applications');
    expect((await applicationRow(ctx.db, ids[0]!)).status).toBe('cancelled');
    const queued = await ctx.db.select().from(jobs).where(eq(jobs.kind, 'storage.delete'));
    const keys = queued.map((j) => String(j.payload.key)).filter((key) => key.startsWith(`applications/${ids[0]}/`));
    expect(keys).toHaveLength(3);
    const storage = openStorage(ctx.config);
    (await storage.get(keys[0]!)).body.destroy();
    await ctx.app.deps.jobs.runDue();
    for (const key of keys) await expect(storage.get(key)).rejects.toMatchObject({ code: 'not_found' });
    expect((await browser.get('/applications')).body).not.toContain(`/applications/${ids[0]}"`);
    expect((await browser.post('/applications', {})).statusCode).toBe(303);
  });
});
