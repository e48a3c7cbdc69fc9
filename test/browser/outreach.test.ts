import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { approveSession } from '../../src/outreach/approve-session.ts';
import { outreachSessions } from '../../src/outreach/schema.ts';
import { makeOutreachUnit, participantLines } from '../../src/outreach/test-support.ts';
import { systemCaller } from '../../src/platform/auth/caller.ts';
import { toActor } from '../../src/platform/auth/sessions.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { serviceDay } from '../dates.ts';
import { describeInChromium, loaded } from './suite.ts';

const id = translator('id');

/**
 * Eazy Paspor in a real Chromium without JavaScript, as on a cheap phone with a weak signal: a village head asks for
 * a session (the region picker refreshes by plain form posts), gets a tracking code, and, once the office has
 * approved it, anyone finds the session on the public list of their regency.
 */
describeInChromium('Eazy Paspor in Chromium', ({ browser, server }) => {
  it('takes a community request and lists the approved session for its regency', async () => {
    const db = server().app.deps.database.db;
    const { unit, head, officerA, kit } = await makeOutreachUnit(db);
    const sessionDate = await serviceDay(db, unit.code, 3);
    const venue = `Balai Desa ${unit.code}`;
    const context = await browser().newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
    try {
      await page.goto(`${server().url}/eazy-paspor/ajukan`);
      await page.locator('main select[name="venueVillage_regency"]').selectOption('53.01');
      await loaded(page, page.locator('main button[name="_refresh"]').click());
      const district = await page
        .locator('main select[name="venueVillage_district"] option')
        .nth(1)
        .getAttribute('value');
      await page.locator('main select[name="venueVillage_district"]').selectOption(district);
      await loaded(page, page.locator('main button[name="_refresh"]').click());
      const village = await page
        .locator('main select[name="venueVillage_village"] option')
        .nth(1)
        .getAttribute('value');
      await page.locator('main select[name="venueVillage_village"]').selectOption(village);
      await page.getByLabel(id('outreach.fields.organiserKind')).selectOption('village');
      await page.getByLabel(id('outreach.fields.organiserName')).fill('Pemerintah Desa Oelnasi');
      await page.getByLabel(id('outreach.fields.contactName')).fill('Yakobus Tefa');
      await page.getByLabel(id('outreach.fields.contactPhone')).fill('0812 3456 7890');
      await page.getByLabel(id('outreach.fields.venue')).fill(venue);
      await page.getByLabel(id('outreach.fields.unitCode')).selectOption(unit.code);
      await page.getByLabel(id('outreach.fields.date1')).fill(sessionDate);
      await page.getByLabel(id('outreach.fields.expectedParticipants')).fill('35');
      await page.getByLabel(id('outreach.fields.participantsText')).fill(participantLines(3).join('\n'));
      await loaded(page, page.getByRole('button', { name: id('outreach.request.submit') }).click());
      expect(await page.locator('main h1').innerText()).toBe(id('outreach.request.sentTitle'));
      const [session] = await db.select().from(outreachSessions).where(eq(outreachSessions.venue, venue));
      expect(session).toMatchObject({
        status: 'requested',
        villageCode: village,
        expectedParticipants: 35,
        unitCode: unit.code,
      });
      expect(await page.locator('main').innerText()).toContain(session!.trackingCode);

      await db.transaction((tx) =>
        approveSession(
          tx,
          { ...systemCaller('test'), actor: toActor(head, 'session', true) },
          { sessionId: session!.id, date: sessionDate, capacity: 40, officerIds: [officerA.id], kitIds: [kit.id] },
          server().url,
        ),
      );
      await page.goto(`${server().url}/eazy-paspor?regency=53.01`);
      expect(await page.locator('main').innerText()).toContain(venue);
      await page.goto(`${server().url}/eazy-paspor?regency=53.71`);
      expect(await page.locator('main').innerText()).not.toContain(venue);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
