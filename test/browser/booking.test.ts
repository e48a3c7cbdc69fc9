import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { formatDay, translator } from '../../src/platform/i18n/index.ts';
import { accounts } from '../../src/platform/auth/schema.ts';
import { serviceDay } from '../dates.ts';
import { makeApplication, makeUnit, openDate, sessionCookie } from '../factories.ts';
import { describeInChromium } from './suite.ts';

const id = translator('id');

/**
 * Booking a date in a real Chromium under the site's strict CSP: with JavaScript the ALTCHA widget solves its
 * proof of work in our own worker file and the form goes through at once; without JavaScript the page says when
 * the form may be sent.
 */
describeInChromium('booking in Chromium', ({ browser, server }) => {
  async function citizenPage(javaScriptEnabled: boolean) {
    const db = server().app.deps.database.db;
    const unit = await makeUnit(db);
    const date = await serviceDay(db, unit.code);
    await openDate(db, unit.code, date, 3);
    const application = await makeApplication(db, { unitCode: unit.code });
    const [account] = await db.select().from(accounts).where(eq(accounts.id, application.accountId));
    const [name, value] = (await sessionCookie(db, account!)).split('=') as [string, string];
    const context = await browser().newContext({ javaScriptEnabled, locale: 'id-ID' });
    await context.addCookies([{ name, value, url: server().url }]);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
    return { page, context, date, application, problems };
  }

  it('solves the proof of work in the browser and books at once (JavaScript on)', async () => {
    const { page, context, date, application, problems } = await citizenPage(true);
    try {
      await page.goto(`${server().url}/applications/${application.id}/book`);
      await expect
        .poll(
          () =>
            page
              .locator('input[name="altcha"]')
              .inputValue()
              .catch(() => ''),
          { timeout: 20_000 },
        )
        .not.toBe('');
      await page.getByLabel(new RegExp(formatDay('id', date))).check();
      await Promise.all([
        page.waitForURL(`**/applications/${application.id}/appointment`),
        page.getByRole('button', { name: id('booking.submit') }).click(),
      ]);
      expect(await page.locator('main h1').innerText()).toBe(id('booking.confirmation.title'));
      expect(
        await page.getByAltText(id('booking.confirmation.qrAlt', { code: application.trackingCode })).isVisible(),
      ).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('tells when the form may be sent (JavaScript off)', async () => {
    const { page, context, application, problems } = await citizenPage(false);
    try {
      await page.goto(`${server().url}/applications/${application.id}/book`);
      expect(await page.getByText(/JavaScript tidak aktif/).innerText()).toMatch(/pukul \d{2}\.\d{2}\.\d{2} WITA/);
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: id('booking.submit') }).click(),
      ]);
      expect(await page.locator('.error-summary').innerText()).toContain(id('v.required'));
      expect(problems.filter((p) => !p.includes('422'))).toEqual([]); // the refused form itself answers 422
    } finally {
      await context.close();
    }
  });
});
