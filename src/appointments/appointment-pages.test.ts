import zlib from 'node:zlib';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeCitizen, makeOfficer, makeUnit, openDate, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { mailsTo } from '../../test/mail.ts';
import { withoutCsrf } from '../accounts/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { witaInstant } from '../platform/calendar/wita.ts';
import { formatDateTime, formatRupiah, translator, formatDay } from '../platform/i18n/index.ts';
import { checkInArrival } from '../queue/check-in-arrival.ts';
import { viewDayList } from './day-list.ts';
import { settleBilling } from './settle-billing.ts';
import { bookDirectly, ownerBrowser } from './test-support.ts';

const t = translator('id');

/** The text a PDF shows: every (Flate-compressed) content stream's text operators, decoded. */
function pdfText(pdf: Buffer): string {
  let text = '';
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = zlib.inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ/gs)) {
      text +=
        [...op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join('') +
        '\n';
    }
  }
  return text;
}

describeApp('appointment pages', (ctx) => {
  async function booked() {
    const unit = await makeUnit(ctx.db, { address: 'Jl. Timor Raya Km 8, Kupang' });
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 5);
    const application = await makeApplication(ctx.db, {
      unitCode: unit.code,
      kind: 'replacement',
      oldPassportNumber: 'B1234567',
    });
    const result = await bookDirectly(ctx.app, application, date);
    return { unit, date, application, result, browser: await ownerBrowser(ctx.app, ctx.db, application) };
  }

  it('confirms the booking: code, office, date, itemised fee, billing code, its expiry in WITA and how to pay it, what to bring, the QR', async () => {
    const { unit, date, application, result, browser } = await booked();
    const page = await browser.get(`/applications/${application.id}/appointment`);
    expect(page.statusCode).toBe(200);
    for (const text of [
      application.trackingCode,
      unit.name,
      unit.address,
      formatDay('id', date),
      t('booking.feeItems.elektronik_10y'),
      formatRupiah('id', 950_000),
      result.billing.code,
      formatDateTime('id', result.billing.expiresAt),
      t('booking.bring.ektp'),
      t('booking.bring.oldPassport'),
    ]) {
      expect(page.body, text).toContain(text);
    }
    expect(page.body).toMatch(/<img class="qr-image" src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    expect(page.body).toContain(`href="/applications/${application.id}/appointment/receipt.pdf"`);
    expect(page.body).toContain(`href="/applications/${application.id}/appointment/calendar.ics"`);
    expect(page.body).toContain(`href="/applications/${application.id}/appointment/reschedule"`);
    // Unpaid: how to pay the code is one tap away.
    expect(page.body).toContain(`href="/applications/${application.id}/appointment/cara-membayar"`);
  });

  it('mails the confirmation with the code, the date and the billing code', async () => {
    const { date, application, result } = await booked();
    const [mail] = await mailsTo(ctx, application.email!);
    expect(mail!.subject).toBe(t('booking.mail.confirmation.subject', { code: application.trackingCode }));
    expect(mail!.text).toContain(formatDay('id', date));
    expect(mail!.text).toContain(result.billing.code);
    expect(mail!.text).toContain(`/applications/${application.id}/appointment`);
  });

  it('gives the receipt as a PDF with the tracking code, the office, the billing code and the QR image', async () => {
    const { unit, application, result, browser } = await booked();
    const res = await browser.get(`/applications/${application.id}/appointment/receipt.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`bukti-pendaftaran-${application.trackingCode}.pdf`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    const text = pdfText(pdf);
    expect(text).toContain(application.trackingCode);
    expect(text).toContain(result.billing.code);
    expect(text).toContain(unit.address);
  });

  it('gives the appointment as an all-day calendar event on the date, at the office', async () => {
    const { unit, date, application, result, browser } = await booked();
    const res = await browser.get(`/applications/${application.id}/appointment/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = res.body.replace(/\r\n[ \t]/g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${date.replaceAll('-', '')}\r\n`);
    expect(ics).toContain(`UID:${result.appointment.id}@sikoe`);
    expect(ics).toContain(`SUMMARY:${t('booking.ics.summary', { unit: unit.name })}`);
    expect(ics).toContain(application.trackingCode);
  });

  it('shows the appointment to officers of its unit but not to other citizens or other units', async () => {
    const { application } = await booked();
    const stranger = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, await makeCitizen(ctx.db)));
    const regional = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANWIL-NTT' })),
    );
    const maumere = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-MAUMERE' })),
    );
    for (const path of ['', '/receipt.pdf', '/calendar.ics']) {
      const url = `/applications/${application.id}/appointment${path}`;
      expect((await stranger.get(url)).statusCode, url).toBe(403);
      expect((await maumere.get(url)).statusCode, url).toBe(403);
      expect((await regional.get(url)).statusCode, url).toBe(200);
    }
  });

  it('keeps the page, receipt, tracking and day list of an appointment after check-in: paid, with no QR or change left', async () => {
    const { unit, date, application, result, browser } = await booked();
    await ctx.db.transaction((tx) => settleBilling(tx, systemCaller('test'), { code: result.billing.code }));
    await ctx.db.transaction((tx) =>
      checkInArrival(
        tx,
        systemCaller('test'),
        { unitCode: unit.code, qr: result.appointment.qr },
        ctx.app.deps.secrets.qr,
        witaInstant(date, '09:00'),
      ),
    );
    const base = `/applications/${application.id}/appointment`;
    const page = await browser.get(base);
    expect(page.statusCode).toBe(200);
    for (const text of [
      t('booking.confirmation.attendedLead'),
      t('booking.confirmation.paidAt'),
      t('booking.confirmation.attended'),
      result.billing.code,
    ])
      expect(page.body, text).toContain(text);
    expect(page.body).not.toContain('class="qr-image"');
    expect(page.body).not.toContain(`href="${base}/reschedule"`);
    expect(page.body).not.toContain(`href="${base}/cancel"`);
    expect(pdfText((await browser.get(`${base}/receipt.pdf`)).rawPayload)).toContain(t('booking.confirmation.paidAt'));

    const cancel = await browser.get(`${base}/cancel`);
    expect(cancel.body).toContain(t('booking.cancel.attended', { date: formatDay('id', date) }));
    expect(cancel.body).not.toContain(t('booking.cancel.submit'));
    expect((await browser.get(`${base}/reschedule`)).statusCode).toBe(409);

    const tracked = await browser.request({
      method: 'POST',
      url: '/track',
      form: { code: application.trackingCode, birthDate: application.birthDate! },
    });
    expect(tracked.body).toContain(t('booking.statuses.checked_in'));
    expect(tracked.body).toContain(formatDay('id', date));
    const day = await ctx.db.transaction((tx) => viewDayList(tx, systemCaller('test'), { unitCode: unit.code, date }));
    expect(day).toMatchObject([{ trackingCode: application.trackingCode, paid: true }]);
  });

  it('tracks an application by code and birth date, answering an unknown code and a wrong birth date alike', async () => {
    const { unit, date, application } = await booked();
    const browser = new Browser(ctx.app);
    expect((await browser.get('/track')).statusCode).toBe(200);
    const found = await browser.request({
      method: 'POST',
      url: '/track',
      form: { code: application.trackingCode.toLowerCase(), birthDate: application.birthDate! },
    });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(t('booking.statuses.booked'));
    expect(found.body).toContain(unit.name);
    expect(found.body).toContain(formatDay('id', date));

    const wrongBirth = await browser.request({
      method: 'POST',
      url: '/track',
      form: { code: application.trackingCode, birthDate: '1901-01-01' },
    });
    const unknown = await browser.request({
      method: 'POST',
      url: '/track',
      form: { code: 'SK0000000000', birthDate: '1901-01-01' },
    });
    expect(wrongBirth.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrongBirth.body).toContain(t('booking.track.notFound'));
    const same = (html: string) =>
      withoutCsrf(html).replace(/name="code"([^>]*?) value="[^"]*"/, 'name="code"$1 value=""');
    expect(same(wrongBirth.body)).toBe(same(unknown.body));
    expect(wrongBirth.body).not.toContain(unit.name);

    const invalid = await browser.request({ method: 'POST', url: '/track', form: { code: '', birthDate: 'kemarin' } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain(t('v.date'));
  });
});
