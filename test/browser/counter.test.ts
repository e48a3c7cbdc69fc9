import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'mrz';
import { expect, it } from 'vitest';
import { applications } from '../../src/applications/schema.ts';
import type { Account } from '../../src/platform/auth/schema.ts';
import { witaDate } from '../../src/platform/calendar/wita.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { passports } from '../../src/passports/schema.ts';
import { makeCase } from '../../src/cases/test-support.ts';
import { makeOfficer, makeUnit, openDate, sessionCookie } from '../factories.ts';
import { png } from '../uploads.ts';
import { describeInChromium, loaded } from './suite.ts';

const id = translator('id');

/**
 * The counter in a real Chromium, in Indonesian: a booked and paid applicant is checked in at reception by tracking
 * code and birth date, called at a counter, and taken through every step to the hand-over, by a verifier and, for
 * the decision, an adjudicator who did not interview (four eyes).
 */
describeInChromium('counter service in Chromium', ({ browser, server }) => {
  async function officerPage(account: Account) {
    const [name, value] = (await sessionCookie(server().app.deps.database.db, account)).split('=') as [string, string];
    const context = await browser().newContext({ locale: 'id-ID' });
    await context.addCookies([{ name, value, url: server().url }]);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
    return { page, context, problems };
  }

  /** Every step answers with a redirect back to the case. */
  const send = (page: Page, button: Locator) => loaded(page, button.click());
  const status = (page: Page) => page.locator('main dd strong').first().innerText();
  const form = (page: Page, type: string) => page.locator(`form:has(input[name="type"][value="${type}"])`);

  it('takes a booked applicant from check-in to hand-over', async () => {
    const db = server().app.deps.database.db;
    const unit = await makeUnit(db);
    await openDate(db, unit.code, witaDate(), 5);
    const verifier = await makeOfficer(db, { role: 'verifier', unitCode: unit.code, name: 'Maria Seran' });
    const adjudicator = await makeOfficer(db, { role: 'adjudicator', unitCode: unit.code, name: 'Petrus Lado' });
    const application = await makeCase(db, {
      unitCode: unit.code,
      status: 'paid',
      fullName: "Yohana O'Neil Ndun-Bria",
    });

    const desk = await officerPage(verifier);
    const { page } = desk;
    try {
      await page.goto(`${server().url}/officer/units/${unit.code}/reception`);
      const checkIn = page.locator('form:has(input[name="trackingCode"])');
      await checkIn.getByLabel(id('queue.reception.trackingCode')).fill(application.trackingCode);
      await checkIn.getByLabel(id('queue.reception.birthDate')).fill(application.birthDate!);
      await send(page, checkIn.getByRole('button', { name: id('queue.reception.checkIn') }));
      expect(
        await page.getByRole('heading', { name: id('queue.reception.issuedTitle', { ticket: 'A-001' }) }).isVisible(),
      ).toBe(true);
      // The focus is back in the QR field, where a scanner types the next slip.
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('qr');

      await page.goto(`${server().url}/officer/units/${unit.code}/counter`);
      await page.getByLabel(id('queue.counter.counterName')).selectOption('Loket 1');
      await send(page, page.getByRole('button', { name: id('queue.counter.use') }));
      await send(page, page.getByRole('button', { name: id('queue.counter.callNext') }));
      expect(await page.getByText(id('queue.counter.applicant', { name: "Yohana O'Neil Ndun-Bria" })).isVisible()).toBe(
        true,
      );
      await send(
        page,
        page.getByRole('link', { name: id('queue.counter.openCase', { code: application.trackingCode }) }),
      );
      expect(await status(page)).toBe(id('cases.statuses.checked_in'));

      await send(page, page.getByRole('button', { name: id('cases.take') }));
      const documents = form(page, 'document_check');
      for (const kind of ['ektp', 'kk', 'akta_kelahiran'])
        await documents.locator(`input[name="doc_${kind}"][value="accepted"]`).check();
      await send(page, documents.getByRole('button', { name: id('cases.documentCheck.submit') }));
      expect(await status(page)).toBe(id('cases.statuses.documents_verified'));
      await send(page, page.getByRole('button', { name: id('cases.submit.watchlist_check') }));
      expect(await status(page)).toBe(id('cases.statuses.watchlist_cleared'));
      await send(page, page.getByRole('button', { name: id('cases.submit.confirm_payment') }));
      expect(await status(page)).toBe(id('cases.statuses.payment_confirmed'));

      const biometrics = form(page, 'capture_biometrics');
      await biometrics
        .locator('input[name="photo"]')
        .setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: png });
      await biometrics.getByLabel(id('cases.biometrics.device')).fill('Futronic FS80H');
      await biometrics.getByLabel(id('cases.biometrics.quality')).fill('87');
      await send(page, biometrics.getByRole('button', { name: id('cases.biometrics.submit') }));
      expect(await status(page)).toBe(id('cases.statuses.biometrics_captured'));

      const interview = form(page, 'interview');
      await interview.getByLabel(id('cases.interview.purpose')).fill('Liburan keluarga');
      await interview.getByLabel(id('cases.interview.destination')).fill('Australia');
      await interview.getByLabel(id('cases.interview.answersConsistent')).check();
      await interview.getByLabel(id('cases.interview.pass')).check();
      await send(page, interview.getByRole('button', { name: id('cases.interview.submit') }));
      expect(await status(page)).toBe(id('cases.statuses.interviewed'));
      await send(page, page.getByRole('button', { name: id('cases.release') }));
      expect(desk.problems).toEqual([]);
    } finally {
      await desk.context.close();
    }

    const decider = await officerPage(adjudicator);
    try {
      await decider.page.goto(`${server().url}/officer/cases/${application.id}`);
      await send(decider.page, decider.page.getByRole('button', { name: id('cases.take') }));
      // The interview's answers are on the page the decision is taken on.
      const answers = decider.page.locator('section:has(#interview-answers-title)');
      expect(await answers.getByText('Liburan keluarga').isVisible()).toBe(true);
      expect(await answers.getByText('Australia').isVisible()).toBe(true);
      const decision = form(decider.page, 'adjudicate');
      await decision.getByLabel(id('cases.adjudicate.approve')).check();
      await send(decider.page, decision.getByRole('button', { name: id('cases.adjudicate.submit') }));
      expect(await status(decider.page)).toBe(id('cases.statuses.approved'));
      await send(decider.page, decider.page.getByRole('button', { name: id('cases.release') }));
      expect(decider.problems).toEqual([]);
    } finally {
      await decider.context.close();
    }

    const printer = await officerPage(verifier);
    try {
      const p = printer.page;
      await p.goto(`${server().url}/officer/cases/${application.id}`);
      await send(p, p.getByRole('button', { name: id('cases.take') }));
      await send(p, p.getByRole('button', { name: id('cases.submit.print') }));
      expect(await status(p)).toBe(id('cases.statuses.printed'));
      const [printed] = await db.select().from(passports).where(eq(passports.applicationId, application.id));
      const book = p.locator('section:has(#passport-title)');
      expect(await book.getByText(printed!.number, { exact: true }).isVisible()).toBe(true);
      expect(await book.locator('pre.mrz').innerText()).toBe(`${printed!.mrz1}\n${printed!.mrz2}`);
      const quality = form(p, 'quality_check');
      await quality.getByLabel(id('cases.qualityCheck.yes')).check();
      await send(p, quality.getByRole('button', { name: id('cases.qualityCheck.submit') }));
      expect(await status(p)).toBe(id('cases.statuses.ready'));
      const handOver = form(p, 'hand_over');
      await handOver.getByLabel(id('cases.handOver.identityChecked')).check();
      await handOver.getByLabel(id('cases.handOver.applicant')).check();
      await send(p, handOver.getByRole('button', { name: id('cases.handOver.submit') }));
      expect(await status(p)).toBe(id('cases.statuses.handed_over'));
      expect(printer.problems).toEqual([]);
    } finally {
      await printer.context.close();
    }

    const [after] = await db.select().from(applications).where(eq(applications.id, application.id));
    expect(after!.status).toBe('handed_over');
    const [passport] = await db.select().from(passports).where(eq(passports.applicationId, application.id));
    expect(passport!.status).toBe('handed_over');
    const mrz = parse([passport!.mrz1, passport!.mrz2]);
    expect(mrz.valid).toBe(true);
    expect(mrz.fields.documentNumber).toBe(passport!.number);
  });
});
