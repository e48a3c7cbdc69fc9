import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { complaints } from '../../src/complaints/schema.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { issueSurveyToken } from '../../src/surveys/issue-survey-token.ts';
import { surveyResponses } from '../../src/surveys/schema.ts';
import { makeUnit } from '../factories.ts';
import { describeInChromium, loaded } from './suite.ts';

const id = translator('id');

/**
 * Public integrity in a real Chromium, in Indonesian: an anonymous complaint, followed on its tracking page with the
 * code and the secret shown once; and a satisfaction survey answered from its one-time link, which then cannot be
 * answered again.
 */
describeInChromium('complaints and surveys in Chromium', ({ browser, server }) => {
  async function newPage() {
    const context = await browser().newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
    return { context, page, problems };
  }

  it('files an anonymous complaint and follows it with the code and the secret', async () => {
    const db = server().app.deps.database.db;
    const unit = await makeUnit(db);
    const { context, page, problems } = await newPage();
    try {
      await page.goto(`${server().url}/pengaduan`);
      await page.getByLabel(id('complaints.types.complaint'), { exact: true }).check();
      await page.getByLabel(id('complaints.fields.category')).selectOption('illegal_charges');
      await page.getByLabel(id('complaints.fields.unitCode')).selectOption(unit.code);
      const description = `Diminta uang tambahan di loket ${unit.code}`;
      await page.getByLabel(id('complaints.fields.description')).fill(description);
      await page.getByLabel(id('complaints.fields.anonymous')).check();
      await loaded(page, page.getByRole('button', { name: id('complaints.submit') }).click());
      expect(await page.locator('main h1').innerText()).toBe(id('complaints.filedTitle'));
      const [trackingCode, secret] = await page.locator('main strong.code').allInnerTexts();
      const [stored] = await db.select().from(complaints).where(eq(complaints.trackingCode, trackingCode!));
      expect(stored).toMatchObject({
        anonymous: true,
        reporterName: null,
        reporterEmail: null,
        unitCode: unit.code,
        status: 'received',
      });
      expect(stored!.secretHash).not.toContain(secret!);

      await page.goto(`${server().url}/pengaduan/lacak`);
      await page.getByLabel(id('complaints.fields.trackingCode')).fill(trackingCode!);
      await page.getByLabel(id('complaints.fields.secret')).fill(secret!);
      await loaded(page, page.getByRole('button', { name: id('complaints.followSubmit') }).click());
      expect(await page.locator('main').innerText()).toContain(id('complaints.statuses.received'));
      expect(page.url()).not.toContain(secret!);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('answers a survey once from its link', async () => {
    const db = server().app.deps.database.db;
    const unit = await makeUnit(db);
    const { url } = await issueSurveyToken(db, { unitCode: unit.code, service: 'passport' }, server().url);
    const { context, page, problems } = await newPage();
    try {
      await page.goto(url);
      for (const element of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'])
        await page.locator(`input[name="${element}"][value="4"]`).check();
      await loaded(page, page.locator('main form button[type="submit"]').last().click());
      const responses = await db.select().from(surveyResponses).where(eq(surveyResponses.unitCode, unit.code));
      expect(responses).toMatchObject([{ source: 'link', u1: 4, u9: 4 }]);
      await page.goto(url);
      expect(await page.locator('main h1').innerText()).toBe(id('surveys.answered.title'));
      expect(problems.filter((p) => !p.includes('409'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
