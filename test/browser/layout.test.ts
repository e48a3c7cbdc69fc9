import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  adultAnswers,
  answerUntil,
  citizenBrowser,
  startDraft,
  uploadAdultDocuments,
} from '../../src/applications/test-support.ts';
import { stepPath } from '../../src/applications/wizard-steps.ts';
import { bookDirectly } from '../../src/appointments/test-support.ts';
import { makeComplaint } from '../../src/complaints/test-support.ts';
import type { Account } from '../../src/platform/auth/schema.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { issuanceHistory } from '../../src/passports/schema.ts';
import { serviceDay } from '../dates.ts';
import { makeApplication, makeOfficer, makeUnit, openDate, sessionCookie } from '../factories.ts';
import { describeInChromium } from './suite.ts';

const id = translator('id');

/**
 * What the page breaks of the small-screen rules: sideways scrolling, repeated ids, unlabelled fields, and scroll boxes
 * (within `boxes`) a keyboard cannot reach.
 */
function layoutProblems(page: Page, boxes = 'main *'): Promise<string[]> {
  return page.evaluate((boxes) => {
    const problems: string[] = [];
    // Against the screen's width, not innerWidth: a mobile browser widens its layout viewport to fit a page too wide.
    const width = document.documentElement.scrollWidth;
    if (width > screen.width) problems.push(`page is ${width} px wide on a ${screen.width} px screen`);
    const ids = Array.from(document.querySelectorAll('[id]'), (e) => e.id);
    for (const dup of new Set(ids.filter((v, i) => ids.indexOf(v) !== i)))
      problems.push(`id "${dup}" used more than once`);
    for (const control of Array.from(
      document.querySelectorAll('textarea, select, input:not([type=hidden]):not([type=submit])'),
    )) {
      if ((control as HTMLInputElement).labels?.length === 0)
        problems.push(`${control.tagName} ${(control as HTMLInputElement).name} has no label`);
    }
    // axe's scrollable-region-focusable: a box that scrolls must be reachable by keyboard, and named.
    for (const el of Array.from(document.querySelectorAll(boxes))) {
      const overflow = getComputedStyle(el).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth) {
        if ((el as HTMLElement).tabIndex < 0 || !el.getAttribute('aria-label'))
          problems.push(`scrolling ${el.tagName}.${el.className} is not focusable and named`);
      }
    }
    return problems;
  }, boxes);
}

describeInChromium('layout on a 360 px phone', ({ browser, server }) => {
  const db = () => server().app.deps.database.db;

  async function phone(account: Pick<Account, 'id'> | null, body: (page: Page) => Promise<void>) {
    const context = await browser().newContext({
      locale: 'id-ID',
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    if (account) {
      const [name, value] = (await sessionCookie(db(), account as Account)).split('=') as [string, string];
      await context.addCookies([{ name, value, url: server().url }]);
    }
    try {
      await body(await context.newPage());
    } finally {
      await context.close();
    }
  }

  /** A citizen's draft answered to the end, with its documents uploaded. */
  async function draftWithDocuments() {
    const unit = await makeUnit(db());
    const { citizen, browser: form } = await citizenBrowser(server().app, db());
    const draft = await startDraft(form);
    await answerUntil(form, draft, await adultAnswers(db(), unit.code));
    await uploadAdultDocuments(server().app, form, draft);
    return { citizen, draft };
  }

  it('fits the booking confirmation, billing code and office included, on the screen', async () => {
    const unit = await makeUnit(db(), {
      address: 'Jl. Adi Sucipto No. 1, Kelurahan Penfui, Kecamatan Maulafa, Kota Kupang',
      phone: '(0380) 833-101',
      mapUrl: 'https://www.openstreetmap.org/?mlat=-10.1718&mlon=123.6075#map=18/-10.1718/123.6075',
    });
    const date = await serviceDay(db(), unit.code);
    await openDate(db(), unit.code, date, 5);
    const application = await makeApplication(db(), { unitCode: unit.code });
    const { billing } = await bookDirectly(server().app, application, date);
    await phone({ id: application.accountId }, async (page) => {
      await page.goto(`${server().url}/applications/${application.id}/appointment`);
      expect(await page.locator('main h1').innerText()).toBe(id('booking.confirmation.title'));
      expect(await layoutProblems(page)).toEqual([]);
      const code = page.locator('code.billing-code');
      expect((await code.innerText()).replace(/\s/g, '')).toBe(billing.code);
      const box = (await code.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      expect(await page.getByRole('link', { name: new RegExp(id('units.openMap')) }).isVisible()).toBe(true);
      // The application's own page, with its tables and history, fits too.
      await page.goto(`${server().url}/applications/${application.id}`);
      expect(await layoutProblems(page)).toEqual([]);
      await page.goto(`${server().url}/applications`);
      expect(await layoutProblems(page)).toEqual([]);
    });
  });

  it('shows the documents’ remove buttons in a colour that stands out from their background', async () => {
    const { citizen, draft } = await draftWithDocuments();
    await phone(citizen, async (page) => {
      await page.goto(`${server().url}${stepPath(draft, 'documents')}`);
      const remove = page.getByRole('button', { name: new RegExp(`^${id('applications.documents.remove')}`) });
      expect(await remove.count()).toBe(3);
      const contrast = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => {
            const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
            const luminance = ([r, g, b]: number[]) => {
              const c = [r!, g!, b!].map((v) =>
                v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4,
              );
              return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
            };
            // The background the text is drawn on: the nearest box that paints one.
            let box: Element | null = el;
            while (
              box &&
              (rgb(getComputedStyle(box).backgroundColor)[3] === 0 ||
                getComputedStyle(box).backgroundColor === 'transparent')
            )
              box = box.parentElement;
            const fg = luminance(rgb(getComputedStyle(el).color));
            const bg = luminance(rgb(box ? getComputedStyle(box).backgroundColor : 'rgb(255, 255, 255)'));
            return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
          });
      expect(await contrast('main button.link')).toBeGreaterThanOrEqual(4.5);
      // The header's sign-out button is a link-styled button too, white on the blue bar.
      expect(await contrast('header button.link')).toBeGreaterThanOrEqual(4.5);
      expect(await layoutProblems(page)).toEqual([]);
    });
  });

  it('fits the check page, every answer with its change link, on the screen, and htmx pages log no error', async () => {
    const { citizen, draft } = await draftWithDocuments();
    await phone(citizen, async (page) => {
      const errors: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      await page.goto(`${server().url}/applications/${draft}/check`);
      expect(
        await page.getByRole('link', { name: new RegExp(`^${id('applications.check.change')}`) }).count(),
      ).toBeGreaterThan(10);
      expect(await layoutProblems(page)).toEqual([]);
      // The address step enhances the region picker with htmx: under the content security policy, without errors.
      await page.goto(`${server().url}${stepPath(draft, 'address')}`);
      await page.waitForFunction(() => 'htmx' in window);
      expect(errors).toEqual([]);
    });
  });

  it('keeps chart text readable (at least 11 px), scrolling the chart in its own box', async () => {
    const unit = await makeUnit(db());
    await db()
      .insert(issuanceHistory)
      .values(
        ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m, i) => ({
          unitCode: unit.code,
          month: `2024-${m}-01`,
          type: 'biasa' as const,
          count: 100 + i,
        })),
      );
    for (const path of [`/statistik/paspor?from=2024-01&to=2024-12&unit=${unit.code}`, '/transparansi']) {
      await phone(null, async (page) => {
        await page.goto(`${server().url}${path}`);
        const charts = page.locator('svg.chart');
        expect(await charts.count(), path).toBeGreaterThan(0);
        const sizes = await page
          .locator('svg.chart text')
          .evaluateAll((texts) =>
            texts.map((el) => parseFloat(getComputedStyle(el).fontSize) * (el as SVGGraphicsElement).getScreenCTM()!.a),
          );
        expect(sizes.length, path).toBeGreaterThan(0);
        expect(Math.min(...sizes), path).toBeGreaterThanOrEqual(11);
        for (const region of await charts.evaluateAll((svgs) =>
          svgs.map((s) => ({
            role: s.parentElement!.getAttribute('role'),
            tabIndex: s.parentElement!.tabIndex,
            label: s.parentElement!.getAttribute('aria-label'),
          })),
        )) {
          expect(region, path).toMatchObject({ role: 'region', tabIndex: 0, label: expect.any(String) });
        }
        // The pages' own tables are not part of this check; the charts' boxes are.
        expect(await layoutProblems(page, 'main figure *'), path).toEqual([]);
      });
    }
  });

  it('gives every text box on the officer complaint page an id of its own and a label', async () => {
    const unit = await makeUnit(db());
    const head = await makeOfficer(db(), { role: 'head_of_office', unitCode: unit.code });
    const { complaint } = await makeComplaint(db(), server().config, { unitCode: unit.code });
    await phone(head, async (page) => {
      await page.goto(`${server().url}/officer/complaints/${complaint.id}`);
      expect(await page.locator('textarea').count()).toBe(4);
      expect(await page.getByLabel(id('complaints.fields.archiveReason')).getAttribute('id')).toBe('f-text-archive');
      expect(await layoutProblems(page)).toEqual([]);
      await page.goto(`${server().url}/officer`);
      expect(await layoutProblems(page)).toEqual([]);
    });
  });
});
