import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { translator } from '../../src/platform/i18n/index.ts';
import { uniqueEmail } from '../factories.ts';
import { readMails } from '../server.ts';
import { describeInChromium } from './suite.ts';

const id = translator('id');
const en = translator('en');
const PASSWORD = 'pantai lasiana senja jingga';

const lang = (page: Page) => page.getAttribute('html', 'lang');
const h1 = (page: Page) => page.locator('main h1').innerText();
const nav = (page: Page) => page.getByRole('navigation');

/** Clicks something that leads to a new page and waits for that page to load. */
async function follow(page: Page, click: () => Promise<void>) {
  await Promise.all([page.waitForEvent('load'), click()]);
}

/**
 * A citizen's first visit, in a real Chromium against the real server: sign up in Indonesian, verify by the mailed
 * link, sign in, switch to English (remembered), sign out. Runs with and without JavaScript: every step is a plain
 * link or form.
 */
describeInChromium('sign-up journey in Chromium', ({ browser, server }) => {
  for (const javaScriptEnabled of [true, false]) {
    it(`signs up, verifies, signs in, switches language and signs out (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser().newContext({
        javaScriptEnabled,
        locale: 'id-ID',
        viewport: { width: 1024, height: 768 },
      });
      const page = await context.newPage();
      const problems: string[] = [];
      // The missing site icon has its own test (site.test.ts); anything else logged as an error fails the journey.
      const ignored = (url: string) => new URL(url, server().url).pathname === '/favicon.ico';
      page.on(
        'console',
        (m) =>
          void (
            m.type() === 'error' &&
            !ignored(m.location().url) &&
            problems.push(`console: ${m.text()} ${m.location().url}`)
          ),
      );
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
      const name = 'Yosefina Dhéa Bria';
      const email = uniqueEmail('journey');
      try {
        // Home, in Indonesian by default, then "Daftar".
        await page.goto(`${server().url}/`);
        expect(await lang(page)).toBe('id');
        await follow(page, () =>
          nav(page)
            .getByRole('link', { name: id('nav.signup'), exact: true })
            .click(),
        );
        expect(new URL(page.url()).pathname).toBe('/signup');
        expect(await h1(page)).toBe(id('signup.title'));

        await page.getByLabel(id('fields.name'), { exact: true }).fill(name);
        await page.getByLabel(id('fields.email'), { exact: true }).fill(email);
        await page.getByLabel(id('fields.newPassword'), { exact: true }).fill(PASSWORD);
        await follow(page, () =>
          page
            .getByRole('main')
            .getByRole('button', { name: id('signup.submit') })
            .click(),
        );
        expect(await h1(page)).toBe(id('signup.sentTitle'));
        expect(await page.getByRole('status').innerText()).toContain(email);

        // The mail goes out from the job queue; its link must point at this server.
        await server().app.deps.jobs.runDue();
        const mail = (await readMails(server())).find((m) => m.to.includes(email));
        expect(mail, `a mail to ${email}`).toBeDefined();
        expect(mail!.text).toContain(name);
        const link = /(https?:\/\/\S+\/verify\?token=\S+)/.exec(mail!.text)?.[1];
        expect(link, mail!.text).toBeDefined();
        expect(link!.startsWith(`${server().url}/verify?token=`)).toBe(true);

        await page.goto(link!);
        expect(await h1(page)).toBe(id('verify.title'));
        await follow(page, () =>
          page
            .getByRole('main')
            .getByRole('link', { name: id('nav.login') })
            .click(),
        );
        expect(new URL(page.url()).pathname).toBe('/login');

        // Sign in, then the account page shows who is signed in.
        await page.getByLabel(id('fields.email'), { exact: true }).fill(email);
        await page.getByLabel(id('fields.password'), { exact: true }).fill(PASSWORD);
        await follow(page, () =>
          page
            .getByRole('main')
            .getByRole('button', { name: id('login.submit') })
            .click(),
        );
        expect(new URL(page.url()).pathname).toBe('/');
        await follow(page, () =>
          nav(page)
            .getByRole('link', { name: id('nav.account') })
            .click(),
        );
        expect(await h1(page)).toBe(id('account.title'));
        expect(await page.getByRole('main').innerText()).toContain(name);

        // The visible language switch; the choice is remembered on the next page.
        await follow(page, () => nav(page).getByRole('link', { name: 'English' }).click());
        expect(new URL(page.url()).pathname).toBe('/account');
        expect(await lang(page)).toBe('en');
        expect(await h1(page)).toBe(en('account.title'));
        await follow(page, () => page.locator('header a.brand').click());
        expect(new URL(page.url()).pathname).toBe('/');
        expect(await lang(page)).toBe('en');
        expect(await h1(page)).toBe(en('home.title'));
        await expect(nav(page).getByRole('link', { name: 'Bahasa Indonesia' }).count()).resolves.toBe(1);

        // Sign out: back to the public menu, and the account page asks to sign in again.
        await follow(page, () =>
          nav(page)
            .getByRole('button', { name: en('nav.logout') })
            .click(),
        );
        expect(new URL(page.url()).pathname).toBe('/');
        await expect(
          nav(page)
            .getByRole('link', { name: en('nav.login') })
            .count(),
        ).resolves.toBe(1);
        await page.goto(`${server().url}/account`);
        expect(new URL(page.url()).pathname).toBe('/login');
        expect(await lang(page)).toBe('en');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
