import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { postMultipart } from '../../test/uploads.ts';
import { makeTravelDocument, mrzOf } from '../foreigners/test-support.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { lodgings, stays } from './schema.ts';
import { makeLodging } from './test-support.ts';

const en = translator('en');

describeApp('reporting guests from the pages', (ctx) => {
  const stayCount = async (lodgingId: string) =>
    (await ctx.db.select({ n: count() }).from(stays).where(eq(stays.lodgingId, lodgingId)))[0]!.n;
  const today = witaDate();
  const hourAgo = () => {
    const at = new Date(Date.now() - 3_600_000);
    return `${witaDate(at)} ${at.toLocaleTimeString('en-GB', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit' })}`;
  };

  it('reads the MRZ on the server, records the guest, shows the receipt once however often it is sent', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, manager));
    const base = `/lodgings/${lodging.id}`;
    const form = await browser.get(`${base}/check-in`);
    expect(form.body).toContain('Read the MRZ');
    const requestId = /name="requestId" value="([^"]+)"/.exec(form.body)![1]!;
    const doc = makeTravelDocument({ surname: 'NGUYEN', givenNames: 'AN' });
    const stay = { requestId, checkInAt: hourAgo(), expectedCheckOutOn: addDays(today, 2), purpose: 'tourism' };
    const read = await browser.post(`${base}/check-in`, { ...stay, mrz: mrzOf(doc), _readMrz: '1' });
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain(`value="${doc.documentNumber}"`);
    expect(read.body).toContain('value="NGUYEN"');
    const typo = await browser.post(`${base}/check-in`, { ...stay, mrz: 'P<AUS', _readMrz: '1' });
    expect(typo.statusCode).toBe(422);
    const fields = { ...stay, mrz: mrzOf(doc) };
    const sent = await browser.post(`${base}/check-in`, fields);
    expect(sent.statusCode, sent.body.slice(0, 400)).toBe(303);
    const receipt = await browser.get(sent.headers.location!);
    expect(receipt.body).toContain('The report was received.');
    expect(receipt.body).toMatch(/STT-LABUANBAJO-\d{8}-[A-Z2-9]{10}/);
    const again = await browser.post(`${base}/check-in`, fields);
    expect(again.headers.location!.split('?')[0]).toBe(sent.headers.location!.split('?')[0]);
    expect((await browser.get(again.headers.location!)).body).toContain('had already been received');
    expect(await stayCount(lodging.id)).toBe(1);
  });

  it('answers a check-in in the future on its field and records nothing', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, manager));
    const base = `/lodgings/${lodging.id}`;
    await browser.get(`${base}/check-in`);
    const doc = makeTravelDocument();
    const res = await browser.post(`${base}/check-in`, {
      mrz: mrzOf(doc),
      checkInAt: `${addDays(today, 1)} 10:00`,
      expectedCheckOutOn: addDays(today, 3),
      purpose: 'tourism',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('The check-in time cannot be in the future.');
    expect(await stayCount(lodging.id)).toBe(0);
  });

  it('checks a guest out from the list, and keeps the receipt for members only', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, manager));
    const base = `/lodgings/${lodging.id}`;
    await browser.get(`${base}/check-in`);
    const doc = makeTravelDocument({ surname: 'OKAFOR' });
    const sent = await browser.post(`${base}/check-in`, {
      mrz: mrzOf(doc),
      checkInAt: hourAgo(),
      expectedCheckOutOn: addDays(today, 1),
      purpose: 'business',
    });
    const stayId = sent.headers.location!.split('/')[4]!;
    const list = await browser.get(`${base}/guests`);
    expect(list.body).toContain('OKAFOR');
    const pdf = await browser.get(`${base}/guests/${stayId}/receipt.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await makeLodging(ctx.db);
    const stranger = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, other.manager));
    expect((await stranger.get(`${base}/guests/${stayId}/receipt.pdf`)).statusCode).toBe(403);
    expect((await stranger.post(`${base}/guests/${stayId}/check-out`, {}, `${other.lodging.id}`)).statusCode).toBe(403);
    const out = await browser.post(`${base}/guests/${stayId}/check-out`, {}, `${base}/guests`);
    expect(out.headers.location).toBe(`${base}/guests?out=1`);
    const after = await browser.get(out.headers.location!);
    expect(after.body).toContain('The guest was checked out.');
    expect(after.body).not.toContain('OKAFOR');
  });

  it('shows anyone that a receipt is genuine, with no personal data', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, manager));
    const base = `/lodgings/${lodging.id}`;
    await browser.get(`${base}/check-in`);
    const doc = makeTravelDocument({ surname: 'LINDQVIST', nationality: 'SWE', issuingState: 'SWE' });
    const sent = await browser.post(`${base}/check-in`, {
      mrz: mrzOf(doc),
      checkInAt: hourAgo(),
      expectedCheckOutOn: addDays(today, 1),
      purpose: 'tourism',
    });
    const receipt = await browser.get(sent.headers.location!);
    const url = /https?:\/\/[^"<\s]+\/lapor-orang-asing\/tanda-terima\/(STT-[A-Z0-9-]+)/.exec(receipt.body)!;
    const check = await ctx.app.inject({ url: `/lapor-orang-asing/tanda-terima/${url[1]}` });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('This receipt is genuine.');
    expect(check.body).toContain(lodging.name);
    for (const secret of ['LINDQVIST', doc.documentNumber, 'SWE', doc.givenNames])
      expect(check.body).not.toContain(secret);
    // A private host's lodging is named after a person: the check names only its kind.
    await ctx.db.update(lodgings).set({ kind: 'private_host' }).where(eq(lodgings.id, lodging.id));
    const host = await ctx.app.inject({ url: `/lapor-orang-asing/tanda-terima/${url[1]}` });
    expect(host.body).not.toContain(lodging.name);
    expect(host.body).toContain(en('lodgings.intake.kinds.private_host'));
    const fake = await ctx.app.inject({ url: '/lapor-orang-asing/tanda-terima/STT-KUPANG-20261203-AAAAAAAAAA' });
    expect(fake.statusCode).toBe(404);
  });

  it('accepts a CSV file’s good rows, answers the bad row by its line, and takes the same file again as repeats', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, manager));
    const base = `/lodgings/${lodging.id}`;
    const row = (doc: ReturnType<typeof makeTravelDocument>, id = '') =>
      [
        id,
        doc.surname,
        doc.givenNames,
        doc.nationality,
        doc.issuingState,
        doc.documentNumber,
        doc.birthDate,
        'M',
        '',
        hourAgo(),
        addDays(today, 2),
        '7',
        'tourism',
        '',
      ].join(',');
    const header =
      'guest_id,surname,given_names,nationality,issuing_state,document_number,birth_date,sex,expires_on,check_in_at,expected_check_out_on,room,purpose,permit_seen';
    const csv = [
      header,
      row(makeTravelDocument(), 'R-1'),
      row({ ...makeTravelDocument(), documentNumber: '' }),
      row(makeTravelDocument()),
    ].join('\r\n');
    const file = { filename: 'guests.csv', type: 'text/csv', bytes: Buffer.from(csv) };
    const upload = () => postMultipart(ctx.app, browser, `${base}/upload`, `${base}/upload`, {}, file);
    const first = await upload();
    expect(first.statusCode, first.body.slice(0, 300)).toBe(200);
    expect(first.body).toContain('Accepted: 2');
    expect(first.body).toContain('Rows with mistakes: 1');
    expect(first.body).toMatch(/<th scope="row">3<\/th><td>document_number: /);
    const second = await upload();
    expect(second.body).toContain('Accepted: 0');
    expect(second.body).toContain('Already received before: 2');
    expect(await stayCount(lodging.id)).toBe(2);
    const template = await ctx.app.inject({ url: '/lodgings/guests-template.csv' });
    expect(template.body.split('\r\n')[0]).toBe(header);
  });
});
