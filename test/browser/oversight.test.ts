import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeEnforcementUnit } from '../../src/enforcement/test-support.ts';
import { makeForeigner } from '../../src/foreigners/test-support.ts';
import type { Account } from '../../src/platform/auth/schema.ts';
import { addDays, witaDate } from '../../src/platform/calendar/wita.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { kupangVillage, makeOperation, makeTeam } from '../../src/timpora/test-support.ts';
import { watchlistEntries } from '../../src/watchlist/schema.ts';
import { birthDatesFrom, sessionCookie } from '../factories.ts';
import { describeInChromium, loaded } from './suite.ts';

const id = translator('id');
/** Birth dates from 1921 on, where no other test puts people. */
const born = birthDatesFrom(1921);

/** A step's form on the case page, found by its heading. */
const step = (page: Page, name: string) => page.getByRole('region', { name: id(`enforcement.steps.${name}`) });

/**
 * The oversight journey in Chromium with JavaScript off, in Indonesian: a Timpora finding in the field becomes an
 * administrative action case, examined and given an opinion, and another head of office decides deportation and an
 * entry ban, which lands in the entry-ban list for the case.
 */
describeInChromium('the oversight journey in Chromium', ({ browser, server }) => {
  const signedIn = async (account: Account): Promise<BrowserContext> => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const [name, value] = (await sessionCookie(server().app.deps.database.db, account)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: server().url }]);
    return context;
  };

  it('turns a field finding into a decided case with an entry ban, decided by another head of office', async () => {
    const db = server().app.deps.database.db;
    const u = await makeEnforcementUnit(db);
    const operation = await makeOperation(db, [await makeTeam(db, { unitCode: u.unitCode })], 'operation');
    const village = await kupangVillage(db);
    const who = await makeForeigner(db, {
      surname: 'LAPANGAN',
      givenNames: 'MARIO',
      nationality: 'PHL',
      issuingState: 'PHL',
      birthDate: born(),
    });
    const today = witaDate();
    const banUntil = addDays(today, 365);
    const officerContext = await signedIn(u.officer);
    const authorContext = await signedIn(u.head);
    const deciderContext = await signedIn(u.otherHead);
    try {
      // The officer records the finding on the phone form of the operation.
      const field = await officerContext.newPage();
      await field.goto(`${server().url}/officer/timpora/operations/${operation.id}`);
      await loaded(field, field.getByRole('link', { name: id('timpora.operation.newFinding') }).click());
      await field.getByLabel(id('timpora.finding.nationality')).fill('PHL');
      await field.getByLabel(id('timpora.finding.documentNumber')).fill(who.doc.documentNumber);
      await field
        .getByLabel(id('timpora.finding.outcome'), { exact: true })
        .selectOption({ label: id('timpora.outcomes.secured') });
      await field
        .getByLabel(id('timpora.finding.violation'), { exact: true })
        .selectOption({ label: id('timpora.violations.overstay') });
      await field.getByLabel(id('timpora.finding.village')).fill(village);
      await loaded(field, field.getByRole('button', { name: id('timpora.finding.save') }).click());
      expect(field.url()).toBe(`${server().url}/officer/timpora/operations/${operation.id}`);
      expect(await field.textContent('body')).toContain('LAPANGAN, MARIO');

      // From the finding, the officer opens a case and records the BAP.
      await loaded(field, field.getByRole('link', { name: id('timpora.operation.openCase') }).click());
      expect(await field.getByLabel(id('enforcement.fields.sourceKind'), { exact: true }).inputValue()).toBe('finding');
      await field.getByLabel(id('enforcement.fields.grounds'), { exact: true }).fill('Tinggal melebihi izin tinggal');
      await loaded(field, field.getByRole('button', { name: id('enforcement.openSubmit') }).click());
      const caseUrl = field.url();
      const caseId = /\/officer\/enforcement\/cases\/([0-9a-f-]{36})$/.exec(caseUrl)?.[1];
      expect(caseId, caseUrl).toBeDefined();
      expect(await field.locator('dl.facts').textContent()).toContain(id('enforcement.sources.finding'));
      const examine = step(field, 'examine');
      await examine.getByLabel(id('enforcement.fields.examinedOn'), { exact: true }).fill(today);
      await examine.getByLabel(id('enforcement.fields.examiner'), { exact: true }).fill('Petugas Wasdakim');
      await examine.getByLabel(id('enforcement.fields.place'), { exact: true }).fill('Kantor Imigrasi');
      await examine
        .getByLabel(id('enforcement.fields.statement'), { exact: true })
        .fill('Mengaku tinggal melebihi izin');
      await loaded(field, examine.getByRole('button', { name: id('enforcement.steps.examine') }).click());
      expect(await field.locator('dl.facts').textContent()).toContain(id('enforcement.statuses.examined'));

      // A head of office writes the opinion: deportation and an entry ban; as its author, he may not decide.
      const author = await authorContext.newPage();
      await author.goto(caseUrl);
      const opine = step(author, 'opine');
      await opine.getByLabel(id('enforcement.fields.opinion'), { exact: true }).fill('Layak dideportasi dan ditangkal');
      await opine.getByLabel(id('enforcement.measures.deportation'), { exact: true }).check();
      await opine.getByLabel(id('enforcement.measures.listing'), { exact: true }).check();
      await loaded(author, opine.getByRole('button', { name: id('enforcement.steps.opine') }).click());
      expect(await author.locator('dl.facts').textContent()).toContain(id('enforcement.statuses.opinion'));
      expect(await step(author, 'decide').count()).toBe(0);
      expect(await author.getByRole('button', { name: id('enforcement.steps.decide') }).count()).toBe(0);

      // Another head of office of the unit decides.
      const decider = await deciderContext.newPage();
      await decider.goto(caseUrl);
      const decide = step(decider, 'decide');
      await decide.getByLabel(id('enforcement.fields.decisionNumber'), { exact: true }).fill('W21.IMI.1-GR.04.01-17');
      expect(await decide.getByLabel(id('enforcement.measures.deportation'), { exact: true }).isChecked()).toBe(true);
      await decide.getByLabel(id('enforcement.measures.listing'), { exact: true }).check();
      await decide.locator('input[name="until_listing"]').fill(banUntil);
      await loaded(decider, decide.getByRole('button', { name: id('enforcement.steps.decide') }).click());
      expect(decider.url()).toBe(caseUrl);
      expect(await decider.locator('dl.facts').textContent()).toContain(id('enforcement.statuses.decided'));
      expect(await decider.textContent('body')).toContain(id('enforcement.measures.listing'));

      const entries = await db.select().from(watchlistEntries).where(eq(watchlistEntries.sourceRef, caseId!));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        list: 'entry',
        foreignerId: who.id,
        validUntil: banUntil,
        liftedAt: null,
      });
    } finally {
      await officerContext.close();
      await authorContext.close();
      await deciderContext.close();
    }
  });
});
