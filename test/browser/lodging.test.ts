import { expect, it } from 'vitest';
import { makeTravelDocument, mrzOf } from '../../src/foreigners/test-support.ts';
import { performLodgingAction } from '../../src/lodgings/perform-lodging-action.ts';
import { registerLodging } from '../../src/lodgings/register-lodging.ts';
import { villageIn } from '../../src/lodgings/test-support.ts';
import { systemCaller } from '../../src/platform/auth/caller.ts';
import { toActor } from '../../src/platform/auth/sessions.ts';
import { addDays, witaDate } from '../../src/platform/calendar/wita.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { makeCitizen, makeOfficer, sessionCookie } from '../factories.ts';
import { jpeg } from '../uploads.ts';
import { describeInChromium, loaded } from './suite.ts';

const en = translator('en');

/**
 * A homestay owner on a phone with JavaScript off: the homestay was registered and the office verified it; the owner
 * pastes a guest's MRZ, has the server read it, attaches a photo of the biodata page, sends the report, gets the
 * receipt with the photo, and checks the guest out.
 */
describeInChromium('a homestay reporting a guest in Chromium', ({ browser, server }) => {
  it('reports a guest by the MRZ, shows the receipt and checks the guest out', async () => {
    const db = server().app.deps.database.db;
    const owner = await makeCitizen(db, { name: 'Theresia Homestay' });
    const officer = await makeOfficer(db, { role: 'oversight_officer', unitCode: 'KANIM-LABUAN-BAJO' });
    const villageCode = await villageIn(db, '53.15');
    const lodging = await db.transaction((tx) =>
      registerLodging(
        tx,
        { ...systemCaller('test'), actor: toActor(owner, 'session', true) },
        {
          name: `Homestay Melo ${crypto.randomUUID().slice(0, 4)}`,
          kind: 'homestay',
          licenceNumber: 'NIB-77',
          address: 'Kampung Melo',
          villageCode,
          personInCharge: owner.name,
          phone: '081234567890',
          email: owner.email,
        },
      ),
    );
    await db.transaction((tx) =>
      performLodgingAction(
        tx,
        { ...systemCaller('test'), actor: toActor(officer, 'session', true) },
        { lodgingId: lodging.id, step: 'verify' },
        { publicUrl: server().url },
      ),
    );
    const context = await browser().newContext({ javaScriptEnabled: false });
    const [name, value] = (await sessionCookie(db, owner)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: server().url }]);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
    try {
      await page.goto(`${server().url}/lodgings/${lodging.id}`);
      await loaded(page, page.getByRole('link', { name: en('lodgings.intake.lodging.checkIn') }).click());
      const doc = makeTravelDocument({
        surname: 'DUBOIS',
        givenNames: 'CLAIRE',
        nationality: 'FRA',
        issuingState: 'FRA',
        sex: 'F',
      });
      await page.getByLabel(en('foreigners.fields.mrz')).fill(mrzOf(doc));
      await loaded(page, page.getByRole('button', { name: en('foreigners.fields.readMrz') }).click());
      expect(await page.getByLabel(en('foreigners.fields.documentNumber')).inputValue()).toBe(doc.documentNumber);
      expect(await page.getByLabel(en('foreigners.fields.surname')).inputValue()).toBe('DUBOIS');
      const at = new Date(Date.now() - 2 * 3_600_000);
      const time = at.toLocaleTimeString('en-GB', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit' });
      await page.getByLabel(en('lodgings.intake.fields.checkInAt')).fill(`${witaDate(at)} ${time}`);
      await page.getByLabel(en('lodgings.intake.fields.expectedCheckOutOn')).fill(addDays(witaDate(), 2));
      await page.getByLabel(en('lodgings.intake.fields.room')).fill('3');
      // The phone's photo of the biodata page goes with the form, as multipart without JavaScript.
      await page
        .getByLabel(en('lodgings.intake.fields.photo'))
        .setInputFiles({ name: 'passport.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await loaded(page, page.getByRole('button', { name: en('lodgings.intake.checkIn.submit') }).click());
      expect(await page.locator('main h1').innerText()).toBe(en('lodgings.intake.receipt.title'));
      const receipt = await page.locator('main dd strong').innerText();
      expect(receipt).toMatch(/^STT-LABUANBAJO-\d{8}-[A-Z2-9]{10}$/);
      const photoUrl = await page.getByRole('link', { name: en('lodgings.intake.receipt.photo') }).getAttribute('href');
      const photo = await page.request.get(`${server().url}${photoUrl}`);
      expect(photo.headers()['content-type']).toBe('image/jpeg');
      expect((await photo.body()).equals(jpeg)).toBe(true);
      await loaded(page, page.getByRole('link', { name: en('lodgings.intake.lodging.guests') }).click());
      expect(await page.locator('main table').innerText()).toContain('DUBOIS');
      await loaded(page, page.getByRole('button', { name: new RegExp(en('lodgings.intake.guests.checkOut')) }).click());
      expect(await page.locator('main').innerText()).toContain(en('lodgings.intake.guests.checkedOut'));
      expect(await page.locator('main').innerText()).toContain(en('lodgings.intake.guests.none'));
      await page.goto(`${server().url}/lapor-orang-asing/tanda-terima/${receipt}`);
      const check = await page.locator('main').innerText();
      expect(check).toContain(en('lodgings.intake.verify.checkedOut'));
      expect(check).not.toContain('DUBOIS');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
