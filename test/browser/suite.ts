import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { browserTestsEnabled, chromiumArgs, chromiumPath } from '../browser.ts';
import { drivers } from '../db.ts';
import type { DriverKind } from '../../src/platform/db/index.ts';
import { startServer, type TestServer } from '../server.ts';

export type ChromiumSuite = { browser: () => Browser; server: () => TestServer; kind: DriverKind };

/**
 * Browser tests: one Chromium for the file and, for each database driver, a server of its own; `declare` adds the
 * tests. Skipped without Chromium, except in CI, where its absence fails the run.
 */
export function describeInChromium(name: string, declare: (suite: ChromiumSuite) => void): void {
  describe.runIf(browserTestsEnabled())(name, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    });
    afterAll(() => browser?.close());
    for (const kind of drivers) {
      describe(`[${kind}]`, () => {
        let server: TestServer;
        beforeAll(async () => {
          server = await startServer({ kind });
          return () => server.close();
        });
        declare({ browser: () => browser, server: () => server, kind });
      });
    }
  });
}

/** Sends a form (or follows a link) and waits for the page it lands on. */
export const loaded = (page: Page, click: Promise<void>) => Promise.all([page.waitForEvent('load'), click]);
