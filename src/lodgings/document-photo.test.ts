import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { heic, html, jpeg, pdf, postMultipart, type FilePart } from '../../test/uploads.ts';
import { makeTravelDocument, mrzOf } from '../foreigners/test-support.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { STORAGE_DELETE_JOB } from '../platform/storage/delete-job.ts';
import { transactionStoring } from '../platform/storage/transaction-storing.ts';
import { callerAs } from '../stay-permits/test-support.ts';
import { checkInGuest } from './check-in-guest.ts';
import { parseGuest } from './inputs.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { lodgingReadGrants, stays, type Lodging } from './schema.ts';
import { guestJson, makeLodging, makeReporter } from './test-support.ts';

const en = translator('en');
const id = translator('id');
// Lodgings of test-support.ts are in Manggarai Barat (53.15), the area of the office at Labuan Bajo.
const labuanBajo = '/officer/units/KANIM-LABUAN-BAJO/lodgings';
const kupang = '/officer/units/KANIM-KUPANG/lodgings';
const photo = (bytes: Buffer, type = 'image/jpeg', filename = 'passport.jpg'): FilePart => ({
  field: 'photo',
  filename,
  type,
  bytes,
});

async function read(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describeApp('the biodata photo of a check-in', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const stayRows = (lodgingId: string) => ctx.db.select().from(stays).where(eq(stays.lodgingId, lodgingId));
  const storedFor = (lodging: Lodging) =>
    fs.existsSync(path.join(ctx.config.dataDir, 'uploads', 'lodgings', lodging.id));
  const audits = async (actorId: string, action: string) =>
    ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, action)));
  const hourAgo = () => {
    const at = new Date(Date.now() - 3_600_000);
    return `${witaDate(at)} ${at.toLocaleTimeString('en-GB', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit' })}`;
  };
  /** The check-in form's fields for a fresh guest, with the page's own request id. */
  const guestForm = async (browser: Browser, lodging: Lodging, surname = 'NAKAMURA') => {
    const page = await browser.get(`/lodgings/${lodging.id}/check-in`);
    const requestId = /name="requestId" value="([^"]+)"/.exec(page.body)![1]!;
    const doc = makeTravelDocument({ surname });
    return {
      doc,
      fields: {
        requestId,
        mrz: mrzOf(doc),
        checkInAt: hourAgo(),
        expectedCheckOutOn: addDays(witaDate(), 2),
        purpose: 'tourism',
      },
    };
  };
  const checkIn = (browser: Browser, lodging: Lodging, fields: Record<string, string>, file?: FilePart) =>
    postMultipart(
      ctx.app,
      browser,
      `/lodgings/${lodging.id}/check-in`,
      `/lodgings/${lodging.id}/check-in`,
      fields,
      file,
    );

  it('keeps a photo attached on check-in with the stay, for the lodging’s own members only', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const browser = await as(manager);
    const form = await browser.get(`/lodgings/${lodging.id}/check-in`);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain(en('lodgings.intake.fields.photoHint', { mb: 5 }));
    const { fields } = await guestForm(browser, lodging);
    const sent = await checkIn(browser, lodging, fields, photo(heic, 'image/heic', 'IMG_0042.HEIC'));
    expect(sent.statusCode, sent.body.slice(0, 400)).toBe(303);
    const [stay] = await stayRows(lodging.id);
    expect(stay!.documentPhotoKey).toMatch(new RegExp(`^lodgings/${lodging.id}/stays/${stay!.id}/biodata-`));
    const stored = await ctx.app.deps.storage.get(stay!.documentPhotoKey!);
    expect(stored.mediaType).toBe('image/heic');
    expect((await read(stored.body)).equals(heic)).toBe(true);
    expect(await audits(manager.id, 'lodging.documentPhotoAttached')).toHaveLength(1);

    // The same form sent again is a repeat: one stay, its photo as it was.
    const again = await checkIn(browser, lodging, fields, photo(jpeg));
    expect(again.headers.location).toContain('sent=repeat');
    expect((await stayRows(lodging.id)).map((s) => s.documentPhotoKey)).toEqual([stay!.documentPhotoKey]);

    const url = `/lodgings/${lodging.id}/guests/${stay!.id}/photo`;
    expect((await browser.get(sent.headers.location!)).body).toContain(`href="${url}"`);
    const shown = await browser.get(url);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/heic');
    expect(shown.headers['cache-control']).toBe('private, no-store');
    expect(shown.headers['x-content-type-options']).toBe('nosniff');
    expect(shown.rawPayload.equals(heic)).toBe(true);
    const reporter = await as(await makeReporter(ctx.db, lodging.id));
    expect((await reporter.get(url)).statusCode).toBe(200);
    const other = await makeLodging(ctx.db);
    expect((await (await as(other.manager)).get(url)).statusCode).toBe(403);
    expect((await browser.get(`/lodgings/${other.lodging.id}/guests/${stay!.id}/photo`)).statusCode).toBe(403);
  });

  it('queues the photo’s delete when the transaction fails after storing it, keeping no stay', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const parsed = parseGuest(guestJson());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
    const input = { lodgingId: lodging.id, guest: parsed.guest, photo: { bytes: jpeg, filename: 'passport.jpg' } };
    const failed = transactionStoring(ctx.db, ctx.app.deps.storage, async (tx, storage) => {
      await checkInGuest(tx, callerAs(manager), input, storage);
      // Stands for a commit the database refuses once the file is stored.
      throw new Error('commit refused');
    });
    await expect(failed).rejects.toThrow('commit refused');
    expect(await stayRows(lodging.id)).toHaveLength(0);
    const queued = await ctx.db.select({ payload: jobs.payload }).from(jobs).where(eq(jobs.kind, STORAGE_DELETE_JOB));
    const keys = queued.map((j) => String(j.payload.key)).filter((k) => k.startsWith(`lodgings/${lodging.id}/`));
    expect(keys).toHaveLength(1);
    const file = path.join(ctx.config.dataDir, 'uploads', keys[0]!);
    expect(fs.existsSync(file)).toBe(true);
    await ctx.app.deps.jobs.runDue();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('records a guest without a photo as before, and offers no photo then', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const browser = await as(manager);
    const { fields } = await guestForm(browser, lodging);
    const sent = await checkIn(browser, lodging, fields);
    expect(sent.statusCode).toBe(303);
    const [stay] = await stayRows(lodging.id);
    expect(stay!.documentPhotoKey).toBeNull();
    expect((await browser.get(sent.headers.location!)).body).not.toContain('/photo"');
    expect((await browser.get(`/lodgings/${lodging.id}/guests/${stay!.id}/photo`)).statusCode).toBe(404);
  });

  it('asks for the photo again when the page comes back from “Read the MRZ” or a mistake elsewhere', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const browser = await as(manager);
    const { doc, fields } = await guestForm(browser, lodging);
    const readMrz = await checkIn(browser, lodging, { ...fields, _readMrz: '1' }, photo(jpeg));
    expect(readMrz.statusCode).toBe(200);
    expect(readMrz.body).toContain(`value="${doc.documentNumber}"`);
    expect(readMrz.body).toContain(en('lodgings.intake.checkIn.photoAgain'));
    const future = await checkIn(
      browser,
      lodging,
      { ...fields, checkInAt: `${addDays(witaDate(), 1)} 10:00` },
      photo(jpeg),
    );
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain(en('lodgings.intake.v.checkInFuture'));
    expect(future.body).toContain(en('lodgings.intake.checkIn.photoAgain'));
    expect(await stayRows(lodging.id)).toHaveLength(0);
    expect(storedFor(lodging)).toBe(false);
  });

  it('refuses a file that is not a photo, or too large, on the photo field in the page’s language, storing nothing', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const browser = await as(manager);
    const { fields } = await guestForm(browser, lodging, 'OKONKWO');
    for (const file of [photo(html, 'image/jpeg', 'passport.jpg'), photo(pdf, 'application/pdf', 'passport.pdf')]) {
      const res = await checkIn(browser, lodging, fields, file);
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(en('lodgings.intake.v.photoType'));
      expect(res.body).toContain('P&lt;AUSOKONKWO&lt;&lt;');
      expect(res.body).not.toContain(en('lodgings.intake.checkIn.photoAgain'));
    }
    const big = Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await checkIn(browser, lodging, fields, photo(big));
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.body).toContain(en('lodgings.intake.v.photoTooLarge', { mb: 5 }));
    expect(tooLarge.body).toContain('P&lt;AUSOKONKWO&lt;&lt;');
    expect(tooLarge.body).toContain(`value="${fields.checkInAt}"`);
    // Far too large to read: refused before it is read, still named on the form.
    const huge = await checkIn(browser, lodging, fields, photo(Buffer.concat([jpeg, Buffer.alloc(16 * 1024 * 1024)])));
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain(en('v.fileTooLarge'));

    browser.setCookie('lang=id');
    const inIndonesian = await checkIn(browser, lodging, fields, photo(html));
    expect(inIndonesian.statusCode).toBe(422);
    expect(inIndonesian.body).toContain(id('lodgings.intake.v.photoType'));
    const largeInIndonesian = await checkIn(browser, lodging, fields, photo(big));
    expect(largeInIndonesian.body).toContain(id('lodgings.intake.v.photoTooLarge', { mb: 5 }));

    expect(await stayRows(lodging.id)).toHaveLength(0);
    expect(storedFor(lodging)).toBe(false);
  });

  it('shows the photo to the area’s overseers, audited, and never to other offices, other roles or partners', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const reporter = await as(manager);
    const { fields } = await guestForm(reporter, lodging);
    await checkIn(reporter, lodging, fields, photo(jpeg));
    const [stay] = await stayRows(lodging.id);
    const url = `${labuanBajo}/stays/${stay!.id}/photo`;

    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-LABUAN-BAJO' });
    const overseer = await as(officer);
    const movements = await overseer.get(`${labuanBajo}/foreigners/${stay!.foreignerId}`);
    expect(movements.statusCode).toBe(200);
    expect(movements.body).toContain(`href="${url}"`);
    const shown = await overseer.get(url);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(shown.headers['cache-control']).toBe('private, no-store');
    expect(shown.rawPayload.equals(jpeg)).toBe(true);
    const [entry, ...more] = await audits(officer.id, 'lodging.documentPhoto');
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      unitCode: 'KANIM-LABUAN-BAJO',
      targetType: 'foreigner',
      targetId: stay!.foreignerId,
      details: { stayId: stay!.id },
    });

    // Kupang's overseers see the person's stays across the register, but not this area's photo.
    const other = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    const kupangOfficer = await as(other);
    const theirView = await kupangOfficer.get(`${kupang}/foreigners/${stay!.foreignerId}`);
    expect(theirView.statusCode).toBe(200);
    expect(theirView.body).toContain(lodging.name);
    expect(theirView.body).not.toContain('/photo"');
    expect((await kupangOfficer.get(`${kupang}/stays/${stay!.id}/photo`)).statusCode).toBe(404);
    expect((await kupangOfficer.get(url)).statusCode).toBe(403);
    const counter = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-LABUAN-BAJO' }));
    expect((await counter.get(url)).statusCode).toBe(403);

    // A partner with a live grant for the area reads the movements, without names and without the photo.
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-LABUAN-BAJO' });
    const partner = await makeOfficer(ctx.db, { role: 'partner', unitCode: 'KANIM-LABUAN-BAJO' });
    await ctx.db.insert(lodgingReadGrants).values({
      accountId: partner.id,
      unitCode: 'KANIM-LABUAN-BAJO',
      grantedBy: head.id,
      validUntil: addDays(witaDate(), 30),
    });
    const police = await as(partner);
    const partnerView = await police.get(`${labuanBajo}/foreigners/${stay!.foreignerId}`);
    expect(partnerView.statusCode).toBe(200);
    expect(partnerView.body).not.toContain('/photo"');
    expect((await police.get(url)).statusCode).toBe(403);
    for (const account of [other, partner])
      expect(await audits(account.id, 'lodging.documentPhoto'), account.role!).toHaveLength(0);
  });
});
