import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { formatDay, translator } from '../../src/platform/i18n/index.ts';
import { serviceDay } from '../dates.ts';
import { makeNik, makeUnit, openDate } from '../factories.ts';
import { readMails } from '../server.ts';
import { jpeg, pdf, png } from '../uploads.ts';
import { describeInChromium } from './suite.ts';

const id = translator('id');
const PASSWORD = 'laut sawu biru sekali';

/** Answers a wizard page by field name (text, select or radio) and goes on with the page's main button. */
async function answer(page: Page, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`main [name="${name}"]`).first();
    const tag = await field.evaluate((el) => `${el.tagName}:${(el as HTMLInputElement).type}`);
    if (tag.startsWith('SELECT')) await field.selectOption(value);
    else if (tag.endsWith(':radio')) await page.locator(`main input[name="${name}"][value="${value}"]`).check();
    else await field.fill(value);
  }
  await Promise.all([
    page.waitForLoadState('load'),
    page.locator('main form:not([enctype]) button[type="submit"]:not([name="_refresh"])').last().click(),
  ]);
  const summary = page.locator('.error-summary');
  if (await summary.count())
    throw new Error(`${page.url()} refused ${JSON.stringify(fields)}: ${await page.locator('main').innerText()}`);
}

/**
 * The citizen's whole passport journey in Indonesian in a real Chromium: sign up, verify through the mailed link,
 * apply with uploads through every wizard page, book a date (the proof of work runs in the page), download the
 * receipt, and look the status up on the public tracking page.
 */
describeInChromium('passport journey in Chromium', ({ browser, server }) => {
  it('signs up, applies with documents, books, downloads the receipt and tracks the status', async () => {
    const db = server().app.deps.database.db;
    const unit = await makeUnit(db);
    const date = await serviceDay(db, unit.code);
    await openDate(db, unit.code, date, 10);
    const email = `maria-${Date.now()}@test.sikoe.id`;
    const birthDate = '1991-03-14';
    const nik = makeNik(birthDate, 'F');
    const context = await browser().newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    try {
      await page.goto(`${server().url}/signup`);
      await page.getByLabel(id('fields.name')).fill('Maria Goreti Bria');
      await page.getByLabel(id('fields.email')).fill(email);
      await page.getByLabel(id('fields.newPassword')).fill(PASSWORD);
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: id('signup.submit') }).click(),
      ]);
      await server().app.deps.jobs.runDue();
      const mail = (await readMails(server())).find((m) => m.to.includes(email));
      const link = /(https?:\/\/\S+\/verify\?token=\S+)/.exec(mail!.text)![1]!;
      await page.goto(link);
      await page.goto(`${server().url}/login?next=/applications`);
      await page.getByLabel(id('fields.email')).fill(email);
      await page.getByLabel(id('fields.password')).fill(PASSWORD);
      await Promise.all([
        page.waitForURL('**/applications'),
        page.getByRole('button', { name: id('login.submit') }).click(),
      ]);

      await Promise.all([
        page.waitForURL('**/steps/office'),
        page.locator('main form[action="/applications"] button').first().click(),
      ]);
      await answer(page, { unitCode: unit.code });
      await answer(page, { nik });
      await answer(page, { fullName: 'Maria Goreti Bria' });
      await answer(page, { birthPlace: 'Atambua', birthDate });
      await answer(page, { sex: 'F' });
      await answer(page, { maritalStatus: 'married' });
      await page.locator('main [name="address"]').fill('Jl. Timor Raya 12, Oesapa');
      for (const [level, code] of [
        ['province', '53'],
        ['regency', '53.71'],
        ['district', '53.71.01'],
      ] as const) {
        await page.locator(`main select[name="home_${level}"]`).selectOption(code);
        await Promise.all([page.waitForLoadState('load'), page.locator('main button[name="_refresh"]').click()]);
      }
      const village = await page.locator('main select[name="home_village"] option').nth(1).getAttribute('value');
      await answer(page, { home_village: village! });
      await answer(page, { phone: '0812 3456 7890' });
      await answer(page, { email });
      await answer(page, { kind: 'first' });
      await answer(page, { passportType: 'elektronik' });
      await answer(page, { validityYears: '10' });
      await answer(page, { speed: 'reguler' });
      await answer(page, { purpose: 'family' });

      for (const [docKind, name, bytes, mimeType] of [
        ['ektp', 'ektp.jpg', jpeg, 'image/jpeg'],
        ['kk', 'kk.png', png, 'image/png'],
        ['akta_kelahiran', 'akta.pdf', pdf, 'application/pdf'],
      ] as const) {
        const form = page.locator('main form[enctype="multipart/form-data"]');
        await form.locator('select[name="kind"]').selectOption(docKind);
        await form.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: bytes });
        await Promise.all([page.waitForLoadState('load'), form.locator('button[type="submit"]').click()]);
      }
      await answer(page, {});
      expect(page.url()).toContain('/check');
      expect(await page.locator('main').innerText()).toContain('950.000');
      await answer(page, {});
      const trackingCode = (await page.locator('main').innerText()).match(/SK[0-9A-Z]{10}/)![0];

      await page.goto(page.url().replace(/\/submitted$/, '/book'));
      await expect
        .poll(
          () =>
            page
              .locator('input[name="altcha"]')
              .inputValue()
              .catch(() => ''),
          { timeout: 30_000 },
        )
        .not.toBe('');
      await page.getByLabel(new RegExp(formatDay('id', date))).check();
      await Promise.all([
        page.waitForURL('**/appointment'),
        page.getByRole('button', { name: id('booking.submit') }).click(),
      ]);
      expect(await page.locator('main h1').innerText()).toBe(id('booking.confirmation.title'));
      const receipt = await page.request.get(page.url() + '/receipt.pdf');
      expect(receipt.status()).toBe(200);
      expect((await receipt.body()).subarray(0, 5).toString()).toBe('%PDF-');

      await page.goto(`${server().url}/track`);
      await page.getByLabel(id('booking.fields.code')).fill(trackingCode.toLowerCase());
      await page.getByLabel(id('booking.fields.birthDate')).fill(birthDate);
      await Promise.all([
        page.waitForLoadState('load'),
        page.locator('main form button[type="submit"]').last().click(),
      ]);
      expect(await page.locator('main [role="status"]').innerText()).toContain(formatDay('id', date));
    } finally {
      await context.close();
    }
  }, 180_000);
});
