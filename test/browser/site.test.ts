import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/platform/i18n/index.ts';
import { browserTestsEnabled, chromiumArgs, chromiumPath } from '../browser.ts';
import { startServer, type TestServer } from '../server.ts';

const id = translator('id');
const SCREENSHOT = '/tmp/sikoe-home.png';

/** Accessibility and small-screen checks in a real Chromium (pages only; the journey lives in journey.test.ts). */
describe.runIf(browserTestsEnabled())('pages in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([
      chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs }),
      startServer(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function withPage<T>(
    options: { javaScriptEnabled?: boolean; phone?: boolean },
    body: (page: Page) => Promise<T>,
  ): Promise<T> {
    const context = await browser.newContext({
      locale: 'id-ID',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      ...(options.phone
        ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
        : {}),
    });
    try {
      return await body(await context.newPage());
    } finally {
      await context.close();
    }
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`shows a linked error summary and marks each empty field invalid (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () =>
      withPage({ javaScriptEnabled }, async (page) => {
        await page.goto(`${server.url}/signup`);
        await Promise.all([
          page.waitForEvent('load'),
          page
            .getByRole('main')
            .getByRole('button', { name: id('signup.submit') })
            .click(),
        ]);
        expect(await page.title()).toMatch(new RegExp(`^${id('common.errorPrefix')} `));

        const summary = page.getByRole('alert');
        expect(await summary.count()).toBe(1);
        expect(await summary.getByRole('heading').innerText()).toBe(id('common.errorSummary'));
        const links = await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(links).toEqual(['#f-name', '#f-email', '#f-password']);
        // The summary takes focus on load, so a screen reader announces it before anything else.
        expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);

        for (const field of ['name', 'email', 'password']) {
          const input = page.locator(`#f-${field}`);
          expect(await input.getAttribute('aria-invalid'), field).toBe('true');
          expect((await input.getAttribute('aria-describedby'))?.split(' '), field).toContain(`f-${field}-error`);
          expect(await page.locator(`#f-${field}-error`).innerText(), field).not.toBe('');
        }
        // Each summary link leads to its field.
        await summary.getByRole('link').nth(1).click();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-email');
      }));
  }

  it('fits the home page on a 360×740 phone without sideways scrolling (screenshot in /tmp)', () =>
    withPage({ phone: true }, async (page) => {
      await page.goto(`${server.url}/`);
      expect(await page.locator('main h1').innerText()).toBe(id('home.title'));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const menu = page.getByRole('navigation');
      for (const name of [id('nav.login'), id('nav.signup'), 'English']) {
        const box = await menu.getByRole('link', { name, exact: true }).boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.x + box!.width, name).toBeLessThanOrEqual(360);
      }
      await page.screenshot({ path: SCREENSHOT }); // the first screen, as a phone shows it
    }));

  it('has a site icon that loads, so browsers do not log a 404 on every first visit', () =>
    withPage({}, async (page) => {
      await page.goto(`${server.url}/`);
      // The icon a browser asks for: the page's <link rel=icon>, else /favicon.ico.
      const icon = await page.evaluate(
        () =>
          document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ??
          new URL('/favicon.ico', location.href).href,
      );
      if (icon.startsWith('data:')) return;
      const res = await page.request.get(icon);
      expect(res.status(), icon).toBe(200);
      expect(res.headers()['content-type'], icon).toMatch(/^image\//);
    }));
});
