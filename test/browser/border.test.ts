import type { BrowserContext } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeBorderPass } from '../../src/border-passes/test-support.ts';
import { makeDesk } from '../../src/border/test-support.ts';
import { makeTravelDocument, mrzOf } from '../../src/foreigners/test-support.ts';
import type { Account } from '../../src/platform/auth/schema.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { makeBanEntry } from '../../src/watchlist/test-support.ts';
import { makeOfficer, sessionCookie } from '../factories.ts';
import { describeInChromium, loaded } from './suite.ts';

const id = translator('id');

/**
 * The crossing desk in Chromium with JavaScript off, in Indonesian: a PLB holder crosses out and back (the scan
 * field has the focus, as a scanner that types needs); a citizen on the prevention list is held red and the head of
 * office allows the crossing in the secondary inspection.
 */
describeInChromium('the crossing desk in Chromium', ({ browser, server }) => {
  const signedIn = async (account: Account): Promise<BrowserContext> => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const [name, value] = (await sessionCookie(server().app.deps.database.db, account)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: server().url }]);
    return context;
  };

  it('lets a PLB holder cross out and back, green both ways', async () => {
    const db = server().app.deps.database.db;
    const desk = await makeDesk(db);
    const issuer = await makeOfficer(db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA' });
    const pass = await makeBorderPass(db, server().app.deps.storage, issuer, { fullName: 'Yakobus Lintas' });
    const context = await signedIn(desk.officer);
    const page = await context.newPage();
    try {
      await page.goto(`${server().url}/officer/crossing-points/${desk.point.code}/desk`);
      const scan = page.getByLabel(id('border.desk.scan'));
      expect(await scan.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(pass.number);
      await page.getByLabel(id('border.directions.departure'), { exact: true }).check();
      await loaded(page, page.getByRole('button', { name: id('border.desk.submit') }).click());
      await expect.poll(() => page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('green');
      expect(await page.textContent('body')).toContain('Yakobus Lintas');

      await loaded(page, page.getByRole('link', { name: id('border.desk.next') }).click());
      await page.getByLabel(id('border.desk.scan')).fill(`${server().url}/pas-lintas-batas/periksa/${pass.token}`);
      await page.getByLabel(id('border.directions.arrival'), { exact: true }).check();
      await loaded(page, page.getByRole('button', { name: id('border.desk.submit') }).click());
      expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('green');
      expect(await page.textContent('body')).toContain(id('border.verdict.noReasons'));
    } finally {
      await context.close();
    }
  });

  it('holds a listed citizen red and lets the supervisor allow the crossing with a reason', async () => {
    const db = server().app.deps.database.db;
    const desk = await makeDesk(db);
    const doc = makeTravelDocument({
      nationality: 'IDN',
      issuingState: 'IDN',
      surname: 'NDOEN',
      givenNames: 'JOHANES',
      // A birth date in the 1930s, where no other journey puts an applicant this listing could stop.
      birthDate: `193${Math.floor(Math.random() * 10)}-0${1 + Math.floor(Math.random() * 9)}-2${Math.floor(Math.random() * 8)}`,
    });
    await makeBanEntry(db, { fullName: 'YOHANES NDUN', birthDate: doc.birthDate, reason: 'Perkara rahasia 12' });
    const officerContext = await signedIn(desk.officer);
    const supervisorContext = await signedIn(desk.supervisor);
    try {
      const page = await officerContext.newPage();
      await page.goto(`${server().url}/officer/crossing-points/${desk.point.code}/desk`);
      await page.getByLabel(id('border.desk.scan')).fill(mrzOf(doc));
      await page.getByLabel(id('border.directions.departure'), { exact: true }).check();
      await loaded(page, page.getByRole('button', { name: id('border.desk.submit') }).click());
      expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('red');
      const body = (await page.textContent('body')) ?? '';
      expect(body).toContain(id('border.matches.name_birth_date'));
      expect(body).not.toContain('Perkara rahasia 12');
      const verdictUrl = page.url();

      const inspection = await supervisorContext.newPage();
      await inspection.goto(verdictUrl);
      await inspection.getByLabel(id('border.decision.steps.allow')).check();
      await inspection.getByLabel(id('border.fields.reason')).fill('Orang lain: NIK dan foto berbeda');
      await loaded(inspection, inspection.getByRole('button', { name: id('border.decision.submit') }).click());
      expect(await inspection.locator('[data-status]').getAttribute('data-status')).toBe('allowed');
      expect(await inspection.textContent('body')).toContain('Orang lain: NIK dan foto berbeda');
    } finally {
      await officerContext.close();
      await supervisorContext.close();
    }
  });
});
