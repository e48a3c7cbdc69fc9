import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string | undefined {
  return fs.existsSync(CHROMIUM) ? CHROMIUM : undefined;
}

/** In CI browser tests are mandatory: a missing Chromium fails the run instead of skipping. */
export function browserTestsEnabled(): boolean {
  if (chromiumPath()) return true;
  if (process.env.CI) throw new Error(`Chromium is required in CI but ${CHROMIUM} is missing`);
  return false;
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
